package io.releasepipeline.promotion;

import java.time.Instant;

/**
 * A promotion's identity across retried triggers: the key a trigger gave it (the {@code Idempotency-Key} header, the
 * request's correlation_id, an inbox file's name and content hash, a schedule's definition and time slot), the
 * promotion it started, and a hash of the request, so the same key with another request is told apart.
 */
public record IdempotencyKey(String key, String promotionId, String requestHash, Instant acceptedAt) {
}
