package io.releasepipeline.cloud.dataarts;

import io.releasepipeline.cloud.CloudQuery;

/** Query of {@code GET /v2/{project_id}/factory/pending-items}; {@code workspace} travels as a header. */
public record ListFactoryPendingItemsRequest(String workspace, String submitUserName, String itemName,
                                             String updateType, Integer taskType, Long startTime, Long endTime,
                                             Integer limit, Integer offset) {

    public String query() {
        return CloudQuery.of("submit_user_name", submitUserName, "item_name", itemName, "update_type", updateType,
                "task_type", taskType, "start_time", startTime, "end_time", endTime, "limit", limit, "offset", offset);
    }

    public static ListFactoryPendingItemsRequest page(String workspace, int limit, int offset) {
        return new ListFactoryPendingItemsRequest(workspace, null, null, null, null, null, null, limit, offset);
    }
}
