package io.releasepipeline.promotion;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way this runtime waits for asynchronous work, described once (like the provider's Terraform waiters):
 * an initial delay, a backoff multiplier with jitter, a maximum interval and an overall timeout. The one wait route
 * ({@code direct:wait} in routes/polling.camel.yaml) runs a check, sets {@link #DONE} from its answer, lets
 * {@link #update} decide the wait's {@link #STATE} (WAITING, DONE or TIMED_OUT), and loops while it is WAITING with a
 * {@code delay} of {@link #nextDelay}. A timeout is an outcome of its own ({@link #TIMED_OUT}), never an endless wait.
 *
 * <p>It also learns how long each kind of wait usually takes (raised to any time its work was seen not done yet,
 * then a moving average of when it was seen done) and makes the first check of the next wait of that kind at that
 * point, not after the initial delay: fewer status calls for work that takes seconds or minutes, and the outcome
 * noticed soon after it happens.</p>
 */
public class Poller {

    public static final String DONE = "pollDone";
    public static final String TIMED_OUT = "pollTimedOut";
    /** The wait's state after its last check: WAITING, DONE or TIMED_OUT (the wait route loops while WAITING). */
    public static final String STATE = "pollState";
    /** The endpoint of the wait's check, which sets {@link #DONE}. */
    public static final String CHECK = "pollCheck";
    private static final String WAIT = "pollWait";
    private static final String STARTED = "pollStarted";
    private static final String WAIT_TIMEOUT = "pollWaitTimeoutNanos";
    /** How many delays the wait has had so far (the packages' check calls nothing before the first). */
    public static final String ATTEMPT = "pollAttempt";
    private static final double LEARNING_RATE = 0.3;
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final Duration initialDelay;
    private final double multiplier;
    private final double jitter;
    private final Duration maxInterval;
    private final Duration timeout;
    private final Map<String, Double> typicalMillis = new ConcurrentHashMap<>();

    public Poller(Duration initialDelay, double multiplier, double jitter, Duration maxInterval, Duration timeout) {
        if (multiplier < 1 || jitter < 0 || jitter >= 1 || timeout.isNegative() || initialDelay.isNegative()) {
            throw new IllegalArgumentException("poll.multiplier must be >= 1, poll.jitter in [0, 1), "
                    + "poll.initial-delay-ms and poll.timeout-ms >= 0");
        }
        this.initialDelay = initialDelay;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.maxInterval = maxInterval;
        this.timeout = timeout;
    }

    /** Starts a wait named {@code what}; a retried step continues the same wait (its clock keeps running). */
    public void start(Exchange exchange, String what) {
        if (!what.equals(exchange.getProperty(WAIT, String.class))) {
            exchange.setProperty(WAIT, what);
            exchange.setProperty(STARTED, System.nanoTime());
            exchange.setProperty(ATTEMPT, 0);
        }
        exchange.setProperty(DONE, false);
        exchange.setProperty(STATE, "WAITING");
    }

    /** Starts a wait whose check is the route {@code check} (the wait route calls it before each decision). */
    public void start(Exchange exchange, String what, String check) {
        start(exchange, what);
        exchange.setProperty(CHECK, check);
        exchange.removeProperty(WAIT_TIMEOUT);
    }

    /** As {@link #start(Exchange, String, String)}, with a time limit of its own instead of poll.timeout-ms. */
    public void start(Exchange exchange, String what, String check, long timeoutMillis) {
        start(exchange, what, check);
        exchange.setProperty(WAIT_TIMEOUT, Duration.ofMillis(timeoutMillis).toNanos());
    }

    /**
     * After a check: DONE when the work is terminal, TIMED_OUT when time ran out (recorded in {@link #TIMED_OUT}),
     * else WAITING; answers whether the wait goes on.
     */
    public boolean update(Exchange exchange) {
        if (exchange.getProperty(DONE, false, Boolean.class)) {
            exchange.setProperty(STATE, "DONE");
            return false;
        }
        if (remainingNanos(exchange) <= 0) {
            exchange.setProperty(TIMED_OUT, exchange.getProperty(WAIT, String.class));
            exchange.setProperty(STATE, "TIMED_OUT");
            LOG.info("gave up waiting for {} after {}", exchange.getProperty(WAIT), timeout);
            return false;
        }
        String what = exchange.getProperty(WAIT, String.class);
        if (what != null && exchange.getProperty(ATTEMPT, 0, Integer.class) > 0) {
            // seen not done this far in: work of this kind takes at least that long, so later waits of the same
            // kind make their first check no sooner (a wait that times out teaches nothing)
            double seen = Math.min(elapsedMillis(exchange), maxInterval.toMillis());
            typicalMillis.merge(what, seen, Math::max);
        }
        exchange.setProperty(STATE, "WAITING");
        return true;
    }

    /** Milliseconds to wait before the next check: grows by the multiplier, jittered, bounded. */
    public long nextDelay(Exchange exchange) {
        int attempt = exchange.getProperty(ATTEMPT, 0, Integer.class);
        exchange.setProperty(ATTEMPT, attempt + 1);
        Double typical = typicalMillis.get(exchange.getProperty(WAIT, "", String.class));
        double base = initialDelay.toMillis() * Math.pow(multiplier, attempt);
        if (attempt == 0 && typical != null) {
            // the first check where this kind of work usually ends (never sooner than the initial delay)
            base = Math.max(initialDelay.toMillis(), typical - elapsedMillis(exchange));
        }
        double bounded = Math.min(base, maxInterval.toMillis());
        double jittered = bounded * (1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1));
        long delay = Math.max(0, Math.min((long) jittered, remainingNanos(exchange) / 1_000_000));
        Promotion promotion = exchange.getProperty(Promotions.PROPERTY, Promotion.class);
        if (promotion != null) {
            promotion.nextCheckIn(delay);
        }
        return delay;
    }

    /** Ends a wait so the next one starts fresh; a wait that saw its work end teaches how long such work takes. */
    public void finish(Exchange exchange) {
        String what = exchange.getProperty(WAIT, String.class);
        int checks = exchange.getProperty(ATTEMPT, 0, Integer.class);
        if (what != null && exchange.getProperty(DONE, false, Boolean.class) && checks > 0) {
            // seen done at the first check: it may have ended well before, so try a little sooner next time
            double took = elapsedMillis(exchange) * (checks == 1 ? 0.8 : 1.0);
            typicalMillis.merge(what, took, (old, sample) -> old + LEARNING_RATE * (sample - old));
        }
        exchange.removeProperty(WAIT);
    }

    /** How long this kind of wait usually takes so far, in milliseconds (null before one ended). */
    public Double typicalMillis(String what) {
        return typicalMillis.get(what);
    }

    private static long elapsedMillis(Exchange exchange) {
        long started = exchange.getProperty(STARTED, System.nanoTime(), Long.class);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private long remainingNanos(Exchange exchange) {
        long started = exchange.getProperty(STARTED, System.nanoTime(), Long.class);
        return exchange.getProperty(WAIT_TIMEOUT, timeout.toNanos(), Long.class) - (System.nanoTime() - started);
    }
}
