package io.releasepipeline.cli;

import io.releasepipeline.promotion.Outcome;
import io.releasepipeline.promotion.PromotionRequest;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import io.releasepipeline.simulator.Scenarios;
import io.releasepipeline.simulator.Simulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main job's demo on the embedded simulator: one promotion per behaviour a user should see, each with the
 * outcome it must end in.
 */
final class DemoScenarios {

    record Scenario(String name, PromotionRequest request, Outcome expected) {
    }

    private DemoScenarios() {
    }

    static List<Scenario> seed(Simulator simulator) {
        String project = DemoData.PROJECT_ID;
        String ws = DemoData.WORKSPACE;
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        Scenarios provider = simulator.scenarios();

        provider.addReleasePlan(project, "demo-plan-clean", List.of("gateway", "orders-service", "reports"),
                List.of(DemoData.LD_API_ID));
        List<String> clean = provider.addPendingItems(project, ws,
                List.of("orders_daily", "orders_hourly", "orders_weekly"));
        add(scenarios, "clean release", request(clean, null, "orders", "demo-plan-clean",
                List.of(new PromotionRequest.LiveDataApi(DemoData.INSTANCE_ID, DemoData.LD_API_ID))),
                Outcome.SUCCEEDED);

        String releasedName = "inventory_20260101000000000";
        provider.addPackage(project, ws, releasedName, 2, List.of("inventory_sync"));
        add(scenarios, "already released", request(List.of("26"), null, releasedName, null, null),
                Outcome.SUCCEEDED);

        List<String> failing = provider.addPendingItems(project, ws, List.of("billing_fail_close"));
        add(scenarios, "DataArts deploy fails", request(failing, null, "billing_fail", null, null),
                Outcome.RELEASE_FAILED);

        provider.addReleasePlan(project, "demo-plan-rollback", List.of("web", "payments-fail", "batch"), List.of());
        List<String> rollback = provider.addPendingItems(project, ws, List.of("payments_job"));
        add(scenarios, "component fails, rolls back", request(rollback, null, "payments", "demo-plan-rollback", null),
                Outcome.RELEASE_FAILED);

        add(scenarios, "unknown item (DLF.0810)", request(List.of("999999"), null, "ghost", null, null),
                Outcome.DEAD_LETTERED);

        provider.addPendingItems(project, ws, List.of("crm_export", "crm_import"));
        simulator.faults().add(Fault.error("ListFactoryPendingItems", 429, "APIG.0308",
                "The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second")
                .retryAfter("1").times(3));
        add(scenarios, "throttled burst recovers", request(null,
                new PromotionRequest.Selector("crm_", null, null, null), "crm", null, null), Outcome.SUCCEEDED);
        return List.copyOf(scenarios.values());
    }

    private static void add(Map<String, Scenario> scenarios, String name, PromotionRequest request, Outcome expected) {
        scenarios.put(name, new Scenario(name, request, expected));
    }

    private static PromotionRequest request(List<String> items, PromotionRequest.Selector selector, String name,
                                            String releasePlanId, List<PromotionRequest.LiveDataApi> apis) {
        return new PromotionRequest(DemoData.WORKSPACE, items, selector, name, DemoData.APPLY_USER_ID,
                List.of(DemoData.APPROVER_ID), 0, releasePlanId, apis, null, null);
    }
}
