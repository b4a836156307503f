package io.releasepipeline.cloud.servicestage;

import java.util.List;

/** Answer of {@code GET /v3/{project_id}/cas/release-plans/{release_plan_id}/deploy-info}. */
public record ReleasePlanDeployInfo(String id, List<ComponentDeployInfo> components) {

    /** Statuses are kept as strings: a value this code does not know is carried, never rejected. */
    public record ComponentDeployInfo(String jobId, String status, String jobStatus, String name, String id,
                                      String seq, String version, String rollbackJobId, Long startTime,
                                      Long endTime, String rollbackJobStatus, Long rollbackStartTime,
                                      Long rollbackEndTime, String failMessage, String rollbackFailMessage) {
    }
}
