package io.releasepipeline.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Builds the Camel runtime: application.properties from the working directory when present (else the packaged
 * one), which names the configuration classes (camel.main.configurationClasses), and routes from ./routes when
 * present (else the packaged ones).
 */
final class Runtime {

    private Runtime() {
    }

    /** application.properties, then application-<profile>.properties on top (each from ./ when present). */
    static String propertiesLocation() {
        String base = location("application.properties");
        String profile = System.getenv("CAMEL_MAIN_PROFILE");
        if (profile == null || profile.isBlank()) {
            DefaultCamelContext probe = new DefaultCamelContext();
            probe.getPropertiesComponent().setLocation(base);
            profile = probe.getPropertiesComponent().resolveProperty("camel.main.profile").orElse("sandbox");
        }
        if (!profile.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("camel.main.profile=" + profile + " must be a plain name (sandbox, prod)");
        }
        String overlay = location("application-" + profile.trim() + ".properties");
        // the first location that has a key wins: the profile's file goes first
        return overlay + ";optional=true," + base;
    }

    private static String location(String file) {
        return Files.isRegularFile(Path.of(file)) ? "file:" + file : "classpath:" + file;
    }

    /** The configuration alone, without starting anything (for commands that only read the stores). */
    static PropertiesComponent properties() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation(propertiesLocation());
        return context.getPropertiesComponent();
    }

    static Main create(Properties overrides) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(propertiesLocation());
        Properties settings = new Properties();
        if (Files.isDirectory(Path.of("routes"))) {
            // ./routes, when there is one, instead of the packaged routes application.properties names
            settings.setProperty("camel.main.routesIncludePattern", "file:routes/*.camel.yaml");
        }
        if (overrides != null) {
            settings.putAll(overrides);
        }
        main.setOverrideProperties(settings);
        return main;
    }

    /** The settings of a one-pass command: no webhook server, no inbox, no schedules. */
    static Properties onePass() {
        Properties p = new Properties();
        p.setProperty("promotion.triggers", "false");
        p.setProperty("camel.server.enabled", "false");
        // the webhook's REST API needs the server: without it, its routes are not loaded at all
        p.setProperty("camel.main.routesExcludePattern", "**/webhook.camel.yaml");
        p.setProperty("camel.management.enabled", "false");
        return p;
    }

    /** What a one-pass command does with its started runtime; answers the exit code. */
    interface Work {
        int run(org.apache.camel.CamelContext context) throws InterruptedException;
    }

    /**
     * Starts a one-pass runtime (with {@code extra} settings on top, may be null), runs the work on it and stops
     * it: exit 2 when it cannot start (one line on {@code err}), 1 when interrupted.
     */
    static int withOnePass(PrintStream err, Properties extra, Work work) {
        Main main = start(err, extra);
        if (main == null) {
            return io.releasepipeline.cli.Main.USAGE;
        }
        try {
            return work.run(main.getCamelContext());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return io.releasepipeline.cli.Main.FAILED;
        } finally {
            main.stop();
        }
    }

    /** A started one-pass runtime, or null after one line on {@code err} saying why it could not start. */
    private static Main start(PrintStream err, Properties extra) {
        Properties overrides = onePass();
        if (extra != null) {
            overrides.putAll(extra);
        }
        Main main = create(overrides);
        try {
            main.start();
            return main;
        } catch (Exception e) {
            err.println("release-pipeline: configuration: " + reason(e));
            main.stop();
            return null;
        }
    }

    /** The message a person needs from a failed start: the innermost IllegalArgumentException's, else the cause's. */
    static String reason(Throwable failure) {
        Throwable t = failure;
        Throwable last = failure;
        while (t != null) {
            if (t instanceof IllegalArgumentException) {
                return t.getMessage();
            }
            last = t;
            t = t.getCause();
        }
        return last.getClass().getSimpleName() + (last.getMessage() != null ? ": " + last.getMessage() : "");
    }
}
