package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import org.junit.jupiter.api.Test;

/**
 * A create or deploy call that times out on our side may still land at the provider: the step watches the provider
 * before it sends again, and adopts the call that landed (the read timeout here is 1.5 s, as in every route test).
 */
class AmbiguousCallsTest extends PromotionTestSupport {

    @Test
    void deployAnsweredAfterTheReadTimeoutIsDeployedOnceAndSucceeds() throws Exception {
        // the provider takes the deploy 2.5 s after it was sent, 1 s after the client gave up waiting
        simulator().faults().add(Fault.latency("DeployFactoryPackages", 2500).times(1));
        Promotion p = run(request(pendingItems("late_deploy"), "late_deploy", null, null));
        Thread.sleep(2600); // whatever was sent has landed by now
        String id = p.getPackages().get(0).packageId();
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(1, simulator().world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, id), "deploys");
        assertEquals(1, p.getPackages().get(0).deploys(), "the deploy that landed is adopted, not sent again");
    }

    @Test
    void createAnsweredAfterTheReadTimeoutCreatesOnePackage() throws Exception {
        simulator().faults().add(Fault.latency("CreateFactoryPendingItemsPackage", 2500).times(1));
        Promotion p = run(request(pendingItems("late_create"), "late_create", null, null));
        Thread.sleep(2600); // whatever was sent has landed by now
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(1, simulator().scenarios().packagesNamed(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                p.getRequest().packageName()), "packages of this promotion's name");
    }

    @Test
    void deployRefusedByAnErrorAnswerIsSentAgainWithoutWaiting() throws Exception {
        simulator().faults().add(Fault.error("DeployFactoryPackages", 503, "APIG.0202", "Backend unavailable")
                .times(1));
        long started = System.nanoTime();
        Promotion p = run(request(pendingItems("refused_deploy"), "refused_deploy", null, null));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(1, p.getRetries());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 8000, "an answered failure is not watched first");
    }
}
