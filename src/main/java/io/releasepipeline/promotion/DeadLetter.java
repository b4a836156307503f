package io.releasepipeline.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * A promotion that failed for good, as the dead-letter store keeps it: its request (to replay), where it failed and
 * why. It never holds a credential or a request header. Built by {@link Outcomes}; the store only writes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String id, String promotionId, PromotionRequest request, String stage, String category,
                         String service, String operation, Integer httpStatus, String errorCode, String errorMsg,
                         String requestId, int retries, String failedAt) {

    static String newId() {
        return "dl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
