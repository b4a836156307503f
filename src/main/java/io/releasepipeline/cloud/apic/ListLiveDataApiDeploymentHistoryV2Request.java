package io.releasepipeline.cloud.apic;

import io.releasepipeline.cloud.CloudQuery;

public record ListLiveDataApiDeploymentHistoryV2Request(String instanceId, String ldApiId, Integer offset,
                                                         Integer limit) {

    public ListLiveDataApiDeploymentHistoryV2Request {
        CloudQuery.pathId("instance_id", instanceId);
        CloudQuery.pathId("ld_api_id", ldApiId);
    }

    public String query() {
        return CloudQuery.of("offset", offset, "limit", limit);
    }
}
