package io.releasepipeline.promotion;

import io.releasepipeline.cloud.CloudApiException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import io.releasepipeline.observe.PipelineMetrics;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promotions this runtime knows: accepts requests (or rejects them, naming the fields), records stage
 * changes, and decides each promotion's single outcome, appended to the journal (JSON lines) and logged as one line.
 */
public class Promotions {

    public static final String PROPERTY = "promotion";
    private static final Logger LOG = LoggerFactory.getLogger(Promotions.class);
    private static final Set<String> COMPONENT_FAILED = Set.of("FAILED", "PARTIALLY_FAILED", "ROLLBACK_SUCCEED",
            "ROLLBACK_FAILED", "ABORTED");

    private final Map<String, Promotion> byId = new ConcurrentHashMap<>();
    private final PromotionStore store;
    private final Path journal;
    private final Clock clock;
    private final int maxBodyBytes;

    public Promotions(PromotionStore store, Path journal, Clock clock, int maxBodyBytes) {
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Saves the promotion on this exchange as it is now (the routes call this after each create and deploy). */
    public void save(Exchange exchange) {
        Promotion p = of(exchange);
        store.save(p.snapshot());
        CrashPoint.reached(p.getStage() == Promotion.Stage.CREATE ? "after-create" : "after-deploy");
    }

    /** The promotions a previous run left without an outcome, registered again to be resumed. */
    public List<Promotion> resumable() {
        List<Promotion> resumed = new ArrayList<>();
        for (PromotionSnapshot snapshot : store.inFlight()) {
            Promotion p = Promotion.restore(snapshot);
            if (byId.putIfAbsent(p.getId(), p) == null) {
                resumed.add(p);
                log(p, "promotion {} RESUMED at {}", p.getId(), p.getStage());
            }
        }
        return resumed;
    }

    /**
     * A promotion for a request (JSON text or a {@link PromotionRequest}); an invalid one is recorded as REJECTED
     * and refused with an {@link IllegalArgumentException} naming every field at fault.
     */
    public Promotion accept(Object body) {
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
        byId.put(promotion.getId(), promotion);
        store.save(promotion.snapshot());
        log(promotion, "promotion {} ACCEPTED: workspace {}, package {}", promotion.getId(), request.workspace(),
                promotion.getRequest().packageName());
        return promotion;
    }

    private void reject(PromotionRequest request, String why) {
        Promotion rejected = new Promotion(newId(), request, clock.instant());
        rejected.finish(Outcome.REJECTED, why, clock.instant());
        byId.put(rejected.getId(), rejected);
        record(rejected);
    }

    private static String newId() {
        return "p-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }

    public Promotion get(String id) {
        return byId.get(id);
    }

    /** The newest first. */
    public List<Promotion> recent(int limit) {
        return byId.values().stream().sorted(Comparator.comparing(Promotion::getAcceptedAt).reversed())
                .limit(limit).toList();
    }

    /** Marks a promotion a schedule started. */
    public void scheduled(Promotion p) {
        p.markScheduled();
    }

    /** Promotions accepted and not yet ended. */
    public int inFlight() {
        return (int) byId.values().stream().filter(p -> p.getOutcome() == null).count();
    }

    /** Marks the stage the promotion on this exchange enters; one INFO line per change. */
    public void stage(Exchange exchange, String stage) {
        Promotion p = of(exchange);
        Promotion.StageTime previous = p.getStages().get(p.getStages().size() - 1);
        if (p.enter(Promotion.Stage.valueOf(stage), clock.instant())) {
            PipelineMetrics.stage(previous.stage().name(), Duration.between(previous.startedAt(), clock.instant()));
            store.save(p.snapshot());
            log(p, "promotion {} {}", p.getId(), stage);
        }
    }

    /** Decides the outcome from what the chain saw. */
    public void finish(Exchange exchange) {
        Promotion p = of(exchange);
        String timedOut = exchange.getProperty(Poller.TIMED_OUT, String.class);
        List<String> failedPackages = p.getPackages().stream().filter(s -> Integer.valueOf(3).equals(s.deployStatus))
                .map(s -> s.packageId + " (" + s.packageName + ")").toList();
        List<String> failedComponents = p.getComponents().stream().filter(c -> COMPONENT_FAILED.contains(c.status()))
                .map(c -> c.name() + " " + c.status() + (c.failMessage() != null ? ": " + c.failMessage() : "")
                        + (c.rollbackJobStatus() != null ? ", rollback " + c.rollbackJobStatus() : "")
                        + (c.rollbackFailMessage() != null ? " (" + c.rollbackFailMessage() + ")" : ""))
                .toList();
        if (timedOut != null) {
            end(p, Outcome.TIMED_OUT, "still waiting for " + timedOut + " when the poll timeout ran out");
        } else if (!failedPackages.isEmpty() || !failedComponents.isEmpty()) {
            List<String> what = new ArrayList<>();
            if (!failedPackages.isEmpty()) {
                what.add("failed packages: " + String.join(", ", failedPackages));
            }
            if (!failedComponents.isEmpty()) {
                what.add("failed components: " + String.join("; ", failedComponents));
            }
            end(p, Outcome.RELEASE_FAILED, String.join("; ", what));
        } else if (p.getPackages().isEmpty()) {
            end(p, Outcome.SUCCEEDED, "nothing to release: no pending item matched");
        } else {
            end(p, Outcome.SUCCEEDED, "released packages " + p.getPackages().stream()
                    .map(s -> s.packageId).collect(Collectors.joining(", "))
                    + (p.getComponents().isEmpty() ? "" : "; " + p.getComponents().size() + " component(s) deployed")
                    + (p.getVerified().isEmpty() ? "" : "; " + p.getVerified().size() + " API(s) verified"));
        }
    }

    /** The promotion failed for good: it went to the dead-letter store. */
    public void deadLettered(Exchange exchange, String deadLetterId) {
        Promotion p = of(exchange);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String category = e instanceof CloudApiException c ? c.getCategory().name() : "UNKNOWN";
        end(p, Outcome.DEAD_LETTERED, category + " in " + p.getStage() + ": "
                + (e == null ? "unknown failure" : e.getMessage()) + " (dead letter " + deadLetterId + ")");
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

    /** The webhook's 202 answer: where to follow the promotion. */
    public String acceptedJson(Promotion p) {
        Map<String, Object> view = summary(p);
        view.put("href", "/api/promotions/" + p.getId());
        return PromotionJson.write(view);
    }

    /** One promotion in full: its request, each stage with its time, packages, components, outcome. */
    public String detailJson(String id) {
        Promotion p = id == null ? null : byId.get(id);
        if (p == null) {
            throw new java.util.NoSuchElementException("no promotion " + id);
        }
        return PromotionJson.write(p);
    }

    public String recentJson() {
        return PromotionJson.write(Map.of("promotions", recent(100).stream().map(this::summary).toList()));
    }

    /** A 400 or 404 body: the error, naming the field and the fix. */
    public String errorJson(Exception e) {
        return PromotionJson.write(Map.of("error", String.valueOf(e.getMessage())));
    }

    /** The answer of the webhook for one promotion. */
    public Map<String, Object> summary(Promotion p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("promotion_id", p.getId());
        view.put("correlation_id", p.getRequest() == null ? null : p.getRequest().correlationId());
        view.put("stage", p.getStage());
        view.put("outcome", p.getOutcome());
        view.put("detail", p.getDetail());
        return view;
    }

    private void end(Promotion p, Outcome outcome, String detail) {
        if (p.finish(outcome, detail, clock.instant())) {
            PipelineMetrics.promotion(outcome.name(), p.isScheduled());
            store.save(p.snapshot());
            record(p);
        }
    }

    private void record(Promotion p) {
        log(p, "promotion {} {} after {} ms, {} API calls, {} retries: {}", p.getId(), p.getOutcome(),
                Duration.between(p.getAcceptedAt(), p.getFinishedAt()).toMillis(), p.getApiCalls(), p.getRetries(),
                p.getDetail());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("promotion_id", p.getId());
        line.put("correlation_id", p.getRequest() == null ? null : p.getRequest().correlationId());
        line.put("outcome", p.getOutcome());
        line.put("detail", p.getDetail());
        line.put("accepted_at", p.getAcceptedAt().toString());
        line.put("finished_at", p.getFinishedAt().toString());
        line.put("packages", p.getPackages());
        line.put("components", p.getComponents());
        line.put("api_calls", p.getApiCalls());
        line.put("retries", p.getRetries());
        store.appendJournal(PromotionJson.write(line));
    }

    public Path journal() {
        return journal;
    }

    public String journalLocation() {
        return store.journalLocation();
    }

    /** One INFO line about a promotion, carrying its correlation id in the MDC. */
    static void log(Promotion p, String format, Object... args) {
        String correlation = p.getRequest() == null ? null : p.getRequest().correlationId();
        if (correlation != null) {
            org.slf4j.MDC.put("correlation_id", correlation);
        }
        try {
            LOG.info(format, args);
        } finally {
            org.slf4j.MDC.remove("correlation_id");
        }
    }

    static Promotion of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, Promotion.class);
    }
}
