package io.releasepipeline.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A release-plan component of a promotion, as last read (ShowReleasePlanDeployInfo). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentState(String name, String seq, String status, String jobStatus, String failMessage,
                             String rollbackJobStatus, String rollbackFailMessage) {
}
