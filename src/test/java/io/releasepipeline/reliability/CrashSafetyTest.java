package io.releasepipeline.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.promotion.CrashPoint;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runtime as a child JVM, killed with SIGKILL at each boundary between durable steps and started again on the
 * same store: the promotion resumes, reaches exactly one outcome, and no package is deployed twice.
 */
class CrashSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Simulator simulator;
    private Path work;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(0)
                .withDurations(Duration.ofMillis(1500), Duration.ofMillis(300)));
        work = ChildRuntime.workDir(simulator, storeProperties());
    }

    /** Properties choosing the store under test (the embedded file store by default). */
    /** The dead letters the runtime stored (files with the file store). */
    protected List<String> deadLetterIds() throws java.io.IOException {
        try (Stream<Path> letters = Files.list(work.resolve("data/dead-letters"))) {
            return letters.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - 5)).toList();
        }
    }

    protected String storeProperties() {
        return "";
    }

    /** The journal's lines, from that store. */
    protected List<String> journal() {
        return ChildRuntime.read(work.resolve("data/journal.jsonl")).lines().toList();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @CsvSource({
        "after-create, ok, SUCCEEDED",
        "after-deploy, ok, SUCCEEDED",
        "polling, ok, SUCCEEDED",
        "dead-letter-write, missing, DEAD_LETTERED"})
    void killedAtABoundaryTheRestartedRuntimeResumesToOneOutcomeAndNeverDeploysTwice(String point, String items,
                                                                                      String outcome)
            throws Exception {
        List<String> ids = items.equals("ok")
                ? simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                        List.of("crash_" + point))
                : List.of("404404");
        Path inbox = Files.createDirectories(work.resolve("data/inbox"));
        Files.writeString(inbox.resolve("request.json"), "{\"workspace\": \"" + DemoData.WORKSPACE + "\","
                + " \"pending_item_ids\": [\"" + ids.get(0) + "\"], \"package_name\": \"crash\", \"apply_user_id\": \""
                + DemoData.APPLY_USER_ID + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"],"
                + " \"startup_mode\": 0}");

        Path firstLog = work.resolve("first.log");
        Process first = ChildRuntime.start(work, firstLog, Map.of(CrashPoint.ENV, point));
        try {
            assertTrue(ChildRuntime.waitFor(() -> ChildRuntime.read(firstLog).contains("PAUSED AT " + point),
                    Duration.ofSeconds(60)),
                    "reached " + point + ":\n" + ChildRuntime.read(firstLog));
        } finally {
            first.destroyForcibly();
            first.waitFor();
        }
        assertEquals(List.of(), journal(), "no outcome before the crash");

        Path secondLog = work.resolve("second.log");
        Process second = ChildRuntime.start(work, secondLog, Map.of());
        try {
            assertTrue(ChildRuntime.waitFor(() -> !journal().isEmpty(), Duration.ofSeconds(60)),
                    "an outcome after the restart:\n" + ChildRuntime.read(secondLog));
            Thread.sleep(1000);
        } finally {
            second.destroy();
            second.waitFor();
        }
        List<String> lines = journal();
        assertEquals(1, lines.size(), "exactly one outcome: " + lines);
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals(outcome, line.get("outcome").asText(), line.toString());
        assertTrue(ChildRuntime.read(secondLog).contains("RESUMED"), ChildRuntime.read(secondLog));
        simulator.world().deploysByPackage().forEach((pkg, n) -> assertTrue(n <= 1, pkg + " deployed " + n + " times"));
        if (outcome.equals("SUCCEEDED")) {
            String name = line.get("packages").get(0).get("package_name").asText();
            assertEquals(1, simulator.scenarios().packagesNamed(DemoData.PROJECT_ID, DemoData.WORKSPACE, name));
        } else {
            assertTrue(deadLetterIds().stream().anyMatch(id -> id.matches("dl-[0-9a-f]{12}")), "a dead letter");
        }
    }

    @org.junit.jupiter.api.Test
    void sigtermStopsWithinTheShutdownTimeoutAndTheRestartFinishesThePromotion() throws Exception {
        String item = simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                List.of("term_a")).get(0);
        Path inbox = Files.createDirectories(work.resolve("data/inbox"));
        Files.writeString(inbox.resolve("request.json"), "{\"workspace\": \"" + DemoData.WORKSPACE + "\","
                + " \"pending_item_ids\": [\"" + item + "\"], \"package_name\": \"term\", \"apply_user_id\": \""
                + DemoData.APPLY_USER_ID + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"]}");
        Path firstLog = work.resolve("first.log");
        Process first = ChildRuntime.start(work, firstLog, Map.of(CrashPoint.ENV, "polling"));
        assertTrue(ChildRuntime.waitFor(() -> ChildRuntime.read(firstLog).contains("PAUSED AT polling"),
                Duration.ofSeconds(60)), ChildRuntime.read(firstLog));
        long stopping = System.nanoTime();
        first.destroy();
        assertTrue(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "stopped on SIGTERM");
        assertTrue(Duration.ofNanos(System.nanoTime() - stopping).toSeconds() < 25,
                "within camel.main.shutdownTimeout (10 s) and a margin");
        Path secondLog = work.resolve("second.log");
        Process second = ChildRuntime.start(work, secondLog, Map.of());
        try {
            assertTrue(ChildRuntime.waitFor(() -> !journal().isEmpty(), Duration.ofSeconds(60)),
                    ChildRuntime.read(secondLog));
        } finally {
            second.destroy();
            second.waitFor();
        }
        assertEquals(1, journal().size());
        assertTrue(journal().get(0).contains("\"outcome\":\"SUCCEEDED\""), journal().get(0));
        simulator.world().deploysByPackage().forEach((pkg, n) -> assertTrue(n <= 1, pkg + " deployed " + n));
    }
}
