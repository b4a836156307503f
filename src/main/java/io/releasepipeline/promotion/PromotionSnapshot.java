package io.releasepipeline.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to resume a promotion where it was, as JSON in the store.
 *
 * @param createSentAt when a create call was sent whose effect is not known yet (epoch ms), else null
 */
public record PromotionSnapshot(String id, PromotionRequest request, Instant acceptedAt,
                                List<Promotion.StageTime> stages, List<PackageSnapshot> packages,
                                List<String> pendingItemIds, List<ComponentState> components,
                                Map<String, Boolean> verified, int apiCalls, int retries, Outcome outcome,
                                String detail, Instant finishedAt, Long createSentAt) {

    /** A snapshot without a create call in doubt. */
    public PromotionSnapshot(String id, PromotionRequest request, Instant acceptedAt, List<Promotion.StageTime> stages,
                             List<PackageSnapshot> packages, List<String> pendingItemIds,
                             List<ComponentState> components, Map<String, Boolean> verified, int apiCalls,
                             int retries, Outcome outcome, String detail, Instant finishedAt) {
        this(id, request, acceptedAt, stages, packages, pendingItemIds, components, verified, apiCalls, retries,
                outcome, detail, finishedAt, null);
    }

    /** It packaged its pending items: a package was created, or a create call's effect is not known yet. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPackaged() {
        return !packages.isEmpty() || createSentAt != null;
    }

    /** {@code sentAt} and {@code sentOver}: a deploy call whose effect is not known yet (see PackageState). */
    public record PackageSnapshot(String packageId, String packageName, Integer deployStatus, int deploys,
                                  int redeploys, boolean toDeploy, Long deployTimestamp, Long sentAt, Long sentOver) {
    }
}
