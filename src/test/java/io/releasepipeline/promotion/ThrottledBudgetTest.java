package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.simulator.Fault;
import org.junit.jupiter.api.Test;

/** 429s say "not now": paced within a time budget of their own, not counted against the retries 5xx answers get. */
class ThrottledBudgetTest extends PromotionTestSupport {

    @Test
    void moreThrottledAnswersThanRetriesStillEndInSuccessWithinTheBudget() throws Exception {
        // 6 answers of 429 on one operation, twice the 3 retries a stage has for other failures here
        simulator().faults().add(Fault.error("DeployFactoryPackages", 429, "APIG.0308", "over ratelimit")
                .retryAfter("0").times(6));
        Promotion p = run(request(pendingItems("paced_429"), "paced_429", null, null));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(6, p.getRetries());
    }

    @Test
    void throttlingThatOutlastsTheBudgetIsDeadLetteredAsThrottled() throws Exception {
        simulator().faults().add(Fault.error("DeployFactoryPackages", 429, "APIG.0308", "over ratelimit")
                .retryAfter("0"));
        Promotion p = run(request(pendingItems("endless_429"), "endless_429", null, null));
        assertEquals(Outcome.DEAD_LETTERED, p.getOutcome());
        assertTrue(p.getDetail().startsWith("THROTTLED in DEPLOY"), p.getDetail());
    }
}
