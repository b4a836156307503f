package io.releasepipeline.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for the tests: the URL in RELEASE_PIPELINE_TEST_POSTGRES_URL (set by .ci/run), or the server
 * that scripts/postgres.sh installs and starts. Each caller gets a schema of its own.
 */
public final class Postgres {

    private static String url;

    private Postgres() {
    }

    public static synchronized String url() {
        if (url == null) {
            String given = System.getenv("RELEASE_PIPELINE_TEST_POSTGRES_URL");
            url = given != null && !given.isBlank() ? given : start();
        }
        return url;
    }

    /** A fresh, empty schema; the URL that makes it the current one. */
    public static String freshSchemaUrl() {
        return freshSchemaUrl(url());
    }

    /** A fresh, empty schema in the database at {@code base} (a cluster of a test's own, say). */
    public static String freshSchemaUrl(String base) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + base, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String start() {
        return script(Map.of());
    }

    /**
     * A PostgreSQL cluster of the test's own (its port and data directory), that the test may stop and start again
     * for real: {@link #stop(int)}, then this again. Answers its JDBC URL.
     */
    public static String startOwn(int port) {
        return script(Map.of("RELEASE_PIPELINE_PG_PORT", String.valueOf(port),
                "RELEASE_PIPELINE_PG_DATA", "/tmp/release-pipeline-pg-" + port));
    }

    /** Stops a cluster {@link #startOwn(int)} started (fast: open connections are cut, as in a crash of the server). */
    public static void stop(int port) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "scripts/postgres.sh", "stop")
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("RELEASE_PIPELINE_PG_PORT", String.valueOf(port));
            builder.environment().put("RELEASE_PIPELINE_PG_DATA", "/tmp/release-pipeline-pg-" + port);
            if (builder.start().waitFor() != 0) {
                throw new IllegalStateException("scripts/postgres.sh stop failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/postgres.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String script(Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "scripts/postgres.sh")
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(env);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || !out.startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException("scripts/postgres.sh failed: " + out);
            }
            return out.lines().reduce((a, b) -> b).orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/postgres.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
