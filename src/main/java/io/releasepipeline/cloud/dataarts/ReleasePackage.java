package io.releasepipeline.cloud.dataarts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** One release package as {@code ListFactoryReleasePackages} and {@code ShowFactoryPackageDetail} return it. */
public record ReleasePackage(Long applyTimestamp, String applyUserId, String applyUserName, Integer deleteFlag,
                             Integer deployStatus, Long deployTimestamp, String deployUserId, String deployUserName,
                             List<PackageApprover> packageApprovers, String packageId, String packageName,
                             String projectId, String workspaceId) {

    /** The deploy_status as a {@link DeployStatus}, or null when the provider sent a value it does not document. */
    @JsonIgnore
    public DeployStatus status() {
        return DeployStatus.of(deployStatus);
    }

    public record PackageApprover(String userId, String userName) {
    }
}
