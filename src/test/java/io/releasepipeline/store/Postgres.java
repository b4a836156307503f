package io.releasepipeline.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + url(), e);
        }
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String start() {
        try {
            Process p = new ProcessBuilder("bash", "scripts/postgres.sh").redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
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
