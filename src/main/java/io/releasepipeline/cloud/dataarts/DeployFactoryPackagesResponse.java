package io.releasepipeline.cloud.dataarts;

import java.util.List;

/** {@code package_id} is a number on this answer and a string elsewhere: it is read as a string either way. */
public record DeployFactoryPackagesResponse(List<DeployPackageDetail> deployPackageDetails) {

    public record DeployPackageDetail(Integer asySubtaskNum, String asyTaskId, String packageId) {
    }
}
