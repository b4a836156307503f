package io.releasepipeline.promotion;

import io.releasepipeline.cloud.CloudApiException;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageRequest;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageResponse;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The release's requests and answers ({@code routes/release.camel.yaml}): the package to create, the durable deploy
 * claim, and the deploy calls in batches of at most 100 package ids.
 */
public class Release {

    /** The provider's maximum of package ids in one DeployFactoryPackages call. */
    public static final int DEPLOY_BATCH = 100;

    private final PromotionStore store;
    private final String projectId;
    private final Duration ambiguousGrace;
    private final Clock clock;

    /**
     * @param ambiguousGrace how long a create or deploy call whose effect is unknown (a timeout, a cut answer) is
     *                       watched for before it may be sent again: longer than the provider may take to act on a
     *                       call the client stopped waiting for
     */
    public Release(PromotionStore store, String projectId, Duration ambiguousGrace, Clock clock) {
        this.store = store;
        this.projectId = projectId;
        this.ambiguousGrace = ambiguousGrace;
        this.clock = clock;
    }

    public CreateFactoryPendingItemsPackageRequest createRequest(Promotion p) {
        PromotionRequest r = p.getRequest();
        return new CreateFactoryPendingItemsPackageRequest(r.workspace(), r.applyUserId(), r.packageName(),
                p.getPendingItemIds(), r.approverIds());
    }

    /**
     * Claims the promotion's pending items in the store before its package is created, so no other promotion (of
     * this runtime or another sharing the store) packages them too; the promotion keeps only the items it holds.
     */
    public ItemClaims claimItems(Promotion p) {
        String scope = projectId + "/" + p.getRequest().workspace() + "/";
        List<String> items = p.getPendingItemIds();
        java.util.Map<String, String> heldByKey = store.claimItems(items.stream().map(i -> scope + i).toList(),
                p.getId());
        java.util.Map<String, String> heldBy = new java.util.LinkedHashMap<>();
        heldByKey.forEach((key, holder) -> heldBy.put(key.substring(scope.length()), holder));
        List<String> claimed = items.stream().filter(i -> !heldBy.containsKey(i)).toList();
        p.retainPendingItems(claimed);
        return new ItemClaims(claimed, heldBy);
    }

    /** The create call is about to be sent: until its answer, its effect is unknown. */
    public void creating(Promotion p) {
        p.createSent(clock.millis());
    }

    public void takeCreated(Promotion p, CreateFactoryPendingItemsPackageResponse created) {
        p.packageCreated(created.releasePackageId(), p.getRequest().packageName());
        p.createSent(null);
    }

    /**
     * Claims the package's next deploy durably, before it is sent, so no other promotion or runtime sharing the store
     * deploys it too; answers the package as it is now: claimed (to deploy) or claimed by another (to watch).
     */
    public PackageState claim(Promotion p, PackageState pkg) {
        // one claim per deploy of a package: its last deploy time tells one attempt from the next
        String key = projectId + "/" + p.getRequest().workspace() + "/" + pkg.packageId() + "/"
                + (pkg.deployTimestamp() == null ? "never" : pkg.deployTimestamp());
        boolean held = store.claimDeploy(key, p.getId());
        p.updatePackage(pkg.packageId(), held ? PackageState::claimed : PackageState::claimedByAnother);
        return p.findPackage(pkg.packageId());
    }

    /** The claimed packages still deployable (a re-read may have found one already deploying), in batches. */
    public List<DeployFactoryPackagesRequest> deployBatches(Promotion p) {
        List<String> ids = p.getPackages().stream()
                .filter(s -> s.toDeploy() && !s.isUnconfirmed() && s.status() != null && s.status().isDeployable())
                .map(PackageState::packageId).toList();
        List<DeployFactoryPackagesRequest> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += DEPLOY_BATCH) {
            batches.add(new DeployFactoryPackagesRequest(p.getRequest().workspace(),
                    ids.subList(i, Math.min(i + DEPLOY_BATCH, ids.size())), p.getRequest().startupMode()));
        }
        return batches;
    }

    /** A deploy call is about to be sent for the batch: until its answer, its effect is unknown. */
    public void deploying(Promotion p, DeployFactoryPackagesRequest batch) {
        long now = clock.millis();
        batch.packageIds().forEach(id -> p.updatePackage(id, s -> s.sending(now)));
    }

    /**
     * Before a failed step runs again: a create or deploy the provider answered with an error did not take effect,
     * so it is no longer in doubt; a timeout or a cut answer stays in doubt.
     */
    public void afterFailure(Promotion p, Exception failure) {
        if (failure instanceof CloudApiException cloud && !cloud.isAmbiguous()) {
            if ("CreateFactoryPendingItemsPackage".equals(cloud.getOperation())) {
                p.createSent(null);
            } else if ("DeployFactoryPackages".equals(cloud.getOperation())) {
                p.getPackages().stream().filter(PackageState::isUnconfirmed)
                        .forEach(s -> p.updatePackage(s.packageId(), PackageState::notLanded));
            }
        }
    }

    /**
     * After the provider was read again: a call in doubt that landed is adopted (the package created, the deploy
     * made), and one that showed no effect within the grace period may be sent again.
     */
    public void settle(Promotion p) {
        long now = clock.millis();
        Long createSent = p.createSentAt();
        if (createSent != null && (!p.getPackages().isEmpty() || now - createSent >= ambiguousGrace.toMillis())) {
            p.createSent(null);
        }
        for (PackageState s : p.getPackages()) {
            if (s.hasLanded()) {
                p.updatePackage(s.packageId(), PackageState::adopted);
            } else if (s.isUnconfirmed() && now - s.sentAt() >= ambiguousGrace.toMillis()) {
                p.updatePackage(s.packageId(), PackageState::notLanded);
            }
        }
    }

    /** How long the wait that settles calls in doubt may take: past the grace period, when none is in doubt. */
    public long settleWaitMillis() {
        return ambiguousGrace.toMillis() + 5_000;
    }

    /** The provider accepted the deploy of a batch: its packages are being released. */
    public void deployed(Promotion p, DeployFactoryPackagesRequest batch) {
        batch.packageIds().forEach(id -> p.updatePackage(id, PackageState::deployed));
    }
}
