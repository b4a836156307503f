package io.releasepipeline.bench;

import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One side's share of the benchmark, seeded in the simulator: P jobs spread over W workspaces round-robin, each
 * with its pending items (named after the job, so a selector finds exactly them) and a release plan of C components.
 */
record Workload(String side, List<Job> jobs) {

    /** One promotion's worth of work. */
    record Job(int index, String workspace, String itemPrefix, int items, String packageName, String releasePlanId) {
    }

    static Workload seed(Simulator simulator, BenchSettings s, String side) {
        List<String> workspaces = IntStream.range(0, s.workspaces())
                .mapToObj(w -> String.format(Locale.ROOT, "%032x", 0xbe0000L + w)).toList();
        List<Job> jobs = new ArrayList<>();
        for (int k = 0; k < s.promotions(); k++) {
            int items = s.items() / s.promotions() + (k < s.items() % s.promotions() ? 1 : 0);
            String prefix = String.format(Locale.ROOT, "%s_%05d_", side, k);
            String workspace = workspaces.get(k % workspaces.size());
            simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, workspace,
                    IntStream.range(0, items).mapToObj(i -> prefix + i).toList());
            String plan = UUID.randomUUID().toString();
            simulator.scenarios().addReleasePlan(DemoData.PROJECT_ID, plan, IntStream.range(0, s.components())
                    .mapToObj(c -> side + "-svc-" + c).toList(), List.of());
            jobs.add(new Job(k, workspace, prefix, items, String.format(Locale.ROOT, "%s_%05d", side, k), plan));
        }
        return new Workload(side, jobs);
    }
}
