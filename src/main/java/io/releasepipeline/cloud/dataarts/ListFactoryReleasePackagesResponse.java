package io.releasepipeline.cloud.dataarts;

import java.util.List;

public record ListFactoryReleasePackagesResponse(List<ReleasePackage> data, Integer total)
        implements Page<ReleasePackage> {
}
