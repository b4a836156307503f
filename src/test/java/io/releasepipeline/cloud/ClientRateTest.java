package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The adaptive client rate on a clock the test moves: spacing, a multiplicative drop on 429, a slow climb back. */
class ClientRateTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ClientRate rate = new ClientRate(10, nanos::get);

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void callsOfOneOperationAreSpacedAtTheCeilingAndOperationsAreIndependent() {
        assertEquals(0, rate.reserve("A"));
        assertEquals(100, rate.reserve("A"));
        assertEquals(200, rate.reserve("A"));
        assertEquals(0, rate.reserve("B"), "another operation has slots of its own");
        advanceMillis(1000);
        assertEquals(0, rate.reserve("A"), "slots do not pile up while idle");
    }

    @Test
    void a429LowersTheRateOnceForTheCallsSentTogetherAndHonoursRetryAfter() {
        rate.answered("A", 429, null);
        assertEquals(7.0, rate.rate("A"), 1e-9);
        rate.answered("A", 429, null);
        assertEquals(7.0, rate.rate("A"), 1e-9, "429s arriving together are one signal");
        advanceMillis(200);
        rate.answered("A", 429, "2");
        assertEquals(4.9, rate.rate("A"), 1e-9, "a later 429 lowers it again");
        long wait = rate.reserve("A");
        assertTrue(wait >= 2000 - 1 && wait <= 2000, "no slot before Retry-After: " + wait);
    }

    @Test
    void theRateClimbsBackSlowlyWhileCallsGetThroughAndNeverPassesTheCeiling() {
        rate.answered("A", 429, null);
        assertEquals(7.0, rate.rate("A"), 1e-9);
        advanceMillis(1000);
        rate.answered("A", 200, null);
        assertEquals(7.2, rate.rate("A"), 1e-9, "2% of the ceiling per second");
        advanceMillis(1000);
        rate.answered("A", 404, null);
        assertEquals(7.4, rate.rate("A"), 1e-9, "a refusal also got past the gateway");
        rate.answered("A", null, null);
        advanceMillis(60_000);
        rate.answered("A", 200, null);
        assertEquals(10.0, rate.rate("A"), 1e-9);
    }

    @Test
    void nothingBelowTheFloor() {
        for (int i = 0; i < 50; i++) {
            advanceMillis(10_000);
            rate.answered("A", 429, null);
        }
        assertEquals(0.2, rate.rate("A"), 1e-9);
        assertEquals(5000, rate.reserve("A"), "the next slot is one spacing of the lowered rate away");
        assertEquals(10000, rate.reserve("A"));
    }

    @Test
    void a429SoonAfterASuccessStillLowersTheRate() {
        rate.answered("A", 429, null);
        advanceMillis(1000);
        rate.answered("A", 200, null);
        advanceMillis(60);
        rate.answered("A", 429, null);
        assertEquals(7.2 * 0.7, rate.rate("A"), 1e-9, "the interleaved calls of another client");
    }

    @Test
    void aRetryAfterClosesTheOperationForCallsAlreadyBookedAndIsBounded() {
        for (int i = 0; i < 5; i++) {
            rate.reserve("A");
        }
        assertEquals(0, rate.closedFor("A"));
        rate.answered("A", 429, "3");
        assertEquals(3000, rate.closedFor("A"), "booked calls wait for the Retry-After too");
        advanceMillis(3000);
        assertEquals(0, rate.closedFor("A"));
        rate.answered("A", 429, "10000000000");
        assertEquals(60_000, rate.closedFor("A"), "a huge Retry-After is read as the longest honoured");
    }
}
