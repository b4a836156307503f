package io.releasepipeline.observe;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Binds the pipeline's metrics ({@code pipelineMetrics}); first in camel.main.configurationClasses, as others count. */
public class ObserveConfiguration implements CamelConfiguration {

    private PipelineMetrics metrics;

    @BindToRegistry("pipelineMetrics")
    public PipelineMetrics pipelineMetrics(CamelContext context) {
        if (metrics == null) {
            metrics = new PipelineMetrics(context);
        }
        return metrics;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PipelineMetrics.gaugeOnceStarted(context, "release_pipeline_seconds_since_last_scheduled_success",
                pipelineMetrics(context)::secondsSinceLastScheduledSuccess);
        PipelineMetrics.gaugeOnceStarted(context, "release_pipeline_last_scheduled_success_timestamp_seconds",
                pipelineMetrics(context)::lastScheduledSuccessSeconds);
    }
}
