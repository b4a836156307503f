package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageRequest;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageResponse;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesRequest;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every branch of the status router and every outcome, through the real chain against the simulator. */
class PromotionOutcomesTest extends PromotionTestSupport {

    private String existingPackage(String name, List<String> items) {
        return template.requestBody("direct:CreateFactoryPendingItemsPackage",
                new CreateFactoryPendingItemsPackageRequest(DemoData.WORKSPACE, DemoData.APPLY_USER_ID, name, items,
                        List.of(DemoData.APPROVER_ID)), CreateFactoryPendingItemsPackageResponse.class)
                .releasePackageId();
    }

    private void deployNow(String packageId) {
        template.requestBody("direct:DeployFactoryPackages",
                new DeployFactoryPackagesRequest(DemoData.WORKSPACE, List.of(packageId), 0));
    }

    @Test
    void packageToBeReviewedFromAnEarlierRunIsDeployedNotCreatedAgain() throws Exception {
        List<String> items = pendingItems("rerun_a");
        String id = existingPackage("rerun_20260101000000000", items);
        Promotion p = run(request(items, "rerun_20260101000000000", null, null));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(id, p.getPackages().get(0).packageId());
        assertEquals(1, simulator().world().packagesCreated(), "created once, by the earlier run");
        assertEquals(1, simulator().world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, id));
    }

    @Test
    void packageBeingReleasedIsWatchedAndNeverDeployedAgain() throws Exception {
        List<String> items = pendingItems("watch_a");
        String id = existingPackage("watch_20260101000000000", items);
        deployNow(id);
        Promotion p = run(request(items, "watch_20260101000000000", null, null));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(1, simulator().world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, id));
    }

    @Test
    void packageAlreadyReleasedIsSkipped() throws Exception {
        List<String> items = pendingItems("done_a");
        String id = existingPackage("done_20260101000000000", items);
        deployNow(id);
        Thread.sleep(500);
        Promotion p = run(request(items, "done_20260101000000000", null, null));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(1, simulator().world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, id));
    }

    @Test
    void failedPackageIsReportedAndRedeployedOnlyAsOftenAsAllowed() throws Exception {
        List<String> items = pendingItems("billing_fail_a");
        PromotionRequest noRedeploy = request(items, "billing_fail", null, null);
        Promotion p = run(noRedeploy);
        assertEquals(Outcome.RELEASE_FAILED, p.getOutcome());
        assertTrue(p.getDetail().contains("failed packages: " + p.getPackages().get(0).packageId()), p.getDetail());
        String id = p.getPackages().get(0).packageId();
        assertEquals(1, simulator().world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, id));

        PromotionRequest rerunWithRedeploys = new PromotionRequest(DemoData.WORKSPACE, items, null,
                p.getRequest().packageName(), DemoData.APPLY_USER_ID, List.of(DemoData.APPROVER_ID), 0, null, null,
                null, 2);
        Promotion again = run(rerunWithRedeploys);
        assertEquals(Outcome.RELEASE_FAILED, again.getOutcome());
        assertEquals(3, simulator().world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, id),
                "the first deploy and two allowed redeploys");
    }

    @Test
    void failedComponentIsFollowedToTheEndOfItsRollback() throws Exception {
        simulator().scenarios().addReleasePlan(DemoData.PROJECT_ID, "plan-broken",
                List.of("web", "orders-fail", "batch"), List.of());
        Promotion p = run(request(pendingItems("plan_a"), "plan_a", "plan-broken", null));
        assertEquals(Outcome.RELEASE_FAILED, p.getOutcome());
        assertTrue(p.getDetail().contains("orders-fail ROLLBACK_SUCCEED"), p.getDetail());
        assertTrue(p.getDetail().contains("rollback SUCCEEDED"), p.getDetail());
        assertEquals(List.of("SUCCESS", "ROLLBACK_SUCCEED", "ABORTED"),
                p.getComponents().stream().map(ComponentState::status).toList());
    }

    @Test
    void waitThatOutlivesThePollTimeoutEndsTimedOut() throws Exception {
        simulator().scenarios().addReleasePlan(DemoData.PROJECT_ID, "plan-slow", java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> "slow-" + i).toList(), List.of());
        Promotion p = run(request(pendingItems("slow_a"), "slow_a", "plan-slow", null));
        assertEquals(Outcome.TIMED_OUT, p.getOutcome());
        assertTrue(p.getDetail().contains("release plan"), p.getDetail());
    }

    @Test
    void unknownReleasePlanEndsThePromotionBeforeAnythingIsCreated() throws Exception {
        long created = simulator().world().packagesCreated();
        Promotion p = run(request(pendingItems("planless_a"), "planless_a", "no-such-plan", null));
        assertEquals(Outcome.DEAD_LETTERED, p.getOutcome());
        assertTrue(p.getDetail().startsWith("NOT_FOUND in DISCOVER"), p.getDetail());
        assertEquals(created, simulator().world().packagesCreated(), "nothing created");
        assertEquals(0, simulator().calls("DeployFactoryPackages"));
    }

    @Test
    void unknownPendingItemIsDeadLetteredAtOnceAsNotFound() throws Exception {
        Promotion p = run(request(List.of("424242"), "ghost", null, null));
        assertEquals(Outcome.DEAD_LETTERED, p.getOutcome());
        assertTrue(p.getDetail().startsWith("NOT_FOUND in CREATE"), p.getDetail());
        assertEquals(0, p.getRetries());
        assertEquals(1, simulator().calls("CreateFactoryPendingItemsPackage", 400));
    }

    @Test
    void transientFailuresAreRetriedUntilTheyRecover() throws Exception {
        simulator().faults().add(Fault.error("ShowFactoryPackageDetail", 503, "APIG.0202", "Backend unavailable")
                .times(2));
        Promotion p = run(request(pendingItems("flaky_a"), "flaky_a", null, null));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(2, p.getRetries());
    }

    @Test
    void throttledBurstRecoversHonouringRetryAfter() throws Exception {
        simulator().faults().add(Fault.error("ShowFactoryPackageDetail", 429, "APIG.0308",
                "The throttling threshold has been reached").retryAfter("0").times(3));
        Promotion p = run(request(pendingItems("burst_a"), "burst_a", null, null));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(3, p.getRetries());
    }

    @Test
    void transientFailureThatNeverRecoversIsDeadLetteredAfterTheBoundedRetries() throws Exception {
        simulator().faults().add(Fault.error("ShowFactoryPackageDetail", 500, "APIG.9999", "System error"));
        Promotion p = run(request(pendingItems("down_a"), "down_a", null, null));
        assertEquals(Outcome.DEAD_LETTERED, p.getOutcome());
        assertTrue(p.getDetail().startsWith("TRANSIENT in POLL"), p.getDetail());
        assertEquals(3, p.getRetries());
    }

    @Test
    void authFailureIsDeadLetteredWithoutRetry() throws Exception {
        simulator().faults().add(Fault.error("ShowFactoryPackageDetail", 401, "APIG.0301", "verify aksk signature fail"));
        Promotion p = run(request(pendingItems("auth_a"), "auth_a", null, null));
        assertEquals(Outcome.DEAD_LETTERED, p.getOutcome());
        assertTrue(p.getDetail().startsWith("AUTH"), p.getDetail());
        assertEquals(0, p.getRetries());
    }

    @Test
    void ambiguousDeployIsReReadAndNeverSentTwice() throws Exception {
        simulator().faults().add(Fault.reset("DeployFactoryPackages").times(1));
        Promotion p = run(request(pendingItems("cut_a"), "cut_a", null, null));
        String id = p.getPackages().get(0).packageId();
        // the cut answer came after the deploy took effect; the retry re-read the status and did not deploy again
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(1, simulator().world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, id));
    }

    @Test
    void ambiguousCreateIsReReadAndNeverSentTwice() throws Exception {
        simulator().faults().add(Fault.reset("CreateFactoryPendingItemsPackage").times(1));
        Promotion p = run(request(pendingItems("cut_b"), "cut_b", null, null));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(1, simulator().world().packagesCreated());
    }

    @Test
    void unknownComponentStatusIsKeptAndPolledUntilTheTimeout() throws Exception {
        simulator().scenarios().addReleasePlan(DemoData.PROJECT_ID, "plan-odd", List.of("odd"), List.of());
        simulator().faults().add(Fault.body("ShowReleasePlanDeployInfo", 200, "{\"id\": \"plan-odd\", \"components\":"
                + " [{\"name\": \"odd\", \"seq\": 1, \"status\": \"QUEUED_FOR_APPROVAL\"}]}", false));
        Promotion p = run(request(pendingItems("odd_a"), "odd_a", "plan-odd", null));
        assertEquals(Outcome.TIMED_OUT, p.getOutcome());
        assertEquals("QUEUED_FOR_APPROVAL", p.getComponents().get(0).status());
    }

    @Test
    void invalidRequestIsRejectedAndNothingIsCalled() {
        PromotionRequest invalid = new PromotionRequest(DemoData.WORKSPACE, List.of("1"), null, "bad name!",
                DemoData.APPLY_USER_ID, List.of(), 3, null, null, null, null);
        org.apache.camel.CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.apache.camel.CamelExecutionException.class,
                () -> template.requestBody("direct:promotion-submit", invalid));
        String why = e.getCause().getMessage();
        assertTrue(why.contains("package_name") && why.contains("approver_ids") && why.contains("startup_mode"), why);
        assertEquals(Outcome.REJECTED, promotions().recent(1).get(0).getOutcome());
        assertEquals(0, simulator().calls("ListFactoryReleasePackages"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "400, DLF.3051, INVALID_REQUEST",
        "400, DLF.0810, NOT_FOUND",
        "403, APIG.1005, FORBIDDEN",
        "418, DLF.9999, UNKNOWN"})
    void permanentFailureIsDeadLetteredAtOnceWithItsCategory(int status, String code, String category)
            throws Exception {
        simulator().faults().add(Fault.error("ShowFactoryPackageDetail", status, code, "refused"));
        Promotion p = run(request(pendingItems("perm_" + status), "perm_" + status, null, null));
        assertEquals(Outcome.DEAD_LETTERED, p.getOutcome());
        assertTrue(p.getDetail().startsWith(category + " in POLL"), p.getDetail());
        assertEquals(0, p.getRetries());
        assertEquals(1, simulator().calls("ShowFactoryPackageDetail"), "no retry");
    }

    @Test
    void connectionCutOnEveryCallIsRetriedABoundedNumberOfTimes() throws Exception {
        simulator().faults().add(Fault.reset("ListFactoryPendingItems"));
        Promotion p = run(new PromotionRequest(DemoData.WORKSPACE, null,
                new PromotionRequest.Selector("cut_every", null, null, null), "cut_every", DemoData.APPLY_USER_ID,
                List.of(DemoData.APPROVER_ID), 0, null, null, null, null));
        assertEquals(Outcome.DEAD_LETTERED, p.getOutcome());
        assertEquals(3, p.getRetries(), "retry.max-attempts");
        assertEquals(4, simulator().calls("ListFactoryPendingItems", 0));
    }

    @Test
    void providerDownIsDeadLetteredAsTransientAndTheReplaySucceedsOnceItIsBack() throws Exception {
        List<String> items = pendingItems("down_b");
        simulator().refuseConnections();
        Promotion p = run(request(items, "down_b", null, null));
        assertEquals(Outcome.DEAD_LETTERED, p.getOutcome());
        // explicit items and a new package name: the create is the first call
        assertTrue(p.getDetail().startsWith("TRANSIENT in CREATE"), p.getDetail());
        assertEquals(3, p.getRetries());
        simulator().acceptConnections();
        String letter = p.getDetail().replaceAll(".*dead letter (dl-[0-9a-f]+).*", "$1");
        Promotion replayed = template.requestBody("direct:dead-letter-replay", letter, Promotion.class);
        assertTrue(promotions().awaitAll(List.of(replayed), java.time.Duration.ofSeconds(20)));
        assertEquals(Outcome.SUCCEEDED, replayed.getOutcome(), replayed.getDetail());
    }

    @Test
    void itemsAnotherPromotionHoldsOrReleasedAreNotPackagedAgain() throws Exception {
        List<String> items = pendingItems("claim_x", "claim_y", "claim_z");
        // A holds x and y (its package created, its deploy still running) while B asks for y and z
        Promotion a = template.requestBody("direct:promotion-submit",
                request(items.subList(0, 2), "claim_a", null, null), Promotion.class);
        assertTrue(waitUntil(() -> !a.getPackages().isEmpty(), 20), "A created its package");
        Promotion b = run(request(items.subList(1, 3), "claim_b", null, null));
        assertEquals(Outcome.SUCCEEDED, b.getOutcome(), b.getDetail());
        assertEquals(List.of(items.get(2)), b.getPendingItemIds(), "B packaged only the item it could claim");
        assertTrue(promotions().awaitAll(List.of(a), java.time.Duration.ofSeconds(20)));
        assertEquals(Outcome.SUCCEEDED, a.getOutcome(), a.getDetail());
        // C asks for items A released: nothing to do, and it says who did it, instead of a DLF.3051 dead letter
        Promotion c = run(request(items.subList(0, 1), "claim_c", null, null));
        assertEquals(Outcome.DUPLICATE, c.getOutcome(), c.getDetail());
        assertTrue(c.getDetail().contains(a.getId()), c.getDetail());
        assertEquals(2, simulator().world().packagesCreated());
    }

    @Test
    void itemsOfAPromotionThatEndedWithoutAPackageAreFreeAgain() throws Exception {
        List<String> items = pendingItems("free_x");
        simulator().faults().add(Fault.error("CreateFactoryPendingItemsPackage", 400, "DLF.0137", "bad request")
                .times(1));
        Promotion refused = run(request(items, "free_a", null, null));
        assertEquals(Outcome.DEAD_LETTERED, refused.getOutcome(), refused.getDetail());
        Promotion again = run(request(items, "free_b", null, null));
        assertEquals(Outcome.SUCCEEDED, again.getOutcome(), again.getDetail());
    }

    @Test
    void overlappingSelectorsRunningAtOnceEachPackageOnlyWhatTheyClaimed() throws Exception {
        pendingItems("overlap_1", "overlap_2", "overlap_3", "overlap_4");
        List<Promotion> started = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(template.requestBody("direct:promotion-submit", new PromotionRequest(DemoData.WORKSPACE, null,
                    new PromotionRequest.Selector("overlap_", null, null, null), "overlap" + i,
                    DemoData.APPLY_USER_ID, List.of(DemoData.APPROVER_ID), 0, null, null, null, null),
                    Promotion.class));
        }
        assertTrue(promotions().awaitAll(started, java.time.Duration.ofSeconds(30)));
        java.util.Set<String> packaged = new java.util.HashSet<>();
        for (Promotion p : started) {
            assertTrue(p.getOutcome() == Outcome.SUCCEEDED || p.getOutcome() == Outcome.DUPLICATE,
                    p.getOutcome() + " " + p.getDetail());
            for (String item : p.getPendingItemIds()) {
                assertTrue(packaged.add(item), item + " packaged twice");
            }
        }
        assertEquals(4, packaged.size(), "every item packaged once: " + packaged);
    }
}
