package io.releasepipeline.cloud.servicestage;

import java.util.List;
import java.util.Set;

/** Answer of {@code GET /v3/{project_id}/cas/release-plans/{release_plan_id}/deploy-info}. */
public record ReleasePlanDeployInfo(String id, List<ComponentDeployInfo> components) {

    /** Component statuses after which nothing more happens (a FAILED one still has its rollback to run). */
    public static final Set<String> TERMINAL = Set.of("SUCCESS", "SUCCEEDED", "ROLLBACK_SUCCEED", "ROLLBACK_FAILED",
            "ABORTED");

    /** Statuses are kept as strings: a value this code does not know is carried, never rejected. */
    public record ComponentDeployInfo(String jobId, String status, String jobStatus, String name, String id,
                                      String seq, String version, String rollbackJobId, Long startTime,
                                      Long endTime, String rollbackJobStatus, Long rollbackStartTime,
                                      Long rollbackEndTime, String failMessage, String rollbackFailMessage) {
    }
}
