package io.releasepipeline.deadletter;

import io.releasepipeline.cloud.RuntimeEnvironment;
import io.releasepipeline.observe.PipelineMetrics;
import io.releasepipeline.promotion.PromotionStores;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Binds the dead-letter store ({@code deadLetters}) and its gauge: files in {@code promotion.dead-letters} with the
 * file store, the shared table with {@code promotion.store=postgresql}.
 */
public class DeadLetterConfiguration implements CamelConfiguration {

    private DeadLetters deadLetters;

    @BindToRegistry("deadLetters")
    public DeadLetters deadLetters(CamelContext context) {
        if (deadLetters == null) {
            deadLetters = open(context.getPropertiesComponent(), RuntimeEnvironment.of(context));
        }
        return deadLetters;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        DeadLetters store = deadLetters(context);
        PipelineMetrics.gaugeOnceStarted(context, "release_pipeline_dead_letters", () -> store.list().size());
    }

    /** The store as application.properties places it (also for commands that read it without a runtime). */
    public static DeadLetters open(PropertiesComponent p, Map<String, String> env) {
        if (PromotionStores.shared(p)) {
            return new JdbcDeadLetters(PromotionStores.database(p, env));
        }
        return new FileDeadLetters(Path.of(p.resolveProperty("promotion.dead-letters").map(String::trim)
                .filter(v -> !v.isEmpty()).orElse("data/dead-letters")));
    }
}
