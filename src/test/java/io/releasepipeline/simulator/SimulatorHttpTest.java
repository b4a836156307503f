package io.releasepipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.cloud.AkSkSigner;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator over plain HTTP: the API reference's example requests sent verbatim, signatures, admin faults. */
class SimulatorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Simulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(0));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** Sends a request signed with the demo AK/SK; {@code tamper} alters the body after signing. */
    private HttpResponse<String> signed(String method, String path, String workspace, String body, String tamper,
                                        boolean chunked) throws Exception {
        URI uri = URI.create(simulator.baseUrl() + path);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=UTF-8");
        headers.put("X-Project-Id", uri.getPath().split("/")[2]);
        headers.put("X-Sdk-Date", AkSkSigner.formatDate(Instant.now()));
        if (workspace != null) {
            headers.put("workspace", workspace);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String authorization = AkSkSigner.authorization(new AkSkSigner.SignableRequest(method, uri.getAuthority(),
                uri.getRawPath(), uri.getRawQuery(), headers, bytes), DemoData.AK, DemoData.SK);
        byte[] sent = tamper == null ? bytes : tamper.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sent))
                : HttpRequest.BodyPublishers.ofByteArray(sent);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, publisher)
                .header("Authorization", authorization);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void page000ExampleRequestIsAnsweredWithTheDocumentedShape() throws Exception {
        String example = """
                {"key_word": "", "apply_user_name": "", "deploy_user_name": "", "apply_begin_time": 1699113600999,
                 "apply_end_time": 1700323199999, "deploy_begin_time": "", "deploy_end_time": "",
                 "apply_user_name_filter": "", "deploy_user_name_filter": "", "deploy_status_filter": "",
                 "sorted_direction": "desc", "order_column": "apply_timestamp", "limit": 10, "offset": 0}""";
        HttpResponse<String> response = signed("POST", "/v2/" + DemoData.PROJECT_ID + "/factory/packages", null,
                example, null, false);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(2, body.get("total").asInt());
        assertEquals("4", body.get("data").get(0).get("package_id").asText());
        assertTrue(body.get("data").get(0).get("package_id").isTextual(), "package_id is a string in 000");
        assertEquals("aa_20231118143318", body.get("data").get(1).get("package_name").asText());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertNotNull(response.headers().firstValue("X-Request-Id").orElse(null));
    }

    @Test
    void page001ExampleCreatesPackage13() throws Exception {
        String example = "{ \"apply_user_id\" : \"f8ccc2ff3c7748e8a7bfede38ae1cffa\", \"package_name\" : "
                + "\"job_0948_20250513112100444444\", \"pending_item_list\" : [ \"26\" ], \"approver_ids\" : "
                + "[ \"7b71e498e75d44048c9a22dd3c54f978\" ] }";
        HttpResponse<String> response = signed("POST", "/v2/" + DemoData.PROJECT_ID + "/factory/pending-items/package",
                DemoData.WORKSPACE, example, null, true);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"package_name\":\"job_0948_20250513112100444444\",\"release_package_id\":\"13\"}",
                response.body());
    }

    @Test
    void page002ExampleWithPublishTypeDeploysPackage23AnsweringANumericId() throws Exception {
        HttpResponse<String> response = signed("POST", "/v2/b384b9e9ab9b4ee8994c8633aabc9505/factory/release-packages"
                + "/deploy", null, "{ \"package_ids\": [\"23\"], \"startup_mode\": 0, \"publish_type\": \"asy\" }", null,
                true);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode detail = json(response).get("deploy_package_details").get(0);
        assertTrue(detail.get("package_id").isIntegralNumber(), "package_id is a number in 002");
        assertEquals(23, detail.get("package_id").asInt());
        assertEquals(1, detail.get("asy_subtask_num").asInt());
    }

    @Test
    void illTypedFieldIsRefusedWithDlf3051NamingIt() throws Exception {
        HttpResponse<String> response = signed("POST", "/v2/" + DemoData.PROJECT_ID + "/factory/release-packages",
                null, "{\"limit\": \"ten\"}", null, false);
        assertEquals(400, response.statusCode());
        assertEquals("DLF.3051", json(response).get("error_code").asText());
        assertTrue(json(response).get("error_msg").asText().contains("limit"));
    }

    @Test
    void bodyAlteredAfterSigningIsRefusedWith401() throws Exception {
        String path = "/v2/" + DemoData.PROJECT_ID + "/factory/release-packages/deploy";
        HttpResponse<String> response = signed("POST", path, DemoData.WORKSPACE, "{\"package_ids\":[\"3\"]}",
                "{\"package_ids\":[\"4\"]}", false);
        assertEquals(401, response.statusCode());
        assertEquals("APIG.0301", json(response).get("error_code").asText());
        assertEquals(0, simulator.world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, "4"));
    }

    @Test
    void requestWithoutCredentialsIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/v2/" + DemoData.PROJECT_ID + "/factory/pending-items")).header("workspace", DemoData.WORKSPACE)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals("APIG.1002", json(response).get("error_code").asText());
        assertNotNull(json(response).get("error_msg"));
    }

    @Test
    void iamAnswersATokenInTheExactlyNamedSubjectTokenHeader() throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + DemoData.IAM_USER + "\",\"password\":\"" + DemoData.IAM_PASSWORD + "\",\"domain\":{\"name\":\""
                + DemoData.IAM_DOMAIN + "\"}}}},\"scope\":{\"project\":{\"id\":\"" + DemoData.PROJECT_ID + "\"}}}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/v3/auth/tokens")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode());
        String token = response.headers().firstValue("X-Subject-Token").orElseThrow();
        assertNotNull(json(response).get("token").get("expires_at"));
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/v3/" + DemoData.PROJECT_ID + "/cas/release-plans/" + DemoData.RELEASE_PLAN_ID + "/deploy-info"))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withToken.statusCode(), withToken.body());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/v3/auth/tokens")).POST(HttpRequest.BodyPublishers.ofString(body.replace(DemoData.IAM_PASSWORD,
                "nope"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
    }

    @Test
    void faultsAreInjectedThroughTheAdminEndpointAndCounted() throws Exception {
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/admin/faults")).POST(HttpRequest.BodyPublishers.ofString("{\"operation\": \"ListFactoryPendingItems\","
                + " \"status\": 503, \"error_code\": \"APIG.0202\", \"error_msg\": \"Backend unavailable\","
                + " \"times\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, added.statusCode(), added.body());
        String path = "/v2/" + DemoData.PROJECT_ID + "/factory/pending-items?limit=5&offset=0";
        assertEquals(503, signed("GET", path, DemoData.WORKSPACE, null, null, false).statusCode());
        assertEquals(200, signed("GET", path, DemoData.WORKSPACE, null, null, false).statusCode());
        JsonNode stats = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/admin/stats")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(1, stats.get("faults_injected").asInt());
        assertEquals(1, stats.get("calls").get("ListFactoryPendingItems").get("503").asInt());
        HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/admin/faults")).POST(HttpRequest.BodyPublishers.ofString("{\"status\": 500}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("operation"), invalid.body());
    }

    @Test
    void fractionOfCallsIsFaulted() {
        simulator.faults().add(Fault.error("ListFactoryPendingItems", 500, "APIG.9999", "System error").fraction(0.5));
        for (int i = 0; i < 200; i++) {
            try {
                signed("GET", "/v2/" + DemoData.PROJECT_ID + "/factory/pending-items", DemoData.WORKSPACE, null, null,
                        false);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        long faulted = simulator.calls("ListFactoryPendingItems", 500);
        assertTrue(faulted > 50 && faulted < 150, "about half of 200 calls: " + faulted);
    }
}
