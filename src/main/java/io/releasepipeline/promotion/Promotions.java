package io.releasepipeline.promotion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/** The promotions this runtime knows, by id: those it accepted, rejected or resumed. */
public class Promotions {

    /** The exchange property that carries the promotion through the chain. */
    public static final String PROPERTY = "promotion";

    private final Map<String, Promotion> byId = new ConcurrentHashMap<>();
    private final PromotionStore store;

    public Promotions(PromotionStore store) {
        this.store = store;
    }

    void register(Promotion promotion) {
        byId.put(promotion.getId(), promotion);
    }

    /**
     * The promotions no runtime runs (left by a previous process, or by a runtime whose lease expired), now this
     * runtime's and registered to be resumed; those it runs already are not resumed twice.
     */
    public List<Promotion> resumable() {
        List<Promotion> resumed = new ArrayList<>();
        // in the order they were accepted: those still queued keep their place
        for (PromotionSnapshot snapshot : store.takeOver().stream()
                .sorted(java.util.Comparator.comparing(PromotionSnapshot::acceptedAt)).toList()) {
            Promotion p = Promotion.restore(snapshot);
            if (byId.putIfAbsent(p.getId(), p) == null) {
                resumed.add(p);
                PromotionLog.info(p, "promotion {} RESUMED at {}", p.getId(), p.getStage());
            }
        }
        return resumed;
    }

    public Promotion get(String id) {
        return id == null ? null : byId.get(id);
    }

    /**
     * A promotion as this runtime runs it, else as the store has it (run by another runtime sharing the store, or by
     * an earlier process): a view, never registered or run here; null when neither knows it.
     */
    public Promotion find(String id) {
        Promotion here = get(id);
        if (here != null || id == null) {
            return here;
        }
        PromotionSnapshot saved = store.find(id);
        return saved == null ? null : Promotion.restore(saved);
    }

    /**
     * The newest promotions this runtime and the other runtimes sharing the store know (this runtime's own as it
     * runs them), newest first.
     */
    public List<Promotion> recentEverywhere(int limit) {
        Map<String, Promotion> newest = new java.util.LinkedHashMap<>();
        recent(limit).forEach(p -> newest.put(p.getId(), p));
        store.recent(limit).forEach(s -> newest.putIfAbsent(s.id(), Promotion.restore(s)));
        return newest.values().stream().sorted(Comparator.comparing(Promotion::getAcceptedAt).reversed())
                .limit(limit).toList();
    }

    /** The newest first. */
    public List<Promotion> recent(int limit) {
        return byId.values().stream().sorted(Comparator.comparing(Promotion::getAcceptedAt).reversed())
                .limit(limit).toList();
    }

    /** Renews the leases of the promotions this runtime runs (the heartbeat). */
    public void renewLeases() {
        store.renewLeases();
    }

    /** Another runtime owns the promotion now: this one forgets it (it goes on there). */
    public void handedOver(Promotion p) {
        byId.remove(p.getId());
        PromotionLog.info(p, "promotion {} is run by another runtime now: stopped here", p.getId());
    }

    /** Promotions accepted and not yet ended. */
    public int inFlight() {
        return (int) byId.values().stream().filter(p -> p.getOutcome() == null).count();
    }

    /** Waits until every promotion has its outcome, or the time is up; answers whether all finished. */
    public boolean awaitAll(Collection<Promotion> promotions, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (promotions.stream().anyMatch(p -> p.getOutcome() == null)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    static Promotion of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, Promotion.class);
    }
}
