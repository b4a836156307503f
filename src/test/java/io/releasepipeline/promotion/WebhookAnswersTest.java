package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.simulator.DemoData;
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

/** What the webhook and the inbox answer, word for word: the refusal itself, a repeat by key, a conflict. */
class WebhookAnswersTest extends PromotionTestSupport {

    private static final int PORT = freePort();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> overrides() {
        return Map.of("camel.server.enabled", "true", "camel.server.port", String.valueOf(PORT),
                "promotion.triggers", "true", "webhook.body-timeout-ms", "1000");
    }

    private HttpResponse<String> post(String body, String contentType, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                + "/api/promotions")).header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String item, String packageName) {
        return "{\"workspace\": \"" + DemoData.WORKSPACE + "\", \"pending_item_ids\": [\"" + item
                + "\"], \"package_name\": \"" + packageName + "\", \"apply_user_id\": \""
                + DemoData.APPLY_USER_ID + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"]}";
    }

    @Test
    void refusalsAreAnsweredWithTheirOwnWordsAndNothingOfCamel() throws Exception {
        HttpResponse<String> invalid = post("{\"workspace\": 5}", "application/json", null);
        assertEquals(400, invalid.statusCode());
        assertEquals(true, invalid.body().startsWith("{\"error\":\"workspace has the wrong type or form"),
                invalid.body());
        assertEquals(false, invalid.body().contains("invoke") || invalid.body().contains("Exception"),
                invalid.body());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                + "/api/promotions/p-nope")).header("Authorization", "Bearer " + WEBHOOK_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        assertEquals("{\"error\":\"no promotion by that id\"}", unknown.body());
        HttpResponse<String> text = post(body("26", "texty"), "text/plain", null);
        assertEquals(415, text.statusCode());
        assertEquals("{\"error\":\"send the promotion request as Content-Type: application/json\"}", text.body());
        assertEquals("application/json", text.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> untyped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                + "/api/promotions")).header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body("26", "untyped"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, untyped.statusCode(), "JSON without a Content-Type is refused too");
        // a path nobody serves: 404, and nothing of the request or of Camel in the answer
        HttpResponse<String> nowhere = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                + "/api/promotions/p-0123456789ab/x%3Cscript%3E?token=leak")).header("Authorization", "Bearer "
                + WEBHOOK_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, nowhere.statusCode());
        assertEquals(false, nowhere.body().contains("script") || nowhere.body().contains("leak")
                || nowhere.body().toLowerCase().contains("camel"), nowhere.body());
    }

    @Test
    void theSameRequestPostedTwiceWithOneKeyStartsOnePromotion() throws Exception {
        String item = pendingItems("keyed_once").get(0);
        HttpResponse<String> first = post(body(item, "keyed"), "application/json", "ci-build-4711");
        HttpResponse<String> again = post(body(item, "keyed"), "application/json", "ci-build-4711");
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        String id = JSON.readTree(first.body()).get("promotion_id").asText();
        assertEquals(id, JSON.readTree(again.body()).get("promotion_id").asText());
        assertEquals(JSON.readTree(first.body()).get("href"), JSON.readTree(again.body()).get("href"));
        Promotion p = promotions().get(id);
        promotions().awaitAll(List.of(p), Duration.ofSeconds(20));
        assertEquals(Outcome.SUCCEEDED, p.getOutcome(), p.getDetail());
        assertEquals(1, promotions().recent(100).size(), "one promotion");
        assertEquals(1, simulator().calls("CreateFactoryPendingItemsPackage"));

        HttpResponse<String> other = post(body(item, "other_name"), "application/json", "ci-build-4711");
        assertEquals(422, other.statusCode(), other.body());
        assertEquals(true, other.body().contains(id), other.body());
    }

    @Test
    void theSameRequestWithOneCorrelationIdStartsOnePromotion() throws Exception {
        String item = pendingItems("correlated").get(0);
        String request = body(item, "correlated").replace("}", ", \"correlation_id\": \"release-2026-11-24\"}");
        assertEquals(202, post(request, "application/json", null).statusCode());
        assertEquals(200, post(request, "application/json", null).statusCode());
        assertEquals(1, promotions().recent(100).size(), "one promotion");
    }

    @Test
    void anInboxFileDroppedTwiceStartsOnePromotionAndABadOneGetsThePlainReason() throws Exception {
        String item = pendingItems("dropped_twice").get(0);
        Path inbox = dataDir().resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("drop.json"), body(item, "dropped"));
        long deadline = System.currentTimeMillis() + 15_000;
        while (!Files.exists(inbox.resolve("done/drop.json")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Files.delete(inbox.resolve("done/drop.json"));
        Files.writeString(inbox.resolve("drop.json"), body(item, "dropped"));
        while (!Files.exists(inbox.resolve("done/drop.json")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, promotions().recent(100).size(), "one promotion");
        Files.writeString(inbox.resolve("bad.json"), "{\"workspace\": 5}");
        while (!Files.exists(inbox.resolve("error/bad.json.reason.txt")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        String reason = Files.readString(inbox.resolve("error/bad.json.reason.txt"));
        assertEquals(true, reason.startsWith("workspace has the wrong type or form"), reason);
    }

    @Test
    void aBodySentByteByByteIsCutOffAtTheBodyTimeout() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/promotions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + WEBHOOK_TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{").getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            Thread.sleep(600);
            out.write(' ');   // still trickling in: the timeout counts from the headers, not from the last byte
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            long waited = (System.nanoTime() - started) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(waited < 5000, "cut off after " + waited + " ms");
        }
    }
}
