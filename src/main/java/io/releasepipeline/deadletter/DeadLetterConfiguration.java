package io.releasepipeline.deadletter;

import io.releasepipeline.observe.PipelineMetrics;
import java.nio.file.Path;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.PropertiesComponent;

/** Binds the dead-letter store ({@code deadLetters}, in {@code promotion.dead-letters}) and its gauge. */
public class DeadLetterConfiguration implements CamelConfiguration {

    @PropertyInject(value = "promotion.dead-letters", defaultValue = "data/dead-letters")
    private String directory;

    private DeadLetters deadLetters;

    @BindToRegistry("deadLetters")
    public DeadLetters deadLetters() {
        if (deadLetters == null) {
            deadLetters = new DeadLetters(Path.of(directory.trim()));
        }
        return deadLetters;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        DeadLetters store = deadLetters();
        PipelineMetrics.gaugeOnceStarted(context, "release_pipeline_dead_letters", () -> store.list().size());
    }

    /** The store as application.properties places it, for commands that read it without a runtime. */
    public static DeadLetters open(PropertiesComponent p) {
        return new DeadLetters(Path.of(p.resolveProperty("promotion.dead-letters").map(String::trim)
                .filter(v -> !v.isEmpty()).orElse("data/dead-letters")));
    }
}
