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

    /** This snapshot with its outcome: what is stored before the outcome exists in memory. */
    public PromotionSnapshot ended(Outcome value, String why, Instant at) {
        List<Promotion.StageTime> done = new java.util.ArrayList<>(stages);
        done.add(new Promotion.StageTime(Promotion.Stage.DONE, at));
        return new PromotionSnapshot(id, request, acceptedAt, List.copyOf(done), packages, pendingItemIds, components,
                verified, apiCalls, retries, value, why, at, createSentAt);
    }

    /**
     * It packaged its pending items: a package was created, or, while it runs, a create call's effect is not known
     * yet. One that ended with a create still in doubt holds its items no more: if that create landed after all, the
     * provider itself refuses a second package of them (DLF.3051); if it did not, they are free for a replay.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPackaged() {
        return !packages.isEmpty() || createSentAt != null && outcome == null;
    }

    /** {@code sentAt} and {@code sentOver}: a deploy call whose effect is not known yet (see PackageState). */
    public record PackageSnapshot(String packageId, String packageName, Integer deployStatus, int deploys,
                                  int redeploys, boolean toDeploy, Long deployTimestamp, Long sentAt, Long sentOver) {
    }
}
