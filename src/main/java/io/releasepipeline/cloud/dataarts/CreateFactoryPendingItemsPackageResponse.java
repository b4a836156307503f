package io.releasepipeline.cloud.dataarts;

public record CreateFactoryPendingItemsPackageResponse(String packageName, String releasePackageId) {
}
