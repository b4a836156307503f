package io.releasepipeline.promotion;

import io.releasepipeline.cloud.CloudApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs before each redelivery of a failed step: counts the retry, and when the provider sent {@code Retry-After}
 * waits what it asked on top of the backoff (bounded by {@code retry.max-delay-ms}).
 */
public class RetryAfter implements Processor {

    private final long maxDelayMillis;

    public RetryAfter(long maxDelayMillis) {
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Promotion p = exchange.getProperty(Promotions.PROPERTY, Promotion.class);
        if (p != null) {
            p.retried();
        }
        Exception e = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (e instanceof CloudApiException cloud && cloud.getRetryAfter() != null) {
            try {
                long seconds = Long.parseLong(cloud.getRetryAfter().trim());
                Thread.sleep(Math.min(seconds * 1000, maxDelayMillis));
            } catch (NumberFormatException notSeconds) {
                // an HTTP-date Retry-After: the backoff alone applies
            }
        }
    }
}
