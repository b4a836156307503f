package io.releasepipeline.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The least time any client needs for the work: for each API the fewest calls the work needs divided by the rate
 * limit, the largest of those, plus the deploy duration no client can shorten.
 *
 * <p>Fewest calls: pending items listed once per workspace (100 a page); one create per promotion; one deploy call
 * per workspace (a deploy takes several package ids); one status read per workspace (a list call answers for all
 * its packages) once everything is done; one read per release plan.</p>
 */
record Floor(Map<String, Long> fewestCalls, double seconds) {

    static Floor of(BenchSettings s) {
        int workspaces = Math.min(s.workspaces(), s.promotions());
        long pendingPages = 0;
        int perWorkspace = s.items() / workspaces;
        for (int w = 0; w < workspaces; w++) {
            int items = perWorkspace + (w < s.items() % workspaces ? 1 : 0);
            pendingPages += Math.max(1, (items + 99) / 100);
        }
        Map<String, Long> fewest = new LinkedHashMap<>();
        fewest.put("ListFactoryPendingItems", pendingPages);
        fewest.put("CreateFactoryPendingItemsPackage", (long) s.promotions());
        fewest.put("DeployFactoryPackages", (long) workspaces);
        fewest.put("ListFactoryReleasePackages", (long) workspaces);
        fewest.put("ShowReleasePlanDeployInfo", (long) s.promotions());
        long busiest = fewest.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new Floor(fewest, (double) busiest / s.rate() + s.deployMs() / 1000.0);
    }
}
