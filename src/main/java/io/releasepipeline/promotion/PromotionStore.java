package io.releasepipeline.promotion;

import java.util.List;

/**
 * Where promotion state outlives the process: each promotion's snapshot (saved at every stage change and after
 * every create and deploy), the outcome journal, and the deploy idempotency keys. One property
 * ({@code promotion.store}) picks the implementation.
 */
public interface PromotionStore {

    /**
     * Saves a promotion this runtime owns (and renews its lease). A store shared by several runtimes refuses the
     * write with {@link LeaseLost} when another runtime took the promotion over, or its outcome is recorded already:
     * an outcome is recorded once.
     */
    void save(PromotionSnapshot snapshot);

    /** Promotions saved without an outcome. */
    List<PromotionSnapshot> inFlight();

    /**
     * The promotions without an outcome that no runtime runs (a previous process of this one, or a runtime whose
     * lease expired), now owned by this runtime: those to resume. A store for one runtime answers every promotion
     * without an outcome; the registry resumes only those it does not run already.
     */
    default List<PromotionSnapshot> takeOver() {
        return inFlight();
    }

    /** Renews the leases of the promotions this runtime runs (the heartbeat of a store shared by runtimes). */
    default void renewLeases() {
    }

    /** Gives up this runtime's leases as it stops, so another runtime (or its restart) carries on at once. */
    default void releaseLeases() {
    }

    void appendJournal(String jsonLine);

    /**
     * Claims the deploy of one package (key: project, workspace and package id) for a promotion, durably, before
     * the deploy is sent. True when this promotion holds the claim: new, its own from before a restart, or left by
     * a promotion that has ended. A claim held by a promotion still in flight is refused.
     */
    boolean claimDeploy(String key, String promotionId);

    /**
     * Claims pending items (key: project, workspace and item id) for a promotion, durably, before its package is
     * created. Answers the items it could not claim, each with the promotion holding it: one still in flight, or one
     * that packaged it (its package created, or a create in doubt). An item whose holder ended without packaging it
     * is free again; a promotion re-claiming its own items (a resume) holds them.
     */
    java.util.Map<String, String> claimItems(List<String> itemKeys, String promotionId);

    /**
     * Takes an idempotency key for a new promotion and saves that promotion, as one step across every runtime
     * sharing the store (a key is never held by a promotion that was not saved): answers null when
     * {@code candidate} now holds it (the key was free, or its holder was accepted longer than {@code retention}
     * ago) and {@code accepted} is saved, else the key as it is held, and nothing is saved.
     */
    IdempotencyKey takeKey(IdempotencyKey candidate, java.time.Duration retention, PromotionSnapshot accepted);

    /**
     * Records a one-time value (a webhook signature) for {@code window}: true the first time, false when it was
     * recorded before within the window, by this runtime or another sharing the store.
     */
    boolean firstUse(String value, java.time.Duration window);

    /**
     * The newest saved promotions other runtimes may run, newest first. A store of one runtime answers none: what it
     * holds, that runtime's registry knows (or an earlier process of it ran).
     */
    default List<PromotionSnapshot> recent(int limit) {
        return List.of();
    }

    /** One saved promotion, or null. */
    PromotionSnapshot find(String id);

    /** Every saved promotion, the newest first (for the status command). */
    List<PromotionSnapshot> all();

    /** The records set aside as unreadable (a file's path, a row's id), for {@code status --quarantined}. */
    default List<String> quarantined() {
        return List.of();
    }

    /** Where the journal is, for people. */
    String journalLocation();
}
