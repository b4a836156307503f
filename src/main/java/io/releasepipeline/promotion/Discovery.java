package io.releasepipeline.promotion;

import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.cloud.dataarts.PendingItem;
import io.releasepipeline.cloud.dataarts.ReleasePackage;
import java.util.List;

/**
 * Discovery's requests and answers ({@code routes/promotion.camel.yaml}): the pending items a selector chooses, and
 * the packages an earlier run of the promotion created, found by name.
 */
public class Discovery {

    public ListFactoryPendingItemsRequest pendingItemsPage(Promotion p, int offset) {
        PromotionRequest r = p.getRequest();
        PromotionRequest.Selector s = r.selector();
        return new ListFactoryPendingItemsRequest(r.workspace(), s.submitUserName(), s.itemName(), null, s.taskType(),
                s.submittedAfter(), null, Pager.PAGE, offset);
    }

    /** Keeps the items of a page that are in no package yet and were submitted after the selector's time. */
    public void takePendingItems(Promotion p, List<PendingItem> items) {
        Long after = p.getRequest().selector().submittedAfter();
        for (PendingItem item : items) {
            boolean free = item.packageFlag() == null || item.packageFlag() == 0;
            boolean recent = after == null || item.submitTimestamp() != null && item.submitTimestamp() > after;
            if (free && recent) {
                p.addPendingItem(item.pendingItemId());
            }
        }
    }

    public void explicitPendingItems(Promotion p) {
        p.getRequest().pendingItemIds().forEach(p::addPendingItem);
    }

    /** A page of the packages whose name contains this promotion's package name, newest first. */
    public ListFactoryReleasePackagesRequest packagesPage(Promotion p, int offset) {
        PromotionRequest r = p.getRequest();
        return ListFactoryReleasePackagesRequest.newestFirst(r.workspace(), r.packageName(), Pager.PAGE, offset);
    }

    /** Records the packages named exactly as this promotion's package, with their deploy status as read now. */
    public void takePackages(Promotion p, List<ReleasePackage> packages) {
        for (ReleasePackage pkg : packages) {
            if (p.getRequest().packageName().equals(pkg.packageName())) {
                p.packageSeen(pkg.packageId(), pkg.packageName(), pkg.deployStatus(), pkg.deployTimestamp());
            }
        }
    }
}
