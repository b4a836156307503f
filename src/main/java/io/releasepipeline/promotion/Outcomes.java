package io.releasepipeline.promotion;

import io.releasepipeline.cloud.CloudApiException;
import io.releasepipeline.cloud.dataarts.DeployStatus;
import io.releasepipeline.cloud.servicestage.ComponentStatus;
import io.releasepipeline.observe.PipelineMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/**
 * Each promotion's single outcome, decided once from what the chain saw: saved with the promotion, counted,
 * appended to the journal (one JSON line) and logged as one line. For a failure for good it also builds the dead
 * letter the dead-letter store keeps.
 */
public class Outcomes {

    private final PromotionStore store;
    private final PipelineMetrics metrics;
    private final Path journal;
    private final Clock clock;
    private final Promotions promotions;

    public Outcomes(PromotionStore store, PipelineMetrics metrics, Path journal, Clock clock, Promotions promotions) {
        this.promotions = promotions;
        this.store = store;
        this.metrics = metrics;
        this.journal = journal;
        this.clock = clock;
    }

    /** The outcome of a chain that ran to its end: TIMED_OUT, RELEASE_FAILED or SUCCEEDED. */
    public void finish(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        String timedOut = exchange.getProperty(Poller.TIMED_OUT, String.class);
        List<String> failedPackages = p.getPackages().stream().filter(s -> s.status() == DeployStatus.FAILED)
                .map(s -> s.packageId() + " (" + s.packageName() + ")").toList();
        List<String> failedComponents = p.getComponents().stream()
                .filter(c -> ComponentStatus.NOT_RELEASED.contains(c.status()))
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
                    .map(PackageState::packageId).collect(Collectors.joining(", "))
                    + (p.getComponents().isEmpty() ? "" : "; " + p.getComponents().size() + " component(s) deployed")
                    + (p.getVerified().isEmpty() ? "" : "; " + p.getVerified().size() + " API(s) verified"));
        }
    }

    /** Every pending item is another promotion's (in flight, or packaged by it): nothing was created. */
    public void duplicate(Exchange exchange, ItemClaims claims) {
        end(Promotions.of(exchange), Outcome.DUPLICATE, "nothing left to package: " + claims.holders());
    }

    /** The dead letter for the failure the error handler caught: the request to replay, where and why it failed. */
    public DeadLetter deadLetter(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        CloudApiException cloud = e instanceof CloudApiException c ? c : null;
        return new DeadLetter(DeadLetter.newId(), p.getId(), p.getRequest(), p.getStage().name(),
                cloud != null ? cloud.getCategory().name() : "UNKNOWN",
                cloud != null ? cloud.getService() : null, cloud != null ? cloud.getOperation() : null,
                cloud != null && cloud.getHttpStatus() > 0 ? cloud.getHttpStatus() : null,
                cloud != null ? cloud.getErrorCode() : null,
                cloud != null ? cloud.getErrorMsg() : e == null ? null : e.getClass().getSimpleName(),
                cloud != null ? cloud.getRequestId() : null, p.getRetries(), clock.instant().toString());
    }

    /** The promotion failed for good and its dead letter is stored. */
    public void deadLettered(Exchange exchange, String deadLetterId) {
        Promotion p = Promotions.of(exchange);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String category = e instanceof CloudApiException c ? c.getCategory().name() : "UNKNOWN";
        end(p, Outcome.DEAD_LETTERED, category + " in " + p.getStage() + ": "
                + (e == null ? "unknown failure" : e.getMessage()) + " (dead letter " + deadLetterId + ")");
    }

    /** An invalid request: journalled, nothing else was done (it never reached the store). */
    void rejected(Promotion p, String why) {
        if (p.finish(Outcome.REJECTED, why, clock.instant())) {
            record(p);
            promotions.ended(p);
        }
    }

    private void end(Promotion p, Outcome outcome, String detail) {
        if (p.getOutcome() != null) {
            return;
        }
        Instant at = clock.instant();
        // stored first (a store outage is waited out there): an outcome exists in memory only once it is stored; a
        // store shared by runtimes refuses a second outcome (LeaseLost) before it is counted
        store.save(p.snapshot().ended(outcome, detail, at));
        if (p.finish(outcome, detail, at)) {
            metrics.promotion(outcome.name(), p.isScheduled());
            record(p);
            promotions.ended(p);
        }
    }

    private void record(Promotion p) {
        PromotionLog.info(p, "promotion {} {} after {} ms, {} API calls, {} retries: {}", p.getId(), p.getOutcome(),
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
        if (p.getOutcome() == Outcome.REJECTED && store instanceof PausingStore pausing) {
            // answered 400 on the caller's thread at once: its journal line is written now or not at all
            if (!pausing.appendJournalNow(PromotionJson.write(line))) {
                PromotionLog.warn(p, "promotion {} REJECTED, not journaled: the store is unavailable", p.getId());
            }
            return;
        }
        store.appendJournal(PromotionJson.write(line));
    }

    /** The journal file (file store). */
    public Path journal() {
        return journal;
    }

    /** Where the journal is, for people. */
    public String journalLocation() {
        return store.journalLocation();
    }
}
