package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.simulator.DemoData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "time since the last successful scheduled run" metric: unchanged while scheduled runs fail, reset by one. */
class ScheduledSuccessMetricTest extends PromotionTestSupport {

    private static final int PORT = freePort();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> overrides() {
        return Map.ofEntries(Map.entry("camel.management.enabled", "true"),
                Map.entry("camel.management.port", String.valueOf(PORT)),
                Map.entry("camel.management.metricsEnabled", "true"), Map.entry("camel.metrics.enabled", "true"),
                Map.entry("promotion.triggers", "true"),
                Map.entry("promotion.definitions", "nightly"),
                Map.entry("promotion.nightly.schedule", "period:1000"),
                Map.entry("promotion.nightly.workspace", DemoData.WORKSPACE),
                Map.entry("promotion.nightly.item-name", "nightly_only"),
                Map.entry("promotion.nightly.apply-user-id", DemoData.APPLY_USER_ID),
                Map.entry("promotion.nightly.approver-ids", DemoData.APPROVER_ID),
                // every scheduled run fails until the test clears the fault
                Map.entry("simulator.faults", "[{\"operation\": \"ListFactoryPendingItems\", \"status\": 401,"
                        + " \"error_code\": \"APIG.1002\", \"error_msg\": \"Incorrect token\"}]"));
    }

    private double metric(String name) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/observe/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        // a counter registered at its first increment reads as 0 until then
        return body.lines().filter(l -> l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElse(name.contains("_total") ? 0 : Double.NaN);
    }

    @Test
    void aSuccessfulScheduledRunResetsTheTimeSinceTheLastOne() throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (metric("release_pipeline_promotions_total{outcome=\"DEAD_LETTERED\"}") < 2
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(metric("release_pipeline_promotions_total{outcome=\"DEAD_LETTERED\"}") >= 2);
        assertEquals(0, metric("release_pipeline_last_scheduled_success_timestamp_seconds"), "no success yet");
        double waiting = metric("release_pipeline_seconds_since_last_scheduled_success");
        assertTrue(waiting >= 1, "counts from the start while none succeeded: " + waiting);

        long cleared = System.currentTimeMillis();
        simulator().faults().clear();
        while (metric("release_pipeline_last_scheduled_success_timestamp_seconds") <= 0
                && System.currentTimeMillis() < deadline + 15_000) {
            Thread.sleep(200);
        }
        assertTrue(metric("release_pipeline_last_scheduled_success_timestamp_seconds") * 1000 >= cleared - 1000);
        assertTrue(metric("release_pipeline_seconds_since_last_scheduled_success") < waiting + 1,
                "reset by the success");
        assertTrue(metric("release_pipeline_seconds_since_last_scheduled_success") < 3);
    }
}
