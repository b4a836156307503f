package io.releasepipeline.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.CloudRouteTestSupport;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesRequest;
import io.releasepipeline.promotion.Outcome;
import io.releasepipeline.promotion.Promotion;
import io.releasepipeline.promotion.PromotionRequest;
import io.releasepipeline.promotion.Promotions;
import io.releasepipeline.promotion.WebhookAuth;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.CamelExecutionException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs promotions that succeed, fail and are refused with sentinel values for every secret, logging everything at
 * DEBUG, and looks for the sentinels in every log line, the journal, the dead letters, exception messages and HTTP
 * answers. Subclasses pick the authentication mode.
 */
abstract class SentinelSecretsTest extends CloudRouteTestSupport {

    static final String AK = "SENTINELAKVALUE00001";
    static final String SK = "sentinel-secret-key-value-00000000000000";
    static final String IAM_PASSWORD = "sentinel-iam-password-0001";
    static final String WEBHOOK = "sentinel-webhook-token-0001";
    private static final int PORT = freePort();

    private final StringWriter logs = new StringWriter();
    private final List<String> seen = new ArrayList<>();
    private WriterAppender appender;


    @Override
    protected Map<String, String> env() {
        return Map.of("CLOUD_SDK_AK", AK, "CLOUD_SDK_SK", SK, "CLOUD_IAM_PASSWORD", IAM_PASSWORD,
                WebhookAuth.TOKEN_ENV, WEBHOOK);
    }

    protected abstract String authMode();

    @Override
    protected Map<String, String> overrides() {
        return Map.of("cloud.auth", authMode(), "cloud.iam.user", "sentinel_user", "camel.server.enabled", "true",
                "camel.server.port", String.valueOf(PORT), "promotion.triggers", "true");
    }

    @BeforeEach
    void captureEveryLogLine() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        appender = WriterAppender.newBuilder().setName("sentinel").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m %ex%n").build()).build();
        appender.start();
        logging.getConfiguration().addAppender(appender);
        logging.getRootLogger().addAppender(appender);
        // what an operator turning on DEBUG does: the root, Camel, HttpClient and this runtime
        Configurator.setRootLevel(Level.DEBUG);
        Configurator.setLevel("org.apache.camel", Level.DEBUG);
        Configurator.setLevel("org.apache.hc", Level.DEBUG);
        Configurator.setLevel("io.releasepipeline", Level.DEBUG);
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getRootLogger().removeAppender(appender);
        appender.stop();
        Configurator.reconfigure();
    }

    private Promotion run(PromotionRequest request) throws Exception {
        Promotion p = template.requestBody("direct:promotion-submit", request, Promotion.class);
        assertTrue(context.getRegistry().lookupByNameAndType("promotions", Promotions.class)
                .awaitAll(List.of(p), Duration.ofSeconds(20)));
        return p;
    }

    private static PromotionRequest request(List<String> items, String name) {
        return new PromotionRequest(DemoData.WORKSPACE, items, null, name, DemoData.APPLY_USER_ID,
                List.of(DemoData.APPROVER_ID), 0, null, null, null, null);
    }

    private void http(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/promotions"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        seen.add(answer.body());
        seen.add(answer.headers().toString());
    }

    @Test
    void noSecretAppearsInLogsJournalDeadLettersExceptionsOrAnswers() throws Exception {
        simulator().scenarios().addUser("5e1f0c0a5e1f0c0a5e1f0c0a5e1f0c0a", "sentinel_user", IAM_PASSWORD, AK, SK);
        List<String> items = simulator().scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                List.of("secret_a", "secret_b"));
        assertEquals(Outcome.SUCCEEDED, run(request(items.subList(0, 1), "secret_ok")).getOutcome());
        assertEquals(Outcome.DEAD_LETTERED, run(request(List.of("404404"), "secret_missing")).getOutcome());
        simulator().faults().add(Fault.error("CreateFactoryPendingItemsPackage", 401, "APIG.1002",
                "Incorrect token or token resolution failed"));
        assertEquals(Outcome.DEAD_LETTERED, run(request(items.subList(1, 2), "secret_auth")).getOutcome());
        simulator().faults().clear();
        try {
            template.requestBody("direct:DeployFactoryPackages",
                    new DeployFactoryPackagesRequest(DemoData.WORKSPACE, List.of("777777"), 0));
        } catch (CamelExecutionException e) {
            seen.add(e.getCause().toString());
            seen.add(String.valueOf(e.getCause().getCause()));
        }
        http("{\"workspace\": \"" + DemoData.WORKSPACE + "\"}", "Bearer " + WEBHOOK);
        http("{}", "Bearer not-" + WEBHOOK);
        http("{}", null);

        Set<String> secrets = new HashSet<>(List.of(AK, SK, IAM_PASSWORD, WEBHOOK));
        secrets.addAll(simulator().scenarios().issuedTokens());
        assertEquals(authMode().equals("token"), simulator().scenarios().issuedTokens().size() > 0,
                "token mode used IAM");
        seen.add(logs.toString());
        seen.add(Files.readString(dataDir().resolve("journal.jsonl")));
        try (Stream<Path> files = Files.walk(dataDir().resolve("dead-letters"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                seen.add(Files.readString(f));
            }
        }
        assertTrue(logs.toString().contains("DEAD_LETTERED"), "the logs were captured");
        for (String text : seen) {
            for (String secret : secrets) {
                int at = text.indexOf(secret);
                assertFalse(at >= 0, () -> "a secret leaked: ..." + text.substring(Math.max(0, at - 300),
                        Math.min(text.length(), at + 100)));
            }
            assertFalse(text.contains("X-Auth-Token=") || text.contains("Authorization="), "no credential header");
        }
    }
}
