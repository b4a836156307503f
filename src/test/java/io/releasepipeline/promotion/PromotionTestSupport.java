package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.CloudRouteTestSupport;
import io.releasepipeline.simulator.DemoData;
import java.time.Duration;
import java.util.List;

/** Runs promotions through the real chain against the embedded simulator. */
abstract class PromotionTestSupport extends CloudRouteTestSupport {

    protected Promotions promotions() {
        return context.getRegistry().lookupByNameAndType("promotions", Promotions.class);
    }

    /** The journal file the outcomes are appended to. */
    protected java.nio.file.Path journal() {
        return context.getRegistry().lookupByNameAndType("outcomes", Outcomes.class).journal();
    }

    /** Submits the request as every trigger does and waits for the outcome. */
    protected Promotion run(PromotionRequest request) throws Exception {
        Promotion p = template.requestBody("direct:promotion-submit", request, Promotion.class);
        assertTrue(promotions().awaitAll(List.of(p), Duration.ofSeconds(20)), "promotion " + p.getId() + " ended");
        return p;
    }

    /** Waits until the condition holds, or the seconds are up; answers whether it holds. */
    protected static boolean waitUntil(java.util.function.BooleanSupplier condition, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    protected List<String> pendingItems(String... names) {
        return simulator().scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE, List.of(names));
    }

    protected static PromotionRequest request(List<String> items, String packageName, String releasePlanId,
                                              List<PromotionRequest.LiveDataApi> apis) {
        return new PromotionRequest(DemoData.WORKSPACE, items, null, packageName, DemoData.APPLY_USER_ID,
                List.of(DemoData.APPROVER_ID), 0, releasePlanId, apis, null, null);
    }
}
