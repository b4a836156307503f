package io.releasepipeline.promotion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * The promotions this runtime knows, by id: those it runs, and the newest {@code promotion.recent-in-memory} of
 * those it accepted, rejected or resumed that have ended. Older ones are forgotten here (a runtime runs for months)
 * and read from the store when asked for.
 */
public class Promotions {

    /** The exchange property that carries the promotion through the chain. */
    public static final String PROPERTY = "promotion";

    private final Map<String, Promotion> byId = new ConcurrentHashMap<>();
    /** The ids in the order they were registered: the oldest ended ones are forgotten first. */
    private final java.util.Deque<String> order = new java.util.ArrayDeque<>();
    private final PromotionStore store;
    private final int recentInMemory;

    public Promotions(PromotionStore store) {
        this(store, 1000);
    }

    public Promotions(PromotionStore store, int recentInMemory) {
        if (recentInMemory < 1) {
            throw new IllegalArgumentException("promotion.recent-in-memory must be at least 1");
        }
        this.store = store;
        this.recentInMemory = recentInMemory;
    }

    void register(Promotion promotion) {
        byId.put(promotion.getId(), promotion);
        remember(promotion.getId());
    }

    /**
     * Keeps the ids in registration order and forgets the oldest ended promotions beyond the bound; one still running
     * goes to the back of the line (it is never forgotten while it runs).
     */
    private synchronized void remember(String id) {
        order.addLast(id);
        trim();
    }

    /** A promotion ended: the oldest ended ones beyond the bound are forgotten now, not at the next acceptance. */
    public void ended(Promotion p) {
        if (byId.get(p.getId()) == p) {
            synchronized (this) {
                trim();
            }
        }
    }

    private void trim() {
        int running = inFlight();
        int looked = 0;
        while (order.size() - running > recentInMemory && looked++ < order.size()) {
            String oldest = order.pollFirst();
            Promotion p = byId.get(oldest);
            if (p != null && p.getOutcome() == null) {
                order.addLast(oldest);
            } else {
                byId.remove(oldest);
            }
        }
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
                remember(p.getId());
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
