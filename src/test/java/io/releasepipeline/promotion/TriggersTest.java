package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook, inbox, schedule and dead-letter replay, each producing the same promotion request. */
class TriggersTest extends PromotionTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = freePort();
    private final HttpClient http = HttpClient.newHttpClient();


    @Override
    protected Map<String, String> overrides() {
        return Map.of("camel.server.enabled", "true", "camel.server.port", String.valueOf(PORT),
                "promotion.triggers", "true", "promotion.max-request-bytes", "4096",
                "promotion.definitions", "tick",
                "promotion.tick.schedule", "period:1000",
                "promotion.tick.workspace", DemoData.WORKSPACE,
                "promotion.tick.item-name", "scheduled_only",
                "promotion.tick.apply-user-id", DemoData.APPLY_USER_ID,
                "promotion.tick.approver-ids", DemoData.APPROVER_ID);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getRaw(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .header("Authorization", "Bearer " + WEBHOOK_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(getRaw(path).body());
    }

    private String json(List<String> items) {
        return "{\"workspace\": \"" + DemoData.WORKSPACE + "\", \"pending_item_ids\": " + items.stream()
                .map(i -> "\"" + i + "\"").toList() + ", \"package_name\": \"hook\", \"apply_user_id\": \""
                + DemoData.APPLY_USER_ID + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"],"
                + " \"startup_mode\": 0}";
    }

    @Test
    void webhookAnswers202AndTheStatusEndpointFollowsThePromotionToItsOutcome() throws Exception {
        HttpResponse<String> accepted = post("/api/promotions", json(pendingItems("hook_a")));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = JSON.readTree(accepted.body()).get("promotion_id").asText();
        Promotion p = promotions().get(id);
        assertTrue(promotions().awaitAll(List.of(p), Duration.ofSeconds(20)));
        JsonNode status = get("/api/promotions/" + id);
        assertEquals("SUCCEEDED", status.get("outcome").asText());
        assertEquals("DONE", status.get("stage").asText());
        assertTrue(status.get("stages").size() >= 6, status.toString());
        assertTrue(status.get("stages").get(0).has("started_at"));
        assertTrue(get("/api/promotions").get("promotions").toString().contains(id));
        assertEquals(404, getRaw("/api/promotions/p-nope").statusCode());
    }

    @Test
    void webhookRefusesCallersWithoutTheTokenAndNeverEchoesIt() throws Exception {
        String body = json(pendingItems("auth_hook"));
        for (String authorization : new String[] {null, "Bearer wrong-token", "Basic " + WEBHOOK_TOKEN}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                    + "/api/promotions")).POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), String.valueOf(authorization));
            assertTrue(!answer.body().contains(WEBHOOK_TOKEN) && answer.body().contains("authentication required"));
        }
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/promotions"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "reads need the token too");
        assertTrue(promotions().recent(10).isEmpty(), "nothing was accepted");
    }

    @Test
    void webhookRejectsBadInputWith400NamingTheFieldAndCallsNothing() throws Exception {
        long before = simulator().calls("CreateFactoryPendingItemsPackage");
        Map<String, String> cases = Map.of(
                "{not json", "not valid JSON",
                "{\"workspace\": 5}", "workspace",
                "{\"workspace\": \"" + DemoData.WORKSPACE + "\"}", "apply_user_id",
                "{\"workspace\": \"ws\", \"surprise\": 1}", "unknown field surprise",
                "{\"workspace\": \"ws\", \"pending_item_ids\": [], \"apply_user_id\": \"u\", \"approver_ids\": [\"a\"]}",
                "pending_item_ids",
                "{\"workspace\": \"ws/../x\", \"pending_item_ids\": [\"1\"], \"apply_user_id\": \"u\","
                        + " \"approver_ids\": [\"a\"]}", "workspace must be",
                "{\"workspace\": \"" + "x".repeat(5000) + "\"}", "over 4096 bytes");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> answer = post("/api/promotions", c.getKey());
            assertEquals(400, answer.statusCode(), c.getKey());
            assertTrue(JSON.readTree(answer.body()).get("error").asText().contains(c.getValue()),
                    c.getValue() + " in " + answer.body());
        }
        assertEquals(before, simulator().calls("CreateFactoryPendingItemsPackage"));
        assertTrue(Files.readString(journal()).contains("\"outcome\":\"REJECTED\""));
    }

    @Test
    void inboxFileIsPromotedAndMovedIntoDoneAndABadOneIntoErrorWithItsReason() throws Exception {
        Path inbox = dataDir().resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("good.json"), json(pendingItems("inbox_a")));
        Files.writeString(inbox.resolve("bad.json"), "{\"workspace\": \"ws\", \"startup_mode\": \"soon\"}");
        long deadline = System.currentTimeMillis() + 15_000;
        while (!(Files.exists(inbox.resolve("done/good.json")) && Files.exists(inbox.resolve("error/bad.json")))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(inbox.resolve("done/good.json")), "accepted file moved to done/");
        assertTrue(Files.exists(inbox.resolve("error/bad.json")), "rejected file moved to error/");
        assertTrue(Files.readString(inbox.resolve("error/bad.json.reason.txt")).contains("startup_mode"));
        Promotion p = promotions().recent(10).stream().filter(x -> x.getRequest() != null
                && "hook".equals(x.getRequest().packageName().replaceAll("_\\d{17}$", ""))).findFirst().orElseThrow();
        assertTrue(promotions().awaitAll(List.of(p), Duration.ofSeconds(20)));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
    }

    @Test
    void scheduleSubmitsItsDefinitionOnItsPeriod() throws Exception {
        simulator().scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE, List.of("scheduled_only_x"));
        long deadline = System.currentTimeMillis() + 10_000;
        while (promotions().recent(50).stream().noneMatch(p -> p.getOutcome() == Outcome.SUCCEEDED
                && !p.getPackages().isEmpty()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Promotion released = promotions().recent(50).stream().filter(p -> p.getOutcome() == Outcome.SUCCEEDED
                && !p.getPackages().isEmpty()).findFirst().orElseThrow();
        assertTrue(released.getRequest().packageName().startsWith("tick_"));
        assertEquals(1, simulator().world().packagesCreated(), "later runs find nothing left to release");
    }

    @Test
    void deadLetterIsReplayedToSuccessThroughTheWebhook() throws Exception {
        simulator().faults().add(Fault.error("CreateFactoryPendingItemsPackage", 503, "APIG.0202", "Backend unavailable"));
        HttpResponse<String> accepted = post("/api/promotions", json(pendingItems("replay_a")));
        Promotion failed = promotions().get(JSON.readTree(accepted.body()).get("promotion_id").asText());
        assertTrue(promotions().awaitAll(List.of(failed), Duration.ofSeconds(20)));
        assertEquals(Outcome.DEAD_LETTERED, failed.getOutcome(), failed.getDetail());
        String letter = Files.list(dataDir().resolve("dead-letters")).map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith(".json")).findFirst().orElseThrow().replace(".json", "");
        String stored = Files.readString(dataDir().resolve("dead-letters/" + letter + ".json"));
        assertTrue(stored.contains("\"category\":\"TRANSIENT\"") && stored.contains("\"stage\":\"CREATE\""), stored);

        simulator().faults().clear();
        HttpResponse<String> replayed = post("/api/dead-letters/" + letter + "/replay", "");
        assertEquals(202, replayed.statusCode(), replayed.body());
        Promotion again = promotions().get(JSON.readTree(replayed.body()).get("promotion_id").asText());
        assertTrue(promotions().awaitAll(List.of(again), Duration.ofSeconds(20)));
        assertEquals(Outcome.SUCCEEDED, again.getOutcome(), again.getDetail());
        assertEquals(failed.getRequest().correlationId(), again.getRequest().correlationId());
        assertEquals(failed.getRequest().packageName(), again.getRequest().packageName());
        assertTrue(Files.exists(dataDir().resolve("dead-letters/replayed/" + letter + ".json")));
        assertEquals(404, post("/api/dead-letters/" + letter + "/replay", "").statusCode(), "replayed once");
    }
}
