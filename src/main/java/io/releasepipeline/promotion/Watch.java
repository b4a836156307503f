package io.releasepipeline.promotion;

import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Request;
import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Response;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailRequest;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailResponse;
import io.releasepipeline.cloud.servicestage.ComponentStatus;
import io.releasepipeline.cloud.servicestage.ReleasePlanDeployInfo;
import io.releasepipeline.cloud.servicestage.ShowReleasePlanDeployInfoRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the checks of the asynchronous work ask and what they learn ({@code routes/polling.camel.yaml}): the packages'
 * deploy_status, the release plan's components in seq order, and the livedata APIs' deploy history.
 */
public class Watch {

    /** One detail call per package still being released (or not seen since its deploy). */
    public List<ShowFactoryPackageDetailRequest> packagesInFlight(Promotion p) {
        return p.getPackages().stream().filter(s -> !s.isTerminal())
                .map(s -> new ShowFactoryPackageDetailRequest(p.getRequest().workspace(), s.packageId())).toList();
    }

    /** Takes a package's deploy_status from its detail (the package id is the one the check asked for). */
    public void takePackageDetail(Promotion p, String packageId, ShowFactoryPackageDetailResponse detail) {
        if (detail != null && detail.releasePackage() != null) {
            p.packageSeen(packageId, null, detail.releasePackage().deployStatus(),
                    detail.releasePackage().deployTimestamp());
        }
        CrashPoint.reached("polling");
    }

    public ShowReleasePlanDeployInfoRequest releasePlanRequest(Promotion p) {
        return new ShowReleasePlanDeployInfoRequest(p.getRequest().releasePlanId());
    }

    /** Records every component in seq order; answers whether each one is done (a failure once its rollback ended). */
    public boolean takeReleasePlan(Promotion p, ReleasePlanDeployInfo info) {
        List<ReleasePlanDeployInfo.ComponentDeployInfo> components = (info.components() == null
                ? List.<ReleasePlanDeployInfo.ComponentDeployInfo>of() : info.components()).stream()
                .sorted(Comparator.comparingInt(c -> seq(c.seq()))).toList();
        for (ReleasePlanDeployInfo.ComponentDeployInfo c : components) {
            String status = Objects.requireNonNullElse(c.status(), "");
            if (!ComponentStatus.KNOWN.contains(status) && p.firstSight(status)) {
                PromotionLog.warn(p, "promotion {} [{}] component {} has a status this runtime does not know: '{}'; "
                        + "polling on", p.getId(), p.getRequest().correlationId(), c.name(), status);
            }
        }
        p.setComponents(components.stream().map(c -> new ComponentState(c.name(), c.seq(),
                Objects.requireNonNullElse(c.status(), ""), c.jobStatus(), c.failMessage(), c.rollbackJobStatus(),
                c.rollbackFailMessage())).toList());
        return !components.isEmpty() && components.stream().allMatch(ComponentStatus::isDone);
    }

    private static int seq(String seq) {
        try {
            return Integer.parseInt(seq);
        } catch (NumberFormatException | NullPointerException e) {
            return Integer.MAX_VALUE;
        }
    }

    public List<ListLiveDataApiDeploymentHistoryV2Request> unverifiedApis(Promotion p) {
        return p.getRequest().livedataApis().stream()
                .filter(api -> !Boolean.TRUE.equals(p.getVerified().get(api.instanceId() + "/" + api.ldApiId())))
                .map(api -> new ListLiveDataApiDeploymentHistoryV2Request(api.instanceId(), api.ldApiId(), 0, 1))
                .toList();
    }

    /** A livedata API is verified when its newest deploy is newer than the promotion's start. */
    public void takeHistory(Promotion p, String ldApi, ListLiveDataApiDeploymentHistoryV2Response answer) {
        Instant newest = answer.histories() == null ? null : answer.histories().stream()
                .map(h -> parse(h.deployTime())).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        p.verified(ldApi, newest != null && newest.isAfter(p.getAcceptedAt().minusSeconds(1)));
    }

    private static Instant parse(String time) {
        try {
            return time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
