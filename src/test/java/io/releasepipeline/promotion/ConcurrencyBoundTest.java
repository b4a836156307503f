package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** promotion.concurrency bounds the promotions running at once; the others wait their turn, accepted and stored. */
class ConcurrencyBoundTest extends PromotionTestSupport {

    private static final Set<Promotion.Stage> RUNNING = Set.of(Promotion.Stage.DISCOVER, Promotion.Stage.CREATE,
            Promotion.Stage.DEPLOY, Promotion.Stage.POLL, Promotion.Stage.VERIFY);

    @Override
    protected Map<String, String> overrides() {
        return Map.of("promotion.concurrency", "2");
    }

    @Test
    void noMoreThanTheConfiguredNumberOfPromotionsRunAtOnce() throws Exception {
        List<Promotion> started = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            started.add(template.requestBody("direct:promotion-submit",
                    request(pendingItems("bounded_" + i), "bounded" + i, null, null), Promotion.class));
        }
        PromotionViews views = context.getRegistry().findSingleByType(PromotionViews.class);
        int most = 0;
        int queuedShown = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (started.stream().anyMatch(p -> p.getOutcome() == null) && System.nanoTime() < deadline) {
            most = Math.max(most, (int) started.stream().filter(p -> p.getOutcome() == null
                    && RUNNING.contains(p.getStage())).count());
            // the others wait, shown as QUEUED by the API
            String list = views.recentJson();
            queuedShown = Math.max(queuedShown, list.split("\"state\":\"QUEUED\"", -1).length - 1);
            Thread.sleep(5);
        }
        started.forEach(p -> assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail()));
        assertTrue(most <= 2, "running at once: " + most);
        assertEquals(2, most, "the bound is used");
        assertTrue(queuedShown >= 5, "the waiting promotions are shown QUEUED: at most " + queuedShown);
        assertTrue(views.recentJson().contains("\"state\":\"SUCCEEDED\""));
    }
}
