package io.releasepipeline.promotion;

import io.releasepipeline.cloud.CloudApiException;
import io.releasepipeline.cloud.ErrorCategory;
import io.releasepipeline.observe.PipelineMetrics;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;

/**
 * The one retry policy for TRANSIENT and THROTTLED failures: at most {@code retry.max-attempts} retries per stage of
 * a promotion for a TRANSIENT one, and for THROTTLED answers (429) as many as {@code retry.throttled-budget-ms}
 * allows from the stage's first, each after an exponential backoff with jitter, never sooner than Retry-After. It
 * counts on the promotion itself, so the bound holds however the failure surfaced (an error answer or a cut
 * connection).
 */
public class RetryPolicy {

    /** The failure being retried, for the step that runs again (was a create or deploy in doubt answered?). */
    public static final String RETRIED_FAILURE = "retriedFailure";
    private static final String THROTTLED_SINCE = "throttledSince.";

    private final int maxAttempts;
    private final long initialDelayMillis;
    private final double multiplier;
    private final long maxDelayMillis;
    private final PipelineMetrics metrics;
    private final long throttledBudgetMillis;

    public RetryPolicy(int maxAttempts, long initialDelayMillis, double multiplier, long maxDelayMillis,
                       PipelineMetrics metrics) {
        this(maxAttempts, initialDelayMillis, multiplier, maxDelayMillis, 300_000, metrics);
    }

    /**
     * @param throttledBudgetMillis how long a stage keeps retrying answers of 429 (THROTTLED): throttling says
     *                              "not now", not "no", so it is paced by time, not counted against the few retries
     *                              that other failures get
     */
    public RetryPolicy(int maxAttempts, long initialDelayMillis, double multiplier, long maxDelayMillis,
                       long throttledBudgetMillis, PipelineMetrics metrics) {
        if (maxAttempts < 0 || initialDelayMillis < 0 || multiplier < 1 || maxDelayMillis < initialDelayMillis) {
            throw new IllegalArgumentException("retry.max-attempts >= 0, retry.initial-delay-ms >= 0, "
                    + "retry.multiplier >= 1 and retry.max-delay-ms >= retry.initial-delay-ms");
        }
        this.maxAttempts = maxAttempts;
        this.initialDelayMillis = initialDelayMillis;
        this.multiplier = multiplier;
        this.maxDelayMillis = maxDelayMillis;
        this.metrics = metrics;
        this.throttledBudgetMillis = throttledBudgetMillis;
    }

    /** Whether the failed step may run again; if so, sets the delay before it (the error handler reads it). */
    public boolean allowed(Exchange exchange) {
        Promotion p = exchange.getProperty(Promotions.PROPERTY, Promotion.class);
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        boolean throttled = failure instanceof CloudApiException c && c.getCategory() == ErrorCategory.THROTTLED;
        if (throttled) {
            // the stage's first 429 starts its time budget; each later one waits at least its Retry-After
            String since = THROTTLED_SINCE + p.getStage();
            long now = System.currentTimeMillis();
            long first = exchange.getProperty(since, now, Long.class);
            exchange.setProperty(since, first);
            if (now - first > throttledBudgetMillis) {
                return false;
            }
        }
        int attempt = p.retry(maxAttempts, !throttled);
        if (attempt == 0) {
            return false;
        }
        if (throttled) {
            // paced like any retry: the backoff grows with each 429 of the stage
            String count = THROTTLED_SINCE + "count." + p.getStage();
            attempt = exchange.getProperty(count, 0, Integer.class) + 1;
            exchange.setProperty(count, attempt);
        }
        metrics.retry(failure instanceof CloudApiException c ? c.getCategory().name() : "UNKNOWN");
        exchange.setProperty(RETRIED_FAILURE, failure);
        double backoff = Math.min(maxDelayMillis, initialDelayMillis * Math.pow(multiplier, attempt - 1));
        long delay = (long) (backoff * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        if (failure instanceof CloudApiException cloud && cloud.getRetryAfter() != null) {
            try {
                delay = Math.max(delay, Math.min(maxDelayMillis, Long.parseLong(cloud.getRetryAfter().trim()) * 1000));
            } catch (NumberFormatException httpDate) {
                // an HTTP-date Retry-After: the backoff alone applies
            }
        }
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay);
        return true;
    }
}
