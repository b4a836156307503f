package io.releasepipeline.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The pipeline's own metrics beside Camel's, in the registry camel-micrometer-prometheus serves on
 * /observe/metrics: promotions by outcome, stage durations, API calls by operation and HTTP status, retries by
 * category, 429s, promotions in flight, dead letters, and the time since the last successful scheduled run.
 */
public final class PipelineMetrics {

    private static volatile MeterRegistry registry = Metrics.globalRegistry;
    private static final AtomicLong LAST_SCHEDULED_SUCCESS = new AtomicLong();
    private static final AtomicLong STARTED = new AtomicLong(System.currentTimeMillis());

    private PipelineMetrics() {
    }

    /** Uses the runtime's registry (bound by camel-micrometer-prometheus) once it exists. */
    public static void use(MeterRegistry meterRegistry) {
        registry = meterRegistry;
        LAST_SCHEDULED_SUCCESS.set(0);
        STARTED.set(System.currentTimeMillis());
        // since the runtime started while no scheduled run has succeeded yet: an alert on it fires either way
        gauge("release_pipeline_seconds_since_last_scheduled_success", () -> (System.currentTimeMillis()
                - (LAST_SCHEDULED_SUCCESS.get() == 0 ? STARTED.get() : LAST_SCHEDULED_SUCCESS.get())) / 1000.0);
        gauge("release_pipeline_last_scheduled_success_timestamp_seconds", () -> LAST_SCHEDULED_SUCCESS.get() / 1000.0);
    }

    /** A gauge read at each scrape (held strongly: a weakly held one reads NaN once collected). */
    public static void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value).strongReference(true).register(registry);
    }

    public static void promotion(String outcome, boolean scheduled) {
        Counter.builder("release_pipeline_promotions").tag("outcome", outcome).register(registry).increment();
        if (scheduled && outcome.equals("SUCCEEDED")) {
            LAST_SCHEDULED_SUCCESS.set(System.currentTimeMillis());
        }
    }

    public static void stage(String stage, Duration took) {
        Timer.builder("release_pipeline_stage_duration").tag("stage", stage).register(registry).record(took);
    }

    public static void apiCall(String operation, int status) {
        Counter.builder("release_pipeline_api_calls").tag("operation", String.valueOf(operation))
                .tag("status", String.valueOf(status)).register(registry).increment();
        if (status == 429) {
            Counter.builder("release_pipeline_throttled").register(registry).increment();
        }
    }

    public static void retry(String category) {
        Counter.builder("release_pipeline_retries").tag("category", category).register(registry).increment();
    }
}
