package io.releasepipeline.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.releasepipeline.promotion.PromotionRequest;

/**
 * A promotion that failed for good: its request (to replay), where it failed and why. It never holds a credential
 * or a request header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String id, String promotionId, PromotionRequest request, String stage, String category,
                         String service, String operation, Integer httpStatus, String errorCode, String errorMsg,
                         String requestId, int retries, String failedAt) {
}
