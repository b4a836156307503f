package io.releasepipeline.promotion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.quartz.Scheduler;

/**
 * The tables of Quartz's JDBC job store (qrtz_*), from the PostgreSQL script the quartz jar ships, so they always
 * match the Quartz on the classpath. The script drops and creates; run at every start by several runtimes, it must
 * only create what is missing: its drops are left out and its creates made "if not exists".
 */
final class QuartzTables {

    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    private QuartzTables() {
    }

    /** The script's create statements, each safe to run again. */
    static String[] statements() {
        String script = withoutComments(read());
        List<String> creates = Arrays.stream(script.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                .filter(s -> !s.regionMatches(true, 0, "DROP ", 0, 5) && !s.equalsIgnoreCase("COMMIT"))
                .map(s -> s.replaceFirst("(?i)^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
                        .replaceFirst("(?i)^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "))
                .toList();
        // a later Quartz whose script does something else (alter, insert) is refused rather than run half-understood
        List<String> other = creates.stream().filter(s -> !s.matches("(?is)^CREATE (TABLE|INDEX) IF NOT EXISTS .*"))
                .toList();
        if (creates.isEmpty() || !other.isEmpty()) {
            throw new IllegalStateException(SCRIPT + " has statements the schema step does not know: " + other);
        }
        return creates.toArray(String[]::new);
    }

    private static String read() {
        try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath (the quartz jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCRIPT, e);
        }
    }

    private static String withoutComments(String script) {
        return script.lines().filter(l -> !l.trim().startsWith("--")).collect(Collectors.joining("\n"));
    }
}
