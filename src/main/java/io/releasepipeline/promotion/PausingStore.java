package io.releasepipeline.promotion;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The store as the runtime uses it, through {@link StoreOutage}: what a running promotion writes or reads (its
 * snapshots, claims, journal line) waits for the store to come back; what a new request needs (its idempotency key and
 * first save, a webhook signature) fails at once with {@link StoreUnavailable}, answered 503, leaving nothing behind;
 * the periodic lease work skips a beat. A refusal (a lost lease) is no outage and passes through.
 */
public final class PausingStore implements PromotionStore {

    private final PromotionStore store;
    private final StoreOutage outage;
    /** The lease work reaches the store only when it is shared (PostgreSQL); the file store's does nothing. */
    private final boolean shared;

    /** @param shared the store is shared by runtimes ({@link PromotionStores#shared}): its lease work is real */
    public PausingStore(PromotionStore store, StoreOutage outage, boolean shared) {
        this.store = store;
        this.outage = outage;
        this.shared = shared;
    }

    /**
     * Appends a journal line now or never (a refused request's, answered on the caller's thread: it must not wait
     * for the store); answers whether it was written.
     */
    public boolean appendJournalNow(String jsonLine) {
        try {
            outage.once("appending to the journal", () -> {
                store.appendJournal(jsonLine);
                return null;
            });
            return true;
        } catch (StoreUnavailable down) {
            return false;
        }
    }

    @Override
    public void save(PromotionSnapshot snapshot) {
        outage.untilAvailable("saving promotion " + snapshot.id(), () -> {
            store.save(snapshot);
            return null;
        });
    }

    @Override
    public List<PromotionSnapshot> inFlight() {
        return outage.once("reading the promotions in flight", store::inFlight);
    }

    @Override
    public List<PromotionSnapshot> takeOver() {
        return outage.once("taking over promotions", store::takeOver, shared);
    }

    @Override
    public void renewLeases() {
        outage.once("renewing leases", () -> {
            store.renewLeases();
            return null;
        }, shared);
    }

    @Override
    public void releaseLeases() {
        outage.once("releasing leases", () -> {
            store.releaseLeases();
            return null;
        }, shared);
    }

    @Override
    public void appendJournal(String jsonLine) {
        outage.untilAvailable("appending to the journal", () -> {
            store.appendJournal(jsonLine);
            return null;
        });
    }

    @Override
    public boolean claimDeploy(String key, String promotionId) {
        return outage.untilAvailable("claiming a deploy", () -> store.claimDeploy(key, promotionId));
    }

    @Override
    public Map<String, String> claimItems(List<String> itemKeys, String promotionId) {
        return outage.untilAvailable("claiming pending items", () -> store.claimItems(itemKeys, promotionId));
    }

    @Override
    public IdempotencyKey takeKey(IdempotencyKey candidate, Duration retention, PromotionSnapshot accepted) {
        return outage.once("accepting a promotion", () -> store.takeKey(candidate, retention, accepted));
    }

    @Override
    public boolean firstUse(String value, Duration window) {
        return outage.once("checking a webhook signature", () -> store.firstUse(value, window));
    }

    @Override
    public List<PromotionSnapshot> recent(int limit) {
        return outage.once("listing promotions", () -> store.recent(limit));
    }

    @Override
    public PromotionSnapshot find(String id) {
        return outage.once("reading a promotion", () -> store.find(id));
    }

    @Override
    public List<PromotionSnapshot> all() {
        return outage.once("listing promotions", store::all);
    }

    @Override
    public List<String> quarantined() {
        return outage.once("listing what was set aside", store::quarantined);
    }

    @Override
    public String journalLocation() {
        return store.journalLocation();
    }

    /** The store underneath (for tests and the command line's one-shot reads). */
    public PromotionStore underlying() {
        return store;
    }
}
