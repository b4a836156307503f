package io.releasepipeline.cloud.dataarts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /v2/{project_id}/factory/release-packages}; {@code workspace} travels as a header. */
public record ListFactoryReleasePackagesRequest(@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String workspace, String keyWord, String applyUserName,
                                                String deployUserName, Long applyBeginTime, Long applyEndTime,
                                                Long deployBeginTime, Long deployEndTime,
                                                List<String> applyUserNameFilter, List<String> deployUserNameFilter,
                                                List<Integer> deployStatusFilter, String sortedDirection,
                                                String orderColumn, Integer limit, Integer offset) {

    /** A page of the workspace's packages (those whose name contains {@code keyWord}, if given), newest first. */
    public static ListFactoryReleasePackagesRequest newestFirst(String workspace, String keyWord, int limit,
                                                                int offset) {
        return new ListFactoryReleasePackagesRequest(workspace, keyWord, null, null, null, null, null, null, null,
                null, null, "desc", "apply_timestamp", limit, offset);
    }

    public static ListFactoryReleasePackagesRequest page(String workspace, List<Integer> deployStatusFilter,
                                                         int limit, int offset) {
        return new ListFactoryReleasePackagesRequest(workspace, null, null, null, null, null, null, null, null, null,
                deployStatusFilter, null, null, limit, offset);
    }
}
