package io.releasepipeline.promotion;

import io.releasepipeline.observe.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;

/**
 * The promotion's durable checkpoints: each stage change and each create and deploy is saved in the store before the
 * chain goes on, so a restart resumes from what the provider was last seen doing.
 */
public class Checkpoints {

    private final PromotionStore store;
    private final PipelineMetrics metrics;
    private final Clock clock;

    public Checkpoints(PromotionStore store, PipelineMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The promotion on this exchange enters a stage: timed, saved, one INFO line. */
    public void stage(Exchange exchange, String stage) {
        Promotion p = Promotions.of(exchange);
        Promotion.StageTime previous = p.getStages().get(p.getStages().size() - 1);
        if (p.enter(Promotion.Stage.valueOf(stage), clock.instant())) {
            metrics.stage(previous.stage().name(), Duration.between(previous.startedAt(), clock.instant()));
            store.save(p.snapshot());
            PromotionLog.info(p, "promotion {} {}", p.getId(), stage);
        }
    }

    /**
     * Saves the promotion as it is now, without a crash point: before a create or deploy call is sent (a restart
     * knows the call is in doubt), and when a failure settles what was in doubt.
     */
    public void saveState(Exchange exchange) {
        store.save(Promotions.of(exchange).snapshot());
    }

    /** Saves the promotion on this exchange as it is now (after each create and deploy). */
    public void save(Exchange exchange) {
        Promotion p = Promotions.of(exchange);
        store.save(p.snapshot());
        CrashPoint.reached(p.getStage() == Promotion.Stage.CREATE ? "after-create" : "after-deploy");
    }
}
