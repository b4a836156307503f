package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.simulator.DemoData;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionChainTest extends PromotionTestSupport {

    @Test
    void cleanPromotionCreatesDeploysWatchesThePlanAndVerifiesTheApi() throws Exception {
        List<String> items = pendingItems("orders_daily", "orders_hourly");
        simulator().scenarios().addReleasePlan(DemoData.PROJECT_ID, "plan-clean", List.of("gateway", "orders"),
                List.of(DemoData.LD_API_ID));
        Promotion p = run(request(items, "orders", "plan-clean",
                List.of(new PromotionRequest.LiveDataApi(DemoData.INSTANCE_ID, DemoData.LD_API_ID))));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(1, p.getPackages().size());
        String id = p.getPackages().get(0).packageId();
        assertEquals(2, p.getPackages().get(0).deployStatus());
        assertEquals(1, simulator().world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, id));
        assertEquals(List.of("SUCCESS", "SUCCESS"), p.getComponents().stream()
                .map(ComponentState::status).toList());
        assertEquals(true, p.getVerified().get(DemoData.INSTANCE_ID + "/" + DemoData.LD_API_ID));
        assertTrue(p.getApiCalls() >= 5, "calls counted: " + p.getApiCalls());
        assertTrue(p.getRequest().packageName().matches("orders_\\d{17}"), p.getRequest().packageName());
    }
}
