package io.releasepipeline.promotion;

import java.util.List;

/**
 * Where promotion state outlives the process: each promotion's snapshot (saved at every stage change and after
 * every create and deploy), the outcome journal, and the deploy idempotency keys. One property
 * ({@code promotion.store}) picks the implementation.
 */
public interface PromotionStore {

    void save(PromotionSnapshot snapshot);

    /** Promotions saved without an outcome: those to resume after a restart. */
    List<PromotionSnapshot> inFlight();

    void appendJournal(String jsonLine);

    /**
     * Claims the deploy of one package (key: project, workspace and package id) for a promotion, durably, before
     * the deploy is sent. True when this promotion holds the claim: new, its own from before a restart, or left by
     * a promotion that has ended. A claim held by a promotion still in flight is refused.
     */
    boolean claimDeploy(String key, String promotionId);

    /** Every saved promotion, the newest first (for the status command). */
    List<PromotionSnapshot> all();

    /** Where the journal is, for people. */
    String journalLocation();
}
