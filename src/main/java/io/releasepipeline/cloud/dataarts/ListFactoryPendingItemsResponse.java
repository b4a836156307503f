package io.releasepipeline.cloud.dataarts;

import java.util.List;

public record ListFactoryPendingItemsResponse(List<PendingItem> data, Integer total) implements Page<PendingItem> {
}
