package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepipeline.simulator.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated invalid promotion requests through the webhook and the inbox: each gets a 400 (or an error file) with a
 * reason, nothing reaches the provider's API, and the runtime stays up.
 */
class BadInputFuzzTest extends PromotionTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = freePort();
    private static final String[] FIELDS = {"workspace", "pending_item_ids", "selector", "package_name",
        "apply_user_id", "approver_ids", "startup_mode", "release_plan_id", "livedata_apis", "correlation_id",
        "redeploy_failed"};
    private static final String[] BAD_IDS = {"a/b", "../etc", "a b", "tab\there", "new\nline", "nul\u0000",
        "semi;colon", "q?x=1", "hash#", "percent%2F", "\u00e9t\u00e9", "x".repeat(200), ""};
    private final HttpClient http = HttpClient.newHttpClient();


    @Override
    protected Map<String, String> overrides() {
        return Map.of("camel.server.enabled", "true", "camel.server.port", String.valueOf(PORT),
                "promotion.triggers", "true", "promotion.max-request-bytes", "65536");
    }

    private ObjectNode valid() {
        ObjectNode r = JSON.createObjectNode();
        r.put("workspace", DemoData.WORKSPACE);
        r.putArray("pending_item_ids").add("26");
        r.put("package_name", "fuzz");
        r.put("apply_user_id", DemoData.APPLY_USER_ID);
        r.putArray("approver_ids").add(DemoData.APPROVER_ID);
        r.put("startup_mode", 0);
        return r;
    }

    /** Invalid bodies: wrong types, unsafe ids, nesting, duplicates, broken UTF-8, oversize, not JSON. */
    private List<byte[]> invalidBodies() {
        Random random = new Random(20261123);
        List<byte[]> bodies = new ArrayList<>();
        Object[] wrongValues = {42, 1.5, true, List.of(), Map.of(), "text", List.of(1, 2), Map.of("a", 1)};
        for (String field : FIELDS) {
            for (Object wrong : wrongValues) {
                ObjectNode r = valid();
                r.set(field, JSON.valueToTree(wrong));
                String body = r.toString();
                boolean stillValid = wrong.equals("text") && List.of("workspace", "package_name", "apply_user_id",
                        "correlation_id", "release_plan_id").contains(field);
                stillValid |= field.equals("livedata_apis") && wrong instanceof List<?> l && l.isEmpty();
                if (!stillValid && !(wrong instanceof Map<?, ?> m && m.isEmpty() && field.equals("selector"))) {
                    bodies.add(body.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        for (String bad : BAD_IDS) {
            for (String field : new String[] {"workspace", "apply_user_id", "release_plan_id"}) {
                ObjectNode r = valid();
                r.put(field, bad);
                bodies.add(r.toString().getBytes(StandardCharsets.UTF_8));
            }
            ObjectNode items = valid();
            items.putArray("pending_item_ids").add(bad);
            bodies.add(items.toString().getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(("{\"selector\": " + "[".repeat(3000) + "]".repeat(3000) + "}").getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(valid().toString().replace("{\"workspace\"", "{\"workspace\":\"x\",\"workspace\"")
                .getBytes(StandardCharsets.UTF_8));
        ObjectNode huge = valid();
        huge.put("package_name", "p".repeat(70_000));
        bodies.add(huge.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        utf8.writeBytes("{\"workspace\": \"ws\u00e9".getBytes(StandardCharsets.UTF_8));
        utf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        utf8.writeBytes("\", \"pending_item_ids\": [\"1\"], \"apply_user_id\": \"u\", \"approver_ids\": [\"a\"]}"
                .getBytes(StandardCharsets.UTF_8));
        bodies.add(utf8.toByteArray());
        for (int i = 0; i < 40; i++) {
            byte[] noise = new byte[random.nextInt(200) + 1];
            random.nextBytes(noise);
            bodies.add(noise);
        }
        bodies.add(new byte[0]);
        bodies.add("[]".getBytes(StandardCharsets.UTF_8));
        bodies.add("null".getBytes(StandardCharsets.UTF_8));
        bodies.add((valid().toString() + " trailing").getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    @Test
    void everyInvalidWebhookRequestGets400WithAReasonAndNothingReachesTheProvider() throws Exception {
        List<byte[]> bodies = invalidBodies();
        for (byte[] body : bodies) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                    + "/api/promotions")).header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            String shown = new String(body, StandardCharsets.UTF_8);
            assertEquals(400, answer.statusCode(), () -> answer.body() + " for " + body.length + " bytes: "
                    + shown.substring(Math.max(0, shown.length() - 150)));
            assertTrue(JSON.readTree(answer.body()).get("error").asText().length() > 5, answer.body());
        }
        assertEquals(0, simulator().calls("CreateFactoryPendingItemsPackage"));
        assertEquals(0, simulator().calls("ListFactoryReleasePackages"));
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/promotions"))
                .header("Authorization", "Bearer " + WEBHOOK_TOKEN).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode(), "the runtime is still up");
        assertTrue(bodies.size() > 150, "bodies tried: " + bodies.size());
    }

    @Test
    void everyInvalidInboxFileMovesToErrorWithAReason() throws Exception {
        Path inbox = dataDir().resolve("inbox");
        Files.createDirectories(inbox);
        List<byte[]> bodies = invalidBodies().subList(0, 30);
        for (int i = 0; i < bodies.size(); i++) {
            Files.write(inbox.resolve("bad-" + i + ".json"), bodies.get(i));
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && countIn(inbox.resolve("error"), ".json") < bodies.size()) {
            Thread.sleep(200);
        }
        assertEquals(bodies.size(), countIn(inbox.resolve("error"), ".json"));
        assertEquals(bodies.size(), countIn(inbox.resolve("error"), ".reason.txt"));
        assertEquals(0, countIn(inbox.resolve("done"), ".json"));
        assertEquals(0, simulator().calls("CreateFactoryPendingItemsPackage"));
    }

    private static long countIn(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
