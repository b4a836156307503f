package io.releasepipeline.cloud.dataarts;

/** An item waiting to be released, as {@code ListFactoryPendingItems} returns it. */
public record PendingItem(String pendingItemId, String itemName, String taskId, Integer taskType,
                          Integer pendingVersion, Integer deployedVersion, Integer packageFlag, String projectId,
                          Long submitTimestamp, String submitUserId, String submitUserName) {
}
