package io.releasepipeline.promotion;

import io.releasepipeline.cloud.CloudApiException;
import java.util.concurrent.ThreadLocalRandom;
import io.releasepipeline.observe.PipelineMetrics;
import org.apache.camel.Exchange;

/**
 * The one retry policy for TRANSIENT and THROTTLED failures: at most {@code retry.max-attempts} retries per stage of
 * a promotion, each after an exponential backoff with jitter, never sooner than the provider's Retry-After. It
 * counts on the promotion itself, so the bound holds however the failure surfaced (an error answer or a cut
 * connection).
 */
public class RetryPolicy {

    /** The failure being retried, for the step that runs again (was a create or deploy in doubt answered?). */
    public static final String RETRIED_FAILURE = "retriedFailure";

    private final int maxAttempts;
    private final long initialDelayMillis;
    private final double multiplier;
    private final long maxDelayMillis;
    private final PipelineMetrics metrics;

    public RetryPolicy(int maxAttempts, long initialDelayMillis, double multiplier, long maxDelayMillis,
                       PipelineMetrics metrics) {
        if (maxAttempts < 0 || initialDelayMillis < 0 || multiplier < 1 || maxDelayMillis < initialDelayMillis) {
            throw new IllegalArgumentException("retry.max-attempts >= 0, retry.initial-delay-ms >= 0, "
                    + "retry.multiplier >= 1 and retry.max-delay-ms >= retry.initial-delay-ms");
        }
        this.maxAttempts = maxAttempts;
        this.initialDelayMillis = initialDelayMillis;
        this.multiplier = multiplier;
        this.maxDelayMillis = maxDelayMillis;
        this.metrics = metrics;
    }

    /** Whether the failed step may run again; if so, sets the delay before it (the error handler reads it). */
    public boolean allowed(Exchange exchange) {
        Promotion p = exchange.getProperty(Promotions.PROPERTY, Promotion.class);
        int attempt = p.retry(maxAttempts);
        if (attempt == 0) {
            return false;
        }
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
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
