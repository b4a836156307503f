package io.releasepipeline.promotion;

import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Request;
import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Response;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageRequest;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageResponse;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsResponse;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesResponse;
import io.releasepipeline.cloud.dataarts.PendingItem;
import io.releasepipeline.cloud.dataarts.ReleasePackage;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailRequest;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailResponse;
import io.releasepipeline.cloud.servicestage.ReleasePlanDeployInfo;
import io.releasepipeline.cloud.servicestage.ShowReleasePlanDeployInfoRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the promotion routes need from Java: typed requests built from the promotion, and answers folded back into
 * it. Each method reads the promotion from the exchange property {@code promotion}; paging state lives in the
 * exchange properties {@code pageOffset} and {@code morePages}, so one page is held at a time.
 */
public class PromotionSteps {

    public static final int PAGE = 100;
    public static final int DEPLOY_BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(PromotionSteps.class);

    private final PromotionStore store;
    private final String projectId;

    public PromotionSteps(PromotionStore store, String projectId) {
        this.store = store;
        this.projectId = projectId;
    }
    private static final Set<String> COMPONENT_FAILED = Set.of("FAILED", "PARTIALLY_FAILED");
    private static final Set<String> COMPONENT_KNOWN = Set.of("CREATED", "RUNNING", "SUCCESS", "SUCCEEDED", "FAILED",
            "PARTIALLY_FAILED", "ROLLBACK_SUCCEED", "ROLLBACK_FAILED", "ABORTED");

    // ---- paging ----

    public void firstPage(Exchange exchange) {
        exchange.setProperty("pageOffset", 0);
        exchange.setProperty("morePages", true);
    }

    private static void nextPage(Exchange exchange, int received, Integer total) {
        int offset = exchange.getProperty("pageOffset", 0, Integer.class) + received;
        exchange.setProperty("pageOffset", offset);
        exchange.setProperty("morePages", received > 0 && total != null && offset < total);
    }

    // ---- discover ----

    public boolean hasSelector(Exchange exchange) {
        return Promotions.of(exchange).getRequest().selector() != null;
    }

    public ListFactoryPendingItemsRequest pendingItemsPage(Exchange exchange) {
        PromotionRequest r = Promotions.of(exchange).getRequest();
        PromotionRequest.Selector s = r.selector();
        return new ListFactoryPendingItemsRequest(r.workspace(), s.submitUserName(), s.itemName(), null, s.taskType(),
                s.submittedAfter(), null, PAGE, exchange.getProperty("pageOffset", 0, Integer.class));
    }

    public void takePendingItems(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        ListFactoryPendingItemsResponse page = exchange.getMessage().getBody(ListFactoryPendingItemsResponse.class);
        List<PendingItem> items = page.data() == null ? List.of() : page.data();
        Long after = p.getRequest().selector().submittedAfter();
        for (PendingItem item : items) {
            boolean free = item.packageFlag() == null || item.packageFlag() == 0;
            boolean recent = after == null || (item.submitTimestamp() != null && item.submitTimestamp() > after);
            if (free && recent) {
                p.addPendingItem(item.pendingItemId());
            }
        }
        nextPage(exchange, items.size(), page.total());
    }

    public void explicitPendingItems(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        p.getRequest().pendingItemIds().forEach(p::addPendingItem);
    }

    /** Packages named as this promotion's package: what an earlier run of it already created. */
    public ListFactoryReleasePackagesRequest packagesPage(Exchange exchange) {
        PromotionRequest r = Promotions.of(exchange).getRequest();
        return ListFactoryReleasePackagesRequest.newestFirst(r.workspace(), r.packageName(), PAGE,
                exchange.getProperty("pageOffset", 0, Integer.class));
    }

    public void takePackages(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        ListFactoryReleasePackagesResponse page = exchange.getMessage().getBody(ListFactoryReleasePackagesResponse.class);
        List<ReleasePackage> packages = page.data() == null ? List.of() : page.data();
        for (ReleasePackage pkg : packages) {
            if (p.getRequest().packageName().equals(pkg.packageName())) {
                Promotion.PackageState state = p.packageState(pkg.packageId(), pkg.packageName());
                state.deployStatus = pkg.deployStatus();
                state.deployTimestamp = pkg.deployTimestamp();
            }
        }
        nextPage(exchange, packages.size(), page.total());
    }

    // ---- create ----

    public boolean needsCreate(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        return p.getPackages().isEmpty() && !p.getPendingItemIds().isEmpty();
    }

    public CreateFactoryPendingItemsPackageRequest createRequest(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        PromotionRequest r = p.getRequest();
        return new CreateFactoryPendingItemsPackageRequest(r.workspace(), r.applyUserId(), r.packageName(),
                p.getPendingItemIds(), r.approverIds());
    }

    public void takeCreated(Exchange exchange) {
        CreateFactoryPendingItemsPackageResponse created =
                exchange.getMessage().getBody(CreateFactoryPendingItemsPackageResponse.class);
        Promotion p = Promotions.of(exchange);
        p.packageState(created.releasePackageId(), p.getRequest().packageName()).deployStatus =
                ReleasePackage.TO_BE_REVIEWED;
    }

    // ---- route by deploy_status ----

    public List<Promotion.PackageState> packages(Exchange exchange) {
        return Promotions.of(exchange).getPackages();
    }

    public void deploy(Promotion.PackageState pkg) {
        pkg.toDeploy = true;
    }

    /** A package that ended failed is deployed again only while the request allows it. */
    public void failedRelease(Exchange exchange) {
        Promotion.PackageState pkg = exchange.getMessage().getBody(Promotion.PackageState.class);
        Promotion p = Promotions.of(exchange);
        int allowed = p.getRequest().redeployFailed();
        int redeploys = pkg.redeploys;
        if (redeploys < allowed && !pkg.claimedElsewhere) {
            pkg.toDeploy = true;
            LOG.info("promotion {} [{}] package {} failed: redeploying ({} of {})", p.getId(),
                    p.getRequest().correlationId(), pkg.packageId, redeploys + 1, allowed);
        } else {
            LOG.info("promotion {} [{}] package {} failed: no redeploy left", p.getId(),
                    p.getRequest().correlationId(), pkg.packageId);
        }
    }

    // ---- deploy ----

    /**
     * The packages to deploy, still to be reviewed (1) or failed (3), in batches of at most 100; each one claimed
     * durably first, so no other promotion or runtime sharing the store deploys it too.
     */
    public List<DeployFactoryPackagesRequest> deployBatches(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        List<String> ids = new ArrayList<>();
        for (Promotion.PackageState s : p.getPackages()) {
            boolean deployable = Integer.valueOf(1).equals(s.deployStatus) || Integer.valueOf(3).equals(s.deployStatus);
            if (!s.toDeploy || !deployable) {
                continue;
            }
            // one claim per deploy of a package: its last deploy time tells one attempt from the next
            String key = projectId + "/" + p.getRequest().workspace() + "/" + s.packageId + "/"
                    + (s.deployTimestamp == null ? "never" : s.deployTimestamp);
            if (store.claimDeploy(key, p.getId())) {
                ids.add(s.packageId);
            } else {
                s.toDeploy = false;
                s.claimedElsewhere = true;
                LOG.info("promotion {} [{}] package {} is claimed by another promotion: watching it", p.getId(),
                        p.getRequest().correlationId(), s.packageId);
            }
        }
        List<DeployFactoryPackagesRequest> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += DEPLOY_BATCH) {
            batches.add(new DeployFactoryPackagesRequest(p.getRequest().workspace(),
                    ids.subList(i, Math.min(i + DEPLOY_BATCH, ids.size())), p.getRequest().startupMode()));
        }
        return batches;
    }

    public void deployed(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        for (String id : exchange.getProperty("deployBatch", DeployFactoryPackagesRequest.class).packageIds()) {
            Promotion.PackageState pkg = p.findPackage(id);
            if (Integer.valueOf(ReleasePackage.FAILED).equals(pkg.deployStatus)) {
                pkg.redeploys++;
            }
            pkg.deployStatus = ReleasePackage.BEING_RELEASED;
            pkg.toDeploy = false;
            pkg.deploys++;
        }
    }

    /** Whether an earlier run may have created this promotion's package (so discovery looks for it by name). */
    public boolean mayHaveCreated(Exchange exchange) {
        return !Promotions.of(exchange).isNameNew();
    }

    /** The packages still being released (or not yet seen since the deploy): one detail call each per check. */
    public List<ShowFactoryPackageDetailRequest> packagesInFlight(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        return p.getPackages().stream()
                .filter(s -> s.deployStatus == null || (s.deployStatus != 2 && s.deployStatus != 3))
                .map(s -> new ShowFactoryPackageDetailRequest(p.getRequest().workspace(), s.packageId)).toList();
    }

    /** Takes a package's deploy_status from its detail (the package id is the one the check asked for). */
    public void takePackageDetail(Exchange exchange) {
        ShowFactoryPackageDetailResponse detail = exchange.getMessage().getBody(ShowFactoryPackageDetailResponse.class);
        Promotion.PackageState state = Promotions.of(exchange).findPackage(exchange.getProperty("packageId",
                String.class));
        if (state != null && detail != null && detail.releasePackage() != null) {
            state.deployStatus = detail.releasePackage().deployStatus();
            state.deployTimestamp = detail.releasePackage().deployTimestamp();
        }
    }

    public boolean packagesTerminal(Exchange exchange) {
        if (exchange.getProperty("pollAttempt", 0, Integer.class) > 0) {
            CrashPoint.reached("polling");
        }
        return Promotions.of(exchange).getPackages().stream()
                .allMatch(s -> s.deployStatus != null && (s.deployStatus == 2 || s.deployStatus == 3));
    }

    /** A release round: the first, then another while a package ended failed and may be deployed again. */
    public boolean releaseRound(Exchange exchange) {
        int round = exchange.getProperty("releaseRound", 0, Integer.class);
        exchange.setProperty("releaseRound", round + 1);
        Promotion p = Promotions.of(exchange);
        return round == 0 || exchange.getProperty(Poller.TIMED_OUT) == null && p.getPackages().stream()
                .anyMatch(s -> Integer.valueOf(3).equals(s.deployStatus) && !s.claimedElsewhere
                        && s.redeploys < p.getRequest().redeployFailed());
    }

    // ---- release plan ----

    public boolean hasReleasePlan(Exchange exchange) {
        return Promotions.of(exchange).getRequest().releasePlanId() != null;
    }

    public ShowReleasePlanDeployInfoRequest releasePlanRequest(Exchange exchange) {
        return new ShowReleasePlanDeployInfoRequest(Promotions.of(exchange).getRequest().releasePlanId());
    }

    /** Records every component in seq order; answers true when each one is terminal (a failure after its rollback). */
    public boolean takeReleasePlan(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        ReleasePlanDeployInfo info = exchange.getMessage().getBody(ReleasePlanDeployInfo.class);
        List<ReleasePlanDeployInfo.ComponentDeployInfo> components = new ArrayList<>(
                info.components() == null ? List.of() : info.components());
        components.sort((a, b) -> Integer.compare(seq(a.seq()), seq(b.seq())));
        boolean allDone = true;
        List<Promotion.ComponentState> states = new ArrayList<>();
        for (ReleasePlanDeployInfo.ComponentDeployInfo c : components) {
            String status = c.status() == null ? "" : c.status();
            if (!COMPONENT_KNOWN.contains(status) && p.firstSight(status)) {
                LOG.warn("promotion {} [{}] component {} has a status this runtime does not know: '{}'; polling on",
                        p.getId(), p.getRequest().correlationId(), c.name(), status);
            }
            boolean rollbackOver = "SUCCEEDED".equals(c.rollbackJobStatus()) || "FAILED".equals(c.rollbackJobStatus());
            boolean done = ReleasePlanDeployInfo.TERMINAL.contains(status)
                    || (COMPONENT_FAILED.contains(status) && (rollbackOver || c.rollbackJobId() == null));
            allDone &= done;
            states.add(new Promotion.ComponentState(c.name(), c.seq(), status, c.jobStatus(), c.failMessage(),
                    c.rollbackJobStatus(), c.rollbackFailMessage()));
        }
        p.setComponents(states);
        return allDone && !states.isEmpty();
    }

    private static int seq(String seq) {
        try {
            return Integer.parseInt(seq);
        } catch (NumberFormatException | NullPointerException e) {
            return Integer.MAX_VALUE;
        }
    }

    // ---- verify ----

    public boolean hasLiveDataApis(Exchange exchange) {
        List<PromotionRequest.LiveDataApi> apis = Promotions.of(exchange).getRequest().livedataApis();
        return apis != null && !apis.isEmpty();
    }

    public List<ListLiveDataApiDeploymentHistoryV2Request> unverifiedApis(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        return p.getRequest().livedataApis().stream()
                .filter(api -> !Boolean.TRUE.equals(p.getVerified().get(api.instanceId() + "/" + api.ldApiId())))
                .map(api -> new ListLiveDataApiDeploymentHistoryV2Request(api.instanceId(), api.ldApiId(), 0, 1))
                .toList();
    }

    /** A livedata API is verified when its newest deploy is newer than the promotion's start. */
    public void takeHistory(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        ListLiveDataApiDeploymentHistoryV2Response answer =
                exchange.getMessage().getBody(ListLiveDataApiDeploymentHistoryV2Response.class);
        Instant newest = answer.histories() == null ? null : answer.histories().stream()
                .map(h -> parse(h.deployTime())).filter(t -> t != null).max(Instant::compareTo).orElse(null);
        p.verified(exchange.getProperty("ldApi", String.class),
                newest != null && newest.isAfter(p.getAcceptedAt().minusSeconds(1)));
    }

    public boolean allVerified(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        return p.getVerified().size() == p.getRequest().livedataApis().size()
                && p.getVerified().values().stream().allMatch(Boolean::booleanValue);
    }

    private static Instant parse(String time) {
        try {
            return time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
