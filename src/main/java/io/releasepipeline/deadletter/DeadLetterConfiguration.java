package io.releasepipeline.deadletter;

import io.releasepipeline.cloud.RuntimeEnvironment;
import io.releasepipeline.observe.PipelineMetrics;
import io.releasepipeline.promotion.PromotionStores;
import io.releasepipeline.promotion.StoreOutage;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Binds the dead-letter store ({@code deadLetters}) and its gauge: files in {@code promotion.dead-letters} with the
 * file store, the shared table with {@code promotion.store=postgresql}.
 */
public class DeadLetterConfiguration implements CamelConfiguration {

    private DeadLetters deadLetters;
    private StoreOutage outage;

    @PropertyInject(value = "promotion.store-retry-initial-ms", defaultValue = "500")
    private long storeRetryInitial;
    @PropertyInject(value = "promotion.store-retry-max-ms", defaultValue = "10000")
    private long storeRetryMax;

    /**
     * The store as a dependency that can be down, one for the whole runtime (the promotion store and the dead letters
     * live in the same place): bound here, where the first of them is.
     */
    @BindToRegistry("storeOutage")
    public StoreOutage storeOutage() {
        if (outage == null) {
            outage = new StoreOutage(java.time.Duration.ofMillis(storeRetryInitial),
                    java.time.Duration.ofMillis(storeRetryMax));
        }
        return outage;
    }

    @BindToRegistry("deadLetters")
    public DeadLetters deadLetters(CamelContext context) {
        if (deadLetters == null) {
            deadLetters = new PausingDeadLetters(open(context.getPropertiesComponent(), RuntimeEnvironment.of(context)),
                    storeOutage());
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
