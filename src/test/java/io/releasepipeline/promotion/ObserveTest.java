package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.simulator.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The management server: readiness follows the cloud endpoints, and the pipeline's metrics move as it works. */
class ObserveTest extends PromotionTestSupport {

    private static final int PORT = freePort();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> overrides() {
        return Map.of("camel.management.enabled", "true", "camel.management.port", String.valueOf(PORT),
                "camel.management.host", "127.0.0.1", "camel.management.healthCheckEnabled", "true",
                "camel.management.metricsEnabled", "true", "camel.metrics.enabled", "true",
                "health.cloud-check-cache-seconds", "0");
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String readiness() throws Exception {
        String body = get("/observe/health/ready?exposureLevel=full");
        Matcher m = Pattern.compile("\"name\":\"cloud-endpoints\",\"status\":\"(UP|DOWN)\"").matcher(body);
        return m.find() ? m.group(1) : "missing in " + body;
    }

    /** A metric's value; a metric that is not exposed fails the test (it never reads as 0). */
    private double metric(String line) throws Exception {
        return get("/observe/metrics").lines().filter(l -> l.startsWith(line + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(line + " is not exposed"));
    }

    /** A counter that is registered at its first increment: absent means none yet. */
    private double counter(String line) throws Exception {
        return get("/observe/metrics").contains(line + " ") ? metric(line) : 0;
    }
    @Test
    void readinessGoesDownWhenTheCloudIsUnreachableAndUpWhenItReturns() throws Exception {
        assertEquals("UP", readiness());
        simulator().refuseConnections();
        assertEquals("DOWN", readiness());
        assertTrue(get("/observe/health/live").contains("UP"), "alive all the same");
        simulator().acceptConnections();
        assertEquals("UP", readiness());
    }

    @Test
    void pipelineMetricsMoveWhenPromotionsRun() throws Exception {
        double calls = counter("release_pipeline_api_calls_total{operation=\"CreateFactoryPendingItemsPackage\",status=\"200\"}");
        simulator().faults().add(Fault.error("ShowFactoryPackageDetail", 429, "APIG.0308", "over ratelimit").times(1));
        assertEquals(0, metric("release_pipeline_promotions_in_flight"));
        Promotion observed = template.requestBody("direct:promotion-submit",
                request(pendingItems("observed_a"), "observed_a", null, null), Promotion.class);
        double inFlight = 0;
        while (observed.getOutcome() == null && inFlight == 0) {
            inFlight = metric("release_pipeline_promotions_in_flight");
        }
        assertEquals(1, inFlight, "one promotion in flight while it runs");
        assertTrue(promotions().awaitAll(List.of(observed), java.time.Duration.ofSeconds(20)));
        assertEquals(Outcome.SUCCEEDED, observed.getOutcome());
        assertEquals(Outcome.DEAD_LETTERED, run(request(List.of("404404"), "observed_b", null, null)).getOutcome());
        assertEquals(calls + 1, metric("release_pipeline_api_calls_total{operation=\"CreateFactoryPendingItemsPackage\",status=\"200\"}"));
        assertEquals(1, metric("release_pipeline_promotions_total{outcome=\"SUCCEEDED\"}"));
        assertEquals(1, metric("release_pipeline_promotions_total{outcome=\"DEAD_LETTERED\"}"));
        assertEquals(1, metric("release_pipeline_retries_total{category=\"THROTTLED\"}"));
        assertEquals(1, metric("release_pipeline_throttled_total"));
        assertEquals(1, metric("release_pipeline_dead_letters"));
        assertEquals(0, metric("release_pipeline_promotions_in_flight"));
        assertTrue(metric("release_pipeline_stage_duration_seconds_count{stage=\"POLL\"}") >= 1);
        assertTrue(get("/observe/metrics").contains("release_pipeline_seconds_since_last_scheduled_success"));
    }

    @Test
    void metricsDoNotGrowWithThePackagesPromoted() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertEquals(Outcome.SUCCEEDED, run(request(pendingItems("cardinality_" + i), "cardinality" + i, null,
                    null)).getOutcome());
        }
        long before = get("/observe/metrics").lines().count();
        int endpoints = context.getEndpoints().size();
        for (int i = 2; i < 6; i++) {
            assertEquals(Outcome.SUCCEEDED, run(request(pendingItems("cardinality_" + i), "cardinality" + i, null,
                    null)).getOutcome());
        }
        String metrics = get("/observe/metrics");
        assertEquals(before, metrics.lines().count(), "one series per operation, none per package or URL:\n"
                + metrics.lines().filter(l -> l.contains("127.0.0.1")).limit(4)
                .collect(java.util.stream.Collectors.joining("\n")));
        assertTrue(metric("release_pipeline_api_call_duration_seconds_count{operation=\"DeployFactoryPackages\"}") >= 6,
                "cloud calls timed by operation");
        assertTrue(metrics.lines().noneMatch(l -> l.contains("/packages/")), "no URL in a metric");
        assertEquals(endpoints, context.getEndpoints().size(), "one endpoint per service, none per package URL: "
                + context.getEndpoints().stream().map(org.apache.camel.Endpoint::getEndpointUri)
                .filter(u -> u.startsWith("http")).toList());
    }
}
