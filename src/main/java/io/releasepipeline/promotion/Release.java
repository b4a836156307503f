package io.releasepipeline.promotion;

import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageRequest;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageResponse;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesRequest;
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

    public Release(PromotionStore store, String projectId) {
        this.store = store;
        this.projectId = projectId;
    }

    public CreateFactoryPendingItemsPackageRequest createRequest(Promotion p) {
        PromotionRequest r = p.getRequest();
        return new CreateFactoryPendingItemsPackageRequest(r.workspace(), r.applyUserId(), r.packageName(),
                p.getPendingItemIds(), r.approverIds());
    }

    public void takeCreated(Promotion p, CreateFactoryPendingItemsPackageResponse created) {
        p.packageCreated(created.releasePackageId(), p.getRequest().packageName());
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
                .filter(s -> s.toDeploy() && s.status() != null && s.status().isDeployable())
                .map(PackageState::packageId).toList();
        List<DeployFactoryPackagesRequest> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += DEPLOY_BATCH) {
            batches.add(new DeployFactoryPackagesRequest(p.getRequest().workspace(),
                    ids.subList(i, Math.min(i + DEPLOY_BATCH, ids.size())), p.getRequest().startupMode()));
        }
        return batches;
    }

    /** The provider accepted the deploy of a batch: its packages are being released. */
    public void deployed(Promotion p, DeployFactoryPackagesRequest batch) {
        batch.packageIds().forEach(id -> p.updatePackage(id, PackageState::deployed));
    }
}
