package io.releasepipeline.cloud.dataarts;

import java.util.List;

/** One release package as {@code ListFactoryReleasePackages} and {@code ShowFactoryPackageDetail} return it. */
public record ReleasePackage(Long applyTimestamp, String applyUserId, String applyUserName, Integer deleteFlag,
                             Integer deployStatus, Long deployTimestamp, String deployUserId, String deployUserName,
                             List<PackageApprover> packageApprovers, String packageId, String packageName,
                             String projectId, String workspaceId) {

    public static final int TO_BE_REVIEWED = 1;
    public static final int SUCCESSFUL = 2;
    public static final int FAILED = 3;
    public static final int BEING_RELEASED = 5;

    public record PackageApprover(String userId, String userName) {
    }
}
