package io.releasepipeline.cli;

import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Request;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageRequest;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailRequest;
import io.releasepipeline.cloud.servicestage.ShowReleasePlanDeployInfoRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The provider operations the command line can call: each is a {@code direct:} route of the same name. */
final class Operations {

    static final Map<String, Class<?>> REQUEST_TYPES = new LinkedHashMap<>();

    static {
        REQUEST_TYPES.put("ListFactoryReleasePackages", ListFactoryReleasePackagesRequest.class);
        REQUEST_TYPES.put("ListFactoryPendingItems", ListFactoryPendingItemsRequest.class);
        REQUEST_TYPES.put("CreateFactoryPendingItemsPackage", CreateFactoryPendingItemsPackageRequest.class);
        REQUEST_TYPES.put("DeployFactoryPackages", DeployFactoryPackagesRequest.class);
        REQUEST_TYPES.put("ShowFactoryPackageDetail", ShowFactoryPackageDetailRequest.class);
        REQUEST_TYPES.put("ShowReleasePlanDeployInfo", ShowReleasePlanDeployInfoRequest.class);
        REQUEST_TYPES.put("ListLiveDataApiDeploymentHistoryV2", ListLiveDataApiDeploymentHistoryV2Request.class);
    }

    private Operations() {
    }
}
