package io.releasepipeline.cloud.dataarts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /v2/{project_id}/factory/pending-items/package}; {@code workspace} travels as a header. */
public record CreateFactoryPendingItemsPackageRequest(@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String workspace, String applyUserId,
                                                      String packageName, List<String> pendingItemList,
                                                      List<String> approverIds) {
}
