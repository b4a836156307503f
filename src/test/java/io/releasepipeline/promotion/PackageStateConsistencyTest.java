package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Snapshots and the webhook's detail, read on other threads while promotions run, never see half a change. */
class PackageStateConsistencyTest extends PromotionTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void snapshotsAndDetailReadsInATightLoopWhilePromotionsRunFindNoTornPackageState() throws Exception {
        List<Promotion> started = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            started.add(template.requestBody("direct:promotion-submit",
                    request(pendingItems("torn_" + i), "torn" + i, null, null), Promotion.class));
        }
        PromotionViews views = context.getRegistry().lookupByNameAndType("promotionViews", PromotionViews.class);
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    for (Promotion p : started) {
                        for (PromotionSnapshot.PackageSnapshot s : p.snapshot().packages()) {
                            check(torn, p.getId() + " snapshot", s.deployStatus(), s.deploys(), s.redeploys());
                        }
                        try {
                            for (JsonNode s : JSON.readTree(views.detailJson(p.getId())).path("packages")) {
                                check(torn, p.getId() + " detail", s.path("deploy_status").asInt(),
                                        s.path("deploys").asInt(), s.path("redeploys").asInt());
                            }
                        } catch (Exception e) {
                            torn.add(p.getId() + " detail unreadable: " + e);
                        }
                        reads.incrementAndGet();
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        boolean ended = promotions().awaitAll(started, Duration.ofSeconds(60));
        running.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        assertTrue(ended, "every promotion ended");
        started.forEach(p -> assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail()));
        assertEquals(List.of(), List.copyOf(torn));
        assertTrue(reads.get() > 100, "reads made while the promotions ran: " + reads.get());
    }

    /** A package this promotion created is released (5, then 2) only once its deploy is counted. */
    private static void check(ConcurrentLinkedQueue<String> torn, String where, Integer status, int deploys,
                              int redeploys) {
        boolean deployedOrLater = status != null && status != 1;
        if (deployedOrLater && deploys < 1 || redeploys > deploys) {
            torn.add(where + ": deploy_status " + status + ", deploys " + deploys + ", redeploys " + redeploys);
        }
    }
}
