package io.releasepipeline.bench;

import io.releasepipeline.promotion.Outcome;
import io.releasepipeline.promotion.Promotion;
import io.releasepipeline.promotion.PromotionRequest;
import io.releasepipeline.promotion.Promotions;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * The pipeline's side: every job submitted at once, as a webhook or a schedule would, through the real routes with
 * the production settings (concurrency, client-side rate limit, poller).
 */
final class PipelineSide {

    private PipelineSide() {
    }

    static SideResult run(CamelContext context, Simulator simulator, Workload work) throws InterruptedException {
        Promotions promotions = context.getRegistry().lookupByNameAndType("promotions", Promotions.class);
        ProducerTemplate producer = context.createProducerTemplate();
        List<Promotion> started = new ArrayList<>();
        Phase phase = new Phase(simulator);
        try (phase) {
            for (Workload.Job job : work.jobs()) {
                PromotionRequest request = new PromotionRequest(job.workspace(), null,
                        new PromotionRequest.Selector(job.itemPrefix(), null, null, null), job.packageName(),
                        DemoData.APPLY_USER_ID, List.of(DemoData.APPROVER_ID), 0, job.releasePlanId(), null, null,
                        null);
                started.add(producer.requestBody("direct:promotion-submit", request, Promotion.class));
            }
            promotions.awaitAll(started, Duration.ofMinutes(30));
        }
        List<SideResult.Times> times = new ArrayList<>();
        int succeeded = 0;
        for (int i = 0; i < started.size(); i++) {
            Promotion p = started.get(i);
            Workload.Job job = work.jobs().get(i);
            succeeded += p.getOutcome() == Outcome.SUCCEEDED ? 1 : 0;
            Instant deployCalled = p.getStages().stream().filter(s -> s.stage() == Promotion.Stage.POLL)
                    .map(Promotion.StageTime::startedAt).findFirst().orElse(null);
            String packageName = p.getPackages().isEmpty() ? null : p.getPackages().get(0).packageName();
            times.add(new SideResult.Times(deployCalled, providerDone(simulator, job, packageName),
                    p.getFinishedAt()));
        }
        // every read of a package's or a release plan's state (the plan check before anything is created included)
        long statusCalls = phase.calls().get("ListFactoryReleasePackages")
                + phase.calls().get("ShowFactoryPackageDetail") + phase.calls().get("ShowReleasePlanDeployInfo");
        return SideResult.of("pipeline", phase, started.size(), succeeded, statusCalls, times);
    }

    /** When the provider finished both the package's deploy and the release plan. */
    static Instant providerDone(Simulator simulator, Workload.Job job, String packageName) {
        Instant deployed = packageName == null ? null
                : simulator.scenarios().deployFinishedAt(DemoData.PROJECT_ID, job.workspace(), packageName);
        Instant plan = simulator.scenarios().releasePlanFinishedAt(DemoData.PROJECT_ID, job.releasePlanId());
        if (deployed == null || plan == null) {
            return null;
        }
        return deployed.isAfter(plan) ? deployed : plan;
    }
}
