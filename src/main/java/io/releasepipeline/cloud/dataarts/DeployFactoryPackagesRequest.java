package io.releasepipeline.cloud.dataarts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /v2/{project_id}/factory/release-packages/deploy}: 1 to 100 package ids. */
public record DeployFactoryPackagesRequest(@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String workspace, List<String> packageIds,
                                           Integer startupMode) {
}
