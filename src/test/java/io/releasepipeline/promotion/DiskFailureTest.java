package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;

/**
 * The file store's disk failing (every write to the promotions' directory refused, as on a full disk) behaves like a
 * store outage: promotions pause, new requests are refused leaving nothing behind, no temporary file is left, and
 * when the disk takes writes again everything carries on by itself.
 */
class DiskFailureTest extends PromotionTestSupport {

    private static final int PORT = freePort();

    @Override
    protected Map<String, String> overrides() {
        return Map.of("simulator.deploy-duration-ms", "2500", "promotion.store-retry-initial-ms", "200",
                "promotion.store-retry-max-ms", "1000", "camel.server.enabled", "true",
                "camel.server.port", String.valueOf(PORT), "promotion.triggers", "true");
    }

    @Test
    void writesRefusedByTheDiskPauseThePromotionsUntilItTakesWritesAgain() throws Exception {
        StoreOutage outage = context.getRegistry().findSingleByType(StoreOutage.class);
        List<Promotion> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(template.requestBody("direct:promotion-submit",
                    request(pendingItems("disk_" + i), "disk" + i, null, null), Promotion.class));
        }
        waitUntil(() -> running.stream().allMatch(p -> p.getStage() == Promotion.Stage.POLL), 20);
        Path promotionsDir = dataDir().resolve("store/promotions");
        Path moved = dataDir().resolve("store/promotions.moved");
        // the disk refuses writes there: the directory's place taken by a file
        Files.move(promotionsDir, moved);
        Files.writeString(promotionsDir, "");
        // a write in flight at the swap may leave its temporary file in the directory moved away: the swap's doing
        List<String> inFlightAtSwap;
        try (Stream<Path> files = Files.list(moved)) {
            inFlightAtSwap = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
        }
        try {
            Thread.sleep(4000);
            running.forEach(p -> assertNull(p.getOutcome(), "no outcome without the store: " + p.getDetail()));
            assertNotNull(outage.failure(), "readiness reports the outage");
            int known = promotions().recent(1000).size();
            CamelExecutionException refused = assertThrows(CamelExecutionException.class,
                    () -> template.requestBody("direct:promotion-submit",
                            request(pendingItems("disk_new"), "disk_new", null, null), Promotion.class));
            assertNotNull(ObjectHelper.getException(StoreUnavailable.class, refused), String.valueOf(refused));
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + PORT
                            + "/api/promotions")).header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                            .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers
                                    .ofString(PromotionJson.write(request(pendingItems("disk_web"), "disk_web", null,
                                            null)))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(503, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            assertEquals(known, promotions().recent(1000).size(), "a refused request leaves nothing behind");
        } finally {
            Files.delete(promotionsDir);
            Files.move(moved, promotionsDir);
        }
        assertTrue(promotions().awaitAll(running, Duration.ofSeconds(30)), "carried on without a restart");
        running.forEach(p -> assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail()));
        assertNull(outage.failure());
        try (Stream<Path> files = Files.walk(dataDir())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part"))
                    .filter(f -> !inFlightAtSwap.contains(f.getFileName().toString())).toList(),
                    "no temporary file left behind");
        }
        assertEquals(3, Files.readAllLines(journal()).stream().filter(l -> l.contains("disk")).count(),
                "one journal line each");
    }
}
