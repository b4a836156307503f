package io.releasepipeline.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything needed to resume a promotion where it was, as JSON in the store. */
public record PromotionSnapshot(String id, PromotionRequest request, Instant acceptedAt,
                                List<Promotion.StageTime> stages, List<PackageSnapshot> packages,
                                List<String> pendingItemIds, List<Promotion.ComponentState> components,
                                Map<String, Boolean> verified, int apiCalls, int retries, Outcome outcome,
                                String detail, Instant finishedAt) {

    public record PackageSnapshot(String packageId, String packageName, Integer deployStatus, int deploys,
                                  int redeploys, boolean toDeploy, Long deployTimestamp) {
    }
}
