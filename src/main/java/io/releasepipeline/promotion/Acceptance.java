package io.releasepipeline.promotion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Accepts a promotion request (JSON text from the webhook or the inbox, or a request a schedule or replay built):
 * a valid one becomes a {@link Promotion} saved in the store with its correlation id and package name fixed; an
 * invalid one is recorded as REJECTED and refused with an {@link IllegalArgumentException} naming every field at
 * fault.
 */
public class Acceptance {

    private final Promotions promotions;
    private final PromotionStore store;
    private final Outcomes outcomes;
    private final Clock clock;
    private final int maxBodyBytes;
    private final Duration retention;

    public Acceptance(Promotions promotions, PromotionStore store, Outcomes outcomes, Clock clock, int maxBodyBytes,
                      Duration retention) {
        this.promotions = promotions;
        this.store = store;
        this.outcomes = outcomes;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.retention = retention;
    }

    /** What acceptance answers: the promotion, and whether it is one a trigger started before with the same key. */
    public record Accepted(Promotion promotion, boolean repeat) {
    }

    /**
     * Accepts a request, once per idempotency key: {@code key} (the webhook's Idempotency-Key header), else the
     * request's correlation_id, else {@code fallbackKey} (an inbox file's name and content hash, a schedule's slot).
     * A key accepted before, by any runtime sharing the store, within the retention answers that promotion and
     * starts nothing; the same key with another request is refused ({@link IdempotencyConflict}).
     * {@code scheduled} marks a promotion a schedule started (for the "time since the last scheduled success"
     * metric) before it can reach the chain, which may end it within milliseconds.
     */
    public Accepted accept(Object body, Boolean scheduled, String key, String fallbackKey) {
        PromotionRequest request;
        try {
            if (body instanceof String text && text.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
                throw new IllegalArgumentException("the request is over " + maxBodyBytes
                        + " bytes (promotion.max-request-bytes)");
            }
            request = body instanceof PromotionRequest r ? r : PromotionJson.read(String.valueOf(body));
        } catch (IllegalArgumentException e) {
            reject(null, e.getMessage());
            throw e;
        }
        List<String> problems = request.problems();
        if (blank(key) && key != null) {
            problems = new java.util.ArrayList<>(problems);
            problems.add("the Idempotency-Key header is empty; send a key or leave the header out");
        }
        if (!problems.isEmpty()) {
            String why = String.join("; ", problems);
            reject(request, why);
            throw new IllegalArgumentException(why);
        }
        Instant now = clock.instant();
        Promotion promotion = new Promotion(newId(), request.accepted(now), now);
        if (!promotion.getRequest().packageName().equals(request.packageName())) {
            promotion.markNameNew();
        }
        if (Boolean.TRUE.equals(scheduled)) {
            promotion.markScheduled();
        }
        // a request without a key of its own is keyed by its promotion, so every acceptance is the same one step:
        // the key and the promotion stored together, or (the store unavailable: 503) nothing at all
        String identity = !blank(key) ? key : !blank(request.correlationId()) ? request.correlationId()
                : !blank(fallbackKey) ? fallbackKey : "promotion:" + promotion.getId();
        String hash = requestHash(request);
        IdempotencyKey held = store.takeKey(new IdempotencyKey(identity, promotion.getId(), hash, now), retention,
                promotion.snapshot());
        if (held != null) {
            if (!held.requestHash().equals(hash)) {
                throw new IdempotencyConflict("this idempotency key (the Idempotency-Key header, else the "
                        + "correlation_id) started promotion " + held.promotionId() + " for another request; "
                        + "send a new key for a new request");
            }
            return new Accepted(earlier(held, request), true);
        }
        promotions.register(promotion);
        PromotionLog.info(promotion, "promotion {} ACCEPTED: workspace {}, package {}", promotion.getId(),
                request.workspace(), promotion.getRequest().packageName());
        return new Accepted(promotion, false);
    }

    /** The promotion an earlier request with the same key started, as this runtime or the store knows it. */
    private Promotion earlier(IdempotencyKey held, PromotionRequest request) {
        Promotion known = promotions.find(held.promotionId());
        // a key and its promotion are stored together; this is for a store that lost the promotion's row (answered as
        // accepted, never registered or run here)
        return known != null ? known
                : new Promotion(held.promotionId(), request.accepted(held.acceptedAt()), held.acceptedAt());
    }

    /** The request as submitted, hashed: the same key must come with the same request. */
    private static String requestHash(PromotionRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(PromotionJson.write(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void reject(PromotionRequest request, String why) {
        Promotion rejected = new Promotion(newId(), request, clock.instant());
        promotions.register(rejected);
        outcomes.rejected(rejected, why);
    }

    private static String newId() {
        return "p-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }
}
