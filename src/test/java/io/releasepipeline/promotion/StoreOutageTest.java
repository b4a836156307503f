package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.store.Postgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The store is a dependency that can be down: PostgreSQL (a cluster of this test's own) stopped for real while
 * promotions poll. They pause where they are, no outcome is decided from the store's error, readiness says why, a new
 * request is refused and leaves nothing behind; started again, the promotions carry on by themselves to SUCCEEDED.
 */
class StoreOutageTest extends PromotionTestSupport {

    private static final int PORT = 55441;
    private static final String URL = Postgres.freshSchemaUrl(Postgres.startOwn(PORT));
    private static final int MANAGEMENT = freePort();

    @AfterAll
    static void startedAgain() {
        Postgres.startOwn(PORT);
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("promotion.store", "postgresql", "promotion.store-url", URL,
                "simulator.deploy-duration-ms", "2500", "promotion.store-retry-initial-ms", "200",
                "promotion.store-retry-max-ms", "1000", "camel.management.enabled", "true",
                "camel.management.port", String.valueOf(MANAGEMENT), "camel.management.healthCheckEnabled", "true",
                "health.cloud-check-cache-seconds", "60");
    }

    /** The promotion store's readiness check, as /observe/health/ready shows it. */
    private static String storeReadiness() throws Exception {
        String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + MANAGEMENT + "/observe/health/ready?exposureLevel=full"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "\"name\":\"promotion-store\",\"status\":\"(UP|DOWN)\"").matcher(body);
        return m.find() ? m.group(1) : "missing in " + body;
    }

    @Test
    void promotionsPauseWhileTheStoreIsDownAndCarryOnWhenItIsBack() throws Exception {
        StoreOutage outage = context.getRegistry().findSingleByType(StoreOutage.class);
        Promotion failed = run(request(List.of("404404"), "outage_dead", null, null));
        assertEquals(Outcome.DEAD_LETTERED, failed.getOutcome(), failed.getDetail());
        String letter = failed.getDetail().replaceAll(".*dead letter (dl-[0-9a-f]+).*", "$1");
        List<Promotion> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(template.requestBody("direct:promotion-submit",
                    request(pendingItems("outage_" + i), "outage" + i, null, null), Promotion.class));
        }
        assertTrue(waitUntil(() -> running.stream().allMatch(p -> p.getStage() == Promotion.Stage.POLL), 20),
                "all three polling");
        Postgres.stop(PORT);
        try {
            // the deploys end at the provider meanwhile; the outcomes wait for the store
            Thread.sleep(5000);
            running.forEach(p -> assertNull(p.getOutcome(), "no outcome without the store: " + p.getDetail()));
            assertNotNull(outage.failure(), "readiness reports the outage");
            assertEquals("DOWN", storeReadiness());
            int known = promotions().recent(1000).size();
            CamelExecutionException refused = assertThrows(CamelExecutionException.class,
                    () -> template.requestBody("direct:promotion-submit",
                            request(pendingItems("outage_new"), "outage_new", null, null), Promotion.class));
            assertNotNull(org.apache.camel.util.ObjectHelper.getException(StoreUnavailable.class, refused),
                    String.valueOf(refused.getCause()));
            assertEquals(known, promotions().recent(1000).size(), "a refused request leaves nothing behind");
            CamelExecutionException replay = assertThrows(CamelExecutionException.class,
                    () -> template.requestBody("direct:dead-letter-replay", letter, Promotion.class));
            assertNotNull(org.apache.camel.util.ObjectHelper.getException(StoreUnavailable.class, replay),
                    String.valueOf(replay.getCause()));
        } finally {
            Postgres.startOwn(PORT);
        }
        assertTrue(promotions().awaitAll(running, Duration.ofSeconds(30)), "carried on without a restart");
        running.forEach(p -> assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail()));
        assertNull(outage.failure(), "ready again");
        assertEquals("UP", storeReadiness());
        JdbcStore store = new JdbcStore(URL, null, null);
        for (Promotion p : running) {
            assertEquals(Outcome.SUCCEEDED, store.find(p.getId()).outcome(), "stored");
        }
        assertEquals(List.of(failed.getId()), store.inFlight().isEmpty() ? store.journal().stream()
                .filter(l -> l.contains("DEAD_LETTERED")).map(l -> l.replaceAll(".*\"promotion_id\":\"(p-[0-9a-f]+)\".*",
                        "$1")).toList() : List.of("promotions still in flight: " + store.inFlight()),
                "only the one dead-lettered on purpose");
        assertTrue(context.getRegistry().findSingleByType(io.releasepipeline.deadletter.DeadLetters.class).list()
                .stream().anyMatch(d -> d.id().equals(letter)), "a replay refused during the outage left it open");
    }
}
