package io.releasepipeline.cloud.dataarts;

import io.releasepipeline.cloud.CloudQuery;

public record ShowFactoryPackageDetailRequest(String workspace, String packageId) {

    public ShowFactoryPackageDetailRequest {
        CloudQuery.pathId("package_id", packageId);
    }
}
