package io.releasepipeline.cloud.apic;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code histories} may arrive as one object instead of an array (page 004's own example): read as a list. */
public record ListLiveDataApiDeploymentHistoryV2Response(Integer size, Long total,
                                                         List<LdApiDeployHistoryInfo> histories) {

    public record LdApiDeployHistoryInfo(String id, String ldApiId, String groupId, String envId, String apiId,
                                         String deployTime, LdApiInfo apiDefinition) {
    }

    public record LdApiInfo(String name, String path, String method, String description, String version,
                            String contentType, String apiSignatureId, String romaAppId, Boolean returnFormat,
                            List<LdApiParameter> parameters, String id, String instance, String type,
                            Integer status, String createdTime, String modifiedTime, List<LdApiScript> scripts,
                            String romaAppName) {
    }

    public record LdApiParameter(String name, String in, @JsonProperty("default") String defaultValue, String description,
                                 Boolean required) {
    }

    public record LdApiScript(String dsId, String dsName, String dsType, String type, String objectName,
                              String content, Boolean enableResultPaging, Boolean enablePreparestatement,
                              String createdTime, String modifiedTime) {
    }
}
