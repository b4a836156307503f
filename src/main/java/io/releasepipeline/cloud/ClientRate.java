package io.releasepipeline.cloud;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The client-side rate of each operation, adaptive the way the AWS SDKs' adaptive retry mode is: it starts at
 * {@code cloud.rate-limit} per {@code cloud.rate-limit-period-ms}, drops multiplicatively when the provider answers
 * 429 (and honours its Retry-After), and climbs back additively, a fraction of the ceiling per second, while calls
 * get through. Several runtimes, or other tools, on one AK each see the 429s their shared excess causes and so
 * converge under the provider's limit without talking to each other.
 *
 * <p>Our own code, not Camel's {@code throttle}: the throttle's period is fixed once its route starts, and an
 * adaptive rate is a changing period. The route still does the waiting (a {@code delay} whose length
 * {@link #reserve} computes); this class only keeps the schedule of each operation's next free slot.</p>
 */
public final class ClientRate {

    /** The rate a 429 leaves (0.7 of what it was: the AWS SDKs' adaptive mode uses the same factor). */
    static final double DECREASE = 0.7;
    /** The longest Retry-After honoured (a larger one, or one that overflows, is read as this). */
    static final long MAX_RETRY_AFTER_SECONDS = 60;
    /** How much of the ceiling is regained per second of calls getting through. */
    static final double RECOVERY_PER_SECOND = 0.02;

    private final double ceiling;
    private final double floor;
    private final LongSupplier nanoClock;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    /** @param ceilingPerSecond the configured rate ({@code cloud.rate-limit} per period): never exceeded */
    public ClientRate(double ceilingPerSecond) {
        this(ceilingPerSecond, System::nanoTime);
    }

    ClientRate(double ceilingPerSecond, LongSupplier nanoClock) {
        if (!(ceilingPerSecond > 0)) {
            throw new IllegalArgumentException("cloud.rate-limit and cloud.rate-limit-period-ms must be positive");
        }
        this.ceiling = ceilingPerSecond;
        this.floor = Math.min(ceilingPerSecond, 0.2);
        this.nanoClock = nanoClock;
    }

    /** Takes the operation's next slot at its current rate: how long (ms) the call waits before it is sent. */
    public long reserve(String operation) {
        return operation(operation).reserve(nanoClock.getAsLong());
    }

    /**
     * How much longer (ms) a call that has waited for its slot must still wait: a 429 that arrived meanwhile closed
     * the operation until its Retry-After, and calls booked before it wait for that too.
     */
    public long closedFor(String operation) {
        return operation(operation).closedFor(nanoClock.getAsLong());
    }

    /**
     * Reads the answer of a call that was sent: a 429 lowers the operation's rate and keeps its slots closed until
     * the Retry-After (seconds) has passed; any other answer from the provider raises it back slowly. A call that
     * got no answer (a refused or cut connection) says nothing about the rate.
     */
    public void answered(String operation, Integer status, String retryAfter) {
        if (status == null || status == 0) {
            return;
        }
        Operation op = operation(operation);
        long now = nanoClock.getAsLong();
        if (status == 429) {
            op.throttled(now, retryAfterNanos(retryAfter));
        } else {
            op.passed(now);
        }
    }

    /** The operation's current rate (calls per second), for metrics and tests. */
    public double rate(String operation) {
        return operation(operation).rate();
    }

    private Operation operation(String name) {
        return operations.computeIfAbsent(name == null ? "" : name, n -> new Operation());
    }

    private static long retryAfterNanos(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return 0;
        }
        try {
            String seconds = retryAfter.trim();
            long value = seconds.matches("[0-9]{1,6}") ? Long.parseLong(seconds) : seconds.matches("[0-9]+")
                    ? MAX_RETRY_AFTER_SECONDS : 0;
            return Math.min(value, MAX_RETRY_AFTER_SECONDS) * 1_000_000_000L;
        } catch (NumberFormatException httpDate) {
            return 0; // an HTTP-date: the lowered rate alone spaces the next calls
        }
    }

    /** One operation's schedule: its rate and the time its next slot opens. */
    private final class Operation {
        private double rate = ceiling;
        private long nextSlot = Long.MIN_VALUE;
        private long lastChange = Long.MIN_VALUE;
        private long lastDecrease = Long.MIN_VALUE;
        private long closedUntil = Long.MIN_VALUE;

        synchronized long reserve(long now) {
            long slot = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
            nextSlot = slot + (long) (1_000_000_000L / rate);
            return (slot - now + 999_999) / 1_000_000;
        }

        synchronized void throttled(long now, long retryAfter) {
            // the 429s of calls already sent at the old rate arrive together: one decrease per slot of the new rate
            if (lastDecrease == Long.MIN_VALUE || now - lastDecrease >= (long) (1_000_000_000L / rate)) {
                rate = Math.max(floor, rate * DECREASE);
                lastDecrease = now;
                lastChange = now;
            }
            long spaced = now + (long) (1_000_000_000L / rate);
            nextSlot = Math.max(nextSlot == Long.MIN_VALUE ? now : nextSlot, Math.max(spaced, now + retryAfter));
            if (retryAfter > 0) {
                closedUntil = Math.max(closedUntil, now + retryAfter);
            }
        }

        synchronized long closedFor(long now) {
            return closedUntil == Long.MIN_VALUE || closedUntil <= now ? 0 : (closedUntil - now + 999_999) / 1_000_000;
        }

        synchronized void passed(long now) {
            if (rate >= ceiling) {
                lastChange = now;
                return;
            }
            double seconds = lastChange == Long.MIN_VALUE ? 0 : (now - lastChange) / 1e9;
            rate = Math.min(ceiling, rate + ceiling * RECOVERY_PER_SECOND * seconds);
            lastChange = now;
        }

        synchronized double rate() {
            return rate;
        }
    }
}
