package io.releasepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.cloud.CloudRouteTestSupport;
import io.releasepipeline.cloud.RuntimeEnvironment;
import io.releasepipeline.promotion.WebhookAuth;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/**
 * A stock {@link org.apache.camel.main.Main}, given only application.properties (which names the configuration
 * classes) and routes/ as they are, runs the pipeline: every bean the routes use is declared the Camel way.
 */
class StockCamelMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "stock-main-token-0123456789";

    @Test
    void aStockCamelMainLoadsRoutesAsTheyAreAndReleasesThroughTheWebhook() throws Exception {
        Path data = Files.createTempDirectory("release-pipeline-stock-main");
        int port = CloudRouteTestSupport.freePort();
        Properties p = new Properties();
        p.setProperty("camel.main.routesIncludePattern", "file:routes/*.camel.yaml");
        p.setProperty("camel.server.port", String.valueOf(port));
        p.setProperty("camel.management.enabled", "false");
        p.setProperty("simulator.deploy-duration-ms", "300");
        p.setProperty("simulator.component-duration-ms", "200");
        p.setProperty("poll.initial-delay-ms", "100");
        p.setProperty("promotion.store-dir", data.resolve("store").toString());
        p.setProperty("promotion.journal", data.resolve("journal.jsonl").toString());
        p.setProperty("promotion.dead-letters", data.resolve("dead-letters").toString());
        p.setProperty("promotion.inbox", data.resolve("inbox").toString());
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:application.properties");
        main.setOverrideProperties(p);
        main.bind(RuntimeEnvironment.BEAN, Map.of(WebhookAuth.TOKEN_ENV, TOKEN));
        main.start();
        try {
            Simulator simulator = main.getCamelContext().getRegistry().lookupByNameAndType("simulator",
                    Simulator.class);
            List<String> items = simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                    List.of("stock_main"));
            String body = "{\"workspace\": \"" + DemoData.WORKSPACE + "\", \"pending_item_ids\": [\"" + items.get(0)
                    + "\"], \"package_name\": \"stock\", \"apply_user_id\": \"" + DemoData.APPLY_USER_ID
                    + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"]}";
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/promotions")).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted.body());
            String href = JSON.readTree(accepted.body()).get("href").asText();
            JsonNode status = null;
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + href))
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
                if (status.hasNonNull("outcome")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals("SUCCEEDED", status.path("outcome").asText(), String.valueOf(status));
            long routeFiles;
            try (var files = Files.list(Path.of("routes"))) {
                routeFiles = files.filter(f -> f.toString().endsWith(".camel.yaml")).count();
            }
            assertTrue(main.getCamelContext().getRoutes().size() > routeFiles,
                    "routes loaded: " + main.getCamelContext().getRoutes().size());
        } finally {
            main.stop();
        }
    }
}
