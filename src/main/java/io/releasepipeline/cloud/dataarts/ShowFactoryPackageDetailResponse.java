package io.releasepipeline.cloud.dataarts;

import java.util.List;

/** Answer of {@code GET /v2/{project_id}/factory/release-packages/{package_id}}. */
public record ShowFactoryPackageDetailResponse(ReleasePackage releasePackage, List<TaskDetail> taskDetails) {

    /** One released item of the package. */
    public record TaskDetail(String taskId, String taskName, Integer taskType, String pendingItemId,
                             Integer pendingVersion) {
    }
}
