package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The poller's schedule: backoff from the initial delay, then a first check where such work usually ends. */
class PollerTest {

    private final Poller poller = new Poller(Duration.ofMillis(100), 2, 0, Duration.ofSeconds(10),
            Duration.ofMinutes(1));

    private Exchange exchange() {
        return new DefaultExchange(new DefaultCamelContext());
    }

    @Test
    void backsOffFromTheInitialDelayUntilItHasLearnedSomething() {
        Exchange e = exchange();
        poller.start(e, "packages");
        assertEquals(100, poller.nextDelay(e));
        assertEquals(200, poller.nextDelay(e));
        assertEquals(400, poller.nextDelay(e));
        assertNull(poller.typicalMillis("packages"));
    }

    @Test
    void firstCheckOfTheNextWaitIsWhereTheLastOneEnded() throws Exception {
        Exchange first = exchange();
        poller.start(first, "packages");
        poller.nextDelay(first);
        poller.nextDelay(first);
        Thread.sleep(600);
        first.setProperty(Poller.DONE, true);
        poller.finish(first);
        double typical = poller.typicalMillis("packages");
        assertTrue(typical >= 600 && typical < 2000, "learned from the wait: " + typical);

        Exchange next = exchange();
        poller.start(next, "packages");
        long firstDelay = poller.nextDelay(next);
        assertTrue(Math.abs(firstDelay - typical) < 50, firstDelay + " near " + typical);
        assertEquals(200, poller.nextDelay(next), "then the backoff as before");
        Exchange other = exchange();
        poller.start(other, "release plan");
        assertEquals(100, poller.nextDelay(other), "each kind of wait learns on its own");
    }

    @Test
    void workSeenNotDoneYetPushesTheFirstCheckOfLaterWaitsPastThatPoint() throws Exception {
        Exchange slow = exchange();
        poller.start(slow, "APIC deploy history");
        poller.nextDelay(slow);
        Thread.sleep(300);
        assertTrue(poller.update(slow), "not done yet");
        assertTrue(poller.typicalMillis("APIC deploy history") >= 300);

        Exchange later = exchange();
        poller.start(later, "APIC deploy history");
        assertTrue(poller.nextDelay(later) >= 290, "first check no sooner than where the other was still running");
    }
}
