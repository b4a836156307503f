package io.releasepipeline.promotion;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    public Acceptance(Promotions promotions, PromotionStore store, Outcomes outcomes, Clock clock, int maxBodyBytes) {
        this.promotions = promotions;
        this.store = store;
        this.outcomes = outcomes;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Promotion accept(Object body) {
        return accept(body, false);
    }

    /**
     * As {@link #accept(Object)}; {@code scheduled} marks a promotion a schedule started (for the "time since the
     * last scheduled success" metric) before it can reach the chain, which may end it within milliseconds.
     */
    public Promotion accept(Object body, Boolean scheduled) {
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
        if (!problems.isEmpty()) {
            String why = String.join("; ", problems);
            reject(request, why);
            throw new IllegalArgumentException(why);
        }
        Promotion promotion = new Promotion(newId(), request.accepted(clock.instant()), clock.instant());
        if (!promotion.getRequest().packageName().equals(request.packageName())) {
            promotion.markNameNew();
        }
        if (Boolean.TRUE.equals(scheduled)) {
            promotion.markScheduled();
        }
        promotions.register(promotion);
        store.save(promotion.snapshot());
        PromotionLog.info(promotion, "promotion {} ACCEPTED: workspace {}, package {}", promotion.getId(),
                request.workspace(), promotion.getRequest().packageName());
        return promotion;
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
