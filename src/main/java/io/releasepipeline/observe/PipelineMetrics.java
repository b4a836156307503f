package io.releasepipeline.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;

/**
 * The pipeline's own metrics beside Camel's, in the registry camel-micrometer-prometheus serves on
 * /observe/metrics: promotions by outcome, stage durations, API calls by operation and HTTP status, retries by
 * category, 429s, promotions in flight, dead letters, and the time since the last successful scheduled run. A bean
 * ({@code pipelineMetrics}) handed to those who count.
 */
public final class PipelineMetrics {

    private final CamelContext context;
    private volatile MeterRegistry registry;
    private final AtomicLong lastScheduledSuccess = new AtomicLong();
    private final long started = System.currentTimeMillis();

    public PipelineMetrics(CamelContext context) {
        this.context = context;
    }

    /**
     * The runtime's registry, bound by camel-micrometer-prometheus as the context starts; Micrometer's global one
     * until then, and for good once the context has started without one (metrics off): looked up no more after that,
     * since every API call counts.
     */
    private MeterRegistry registry() {
        MeterRegistry current = registry;
        if (current == null) {
            current = context.getRegistry().findSingleByType(MeterRegistry.class);
            if (current == null) {
                current = Metrics.globalRegistry;
                if (!context.isStarted()) {
                    return current;
                }
            }
            registry = current;
        }
        return current;
    }

    /** Since the runtime started while no scheduled run has succeeded yet: an alert on it fires either way. */
    public double secondsSinceLastScheduledSuccess() {
        long last = lastScheduledSuccess.get();
        return (System.currentTimeMillis() - (last == 0 ? started : last)) / 1000.0;
    }

    /** When the last scheduled run succeeded (0 until one has). */
    public double lastScheduledSuccessSeconds() {
        return lastScheduledSuccess.get() / 1000.0;
    }

    /**
     * A gauge registered once the context has fully started, when camel-micrometer-prometheus has bound the registry
     * the scrape reads.
     */
    public static void gaugeOnceStarted(CamelContext context, String name, Supplier<Number> value)
            throws Exception {
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                // the registry is bound later, when the context has fully started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) {
                ctx.getRegistry().findSingleByType(PipelineMetrics.class).gauge(name, value);
            }
        });
    }

    /** A gauge read at each scrape (held strongly: a weakly held one reads NaN once collected). */
    public void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value).strongReference(true).register(registry());
    }

    public void promotion(String outcome, boolean scheduled) {
        Counter.builder("release_pipeline_promotions").tag("outcome", outcome).register(registry()).increment();
        if (scheduled && outcome.equals("SUCCEEDED")) {
            lastScheduledSuccess.set(System.currentTimeMillis());
        }
    }

    public void stage(String stage, Duration took) {
        Timer.builder("release_pipeline_stage_duration").tag("stage", stage).register(registry()).record(took);
    }

    /**
     * One cloud call answered (status 0: no whole answer), timed from its sending: one series per operation and
     * status, never per URL (Camel's exchange event notifier, which tags by endpoint URI, is off for that reason).
     */
    public void apiCall(String operation, int status, Duration took) {
        if (took != null) {
            Timer.builder("release_pipeline_api_call_duration").tag("operation", String.valueOf(operation))
                    .register(registry()).record(took);
        }
        Counter.builder("release_pipeline_api_calls").tag("operation", String.valueOf(operation))
                .tag("status", String.valueOf(status)).register(registry()).increment();
        if (status == 429) {
            Counter.builder("release_pipeline_throttled").register(registry()).increment();
        }
    }

    public void retry(String category) {
        Counter.builder("release_pipeline_retries").tag("category", category).register(registry()).increment();
    }
}
