package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.promotion.WebhookAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

/**
 * Starts the real runtime for a test: application.properties, the YAML routes from routes/, the embedded simulator
 * on a free port with short life cycles, and the cloud layer with the simulator's demo credentials.
 */
public abstract class CloudRouteTestSupport extends CamelMainTestSupport {

    /** The test's environment replaces the process's ({@link RuntimeEnvironment}) before any configuration runs. */
    @Override
    protected org.apache.camel.spi.Registry createCamelRegistry() throws Exception {
        org.apache.camel.spi.Registry registry = new org.apache.camel.support.DefaultRegistry();
        registry.bind(RuntimeEnvironment.BEAN, env());
        return registry;
    }

    /** The environment the cloud layer sees: none by default, so the simulator's demo credentials apply. */
    protected Map<String, String> env() {
        return Map.of(WebhookAuth.TOKEN_ENV, WEBHOOK_TOKEN);
    }

    public static final String WEBHOOK_TOKEN = "test-webhook-token-0123456789";

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("camel.main.routesIncludePattern", "file:routes/*.camel.yaml");
        p.setProperty("simulator.embedded", "true");
        p.setProperty("simulator.port", "0");
        p.setProperty("simulator.deploy-duration-ms", "400");
        p.setProperty("simulator.component-duration-ms", "300");
        p.setProperty("simulator.rate-per-second", "0");
        p.setProperty("camel.component.http.responseTimeout", "1500");
        p.setProperty("camel.component.http.soTimeout", "1500");
        p.setProperty("camel.server.enabled", "false");
        p.setProperty("promotion.triggers", "false");
        p.setProperty("promotion.journal", dataDir().resolve("journal.jsonl").toString());
        p.setProperty("promotion.store-dir", dataDir().resolve("store").toString());
        p.setProperty("promotion.dead-letters", dataDir().resolve("dead-letters").toString());
        p.setProperty("promotion.inbox", dataDir().resolve("inbox").toString());
        p.setProperty("poll.initial-delay-ms", "100");
        p.setProperty("poll.max-interval-ms", "200");
        p.setProperty("poll.timeout-ms", "5000");
        p.setProperty("retry.max-attempts", "3");
        p.setProperty("retry.throttled-budget-ms", "3000");
        // a call in doubt is watched past the 1.5 s read timeout before it is sent again
        p.setProperty("deploy.ambiguous-grace-ms", "4000");
        p.setProperty("retry.initial-delay-ms", "50");
        p.setProperty("retry.max-delay-ms", "200");
        p.putAll(overrides());
        return p;
    }

    /** Properties a test class sets on top of the defaults above. */
    protected Map<String, String> overrides() {
        return Map.of();
    }

    private Path dataDir;

    /** A port nothing listens on now, for a server the test starts. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A fresh directory per test for the journal, dead letters and inbox. */
    protected Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("release-pipeline-test");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return dataDir;
    }

    protected Simulator simulator() {
        return context.getRegistry().lookupByNameAndType("simulator", Simulator.class);
    }

    protected <T> T call(String operation, Object request, Class<T> type) {
        return template.requestBody("direct:" + operation, request, type);
    }

    /** The classified failure a call ends in. */
    protected CloudApiException failure(String operation, Object request) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:" + operation, request));
        return assertInstanceOf(CloudApiException.class, e.getCause());
    }
}
