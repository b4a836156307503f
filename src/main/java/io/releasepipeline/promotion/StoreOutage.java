package io.releasepipeline.promotion;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as a dependency that can be down, the way PostgreSQL clients and Temporal or Kafka workers treat theirs:
 * a write the chain needs is retried in place, with backoff ({@code promotion.store-retry-initial-ms} doubling up to
 * {@code promotion.store-retry-max-ms}), for as long as the outage lasts, so the promotion pauses where it is and
 * carries on by itself when the store is back. One WARN when an outage starts, one INFO when it ends; readiness
 * reports it meanwhile ({@link StoreReadiness}). Our own loop rather than Camel's error handler: a redelivery would
 * run the whole failed step again, cloud calls included, where only the store write has to wait.
 */
public final class StoreOutage {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOutage.class);

    private final long initialMillis;
    private final long maxMillis;
    private volatile String failure;
    private volatile long since;
    private volatile boolean stopping;

    public StoreOutage(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("promotion.store-retry-initial-ms must be positive and at most "
                    + "promotion.store-retry-max-ms");
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** Whether a failure is the store being unavailable (rather than a refusal such as a lost lease). */
    public static boolean isOutage(Throwable t) {
        return t instanceof StoreUnavailable || t instanceof UncheckedIOException;
    }

    /** Runs a store operation until it succeeds, pausing the caller while the store is unavailable. */
    public <T> T untilAvailable(String what, Supplier<T> operation) {
        long delay = initialMillis;
        while (true) {
            try {
                return once(what, operation, true);
            } catch (StoreUnavailable down) {
                if (stopping) {
                    throw down;
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw down;
                }
                delay = Math.min(maxMillis, delay * 2);
            }
        }
    }

    /** Runs a store operation once: an outage is recorded (readiness) and thrown as {@link StoreUnavailable}. */
    public <T> T once(String what, Supplier<T> operation) {
        return once(what, operation, true);
    }

    /**
     * As {@link #once(String, Supplier)}; {@code proves} false for an operation whose success says nothing of the
     * store (the file store's lease work does nothing): it does not end an outage.
     */
    public <T> T once(String what, Supplier<T> operation, boolean proves) {
        try {
            T result = operation.get();
            if (proves) {
                recovered();
            }
            return result;
        } catch (RuntimeException e) {
            if (!isOutage(e)) {
                throw e;
            }
            failed(what, e);
            throw unavailable(what, e);
        }
    }

    /** The current outage, for readiness: null while the store answers. */
    public String failure() {
        return failure;
    }

    /** The runtime stops: a paused write gives up (its promotion stays in flight in the store, for the next start). */
    public void stopping() {
        stopping = true;
    }

    private void failed(String what, RuntimeException e) {
        if (failure == null) {
            since = System.nanoTime();
            LOG.warn("the store is unavailable ({} failed: {}); promotions pause and carry on when it is back",
                    what, e.getMessage());
        }
        failure = what + " failed: " + e.getMessage();
    }

    private void recovered() {
        if (failure != null) {
            failure = null;
            LOG.info("the store is available again after {} s", (System.nanoTime() - since) / 1_000_000_000L);
        }
    }

    private static StoreUnavailable unavailable(String what, RuntimeException e) {
        return e instanceof StoreUnavailable s ? s : new StoreUnavailable("the store is unavailable (" + what + ")", e);
    }
}
