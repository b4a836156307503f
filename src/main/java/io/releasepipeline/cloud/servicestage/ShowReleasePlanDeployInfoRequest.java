package io.releasepipeline.cloud.servicestage;

import io.releasepipeline.cloud.CloudQuery;

public record ShowReleasePlanDeployInfoRequest(String releasePlanId) {

    public ShowReleasePlanDeployInfoRequest {
        CloudQuery.pathId("release_plan_id", releasePlanId);
    }
}
