package io.releasepipeline.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.promotion.CrashPoint;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        work = Files.createTempDirectory("crash-safety");
        String properties = Files.readString(Path.of("application.properties")) + "\n"
                + "simulator.embedded = false\n"
                + "cloud.dataarts.endpoint = " + simulator.baseUrl() + "\n"
                + "cloud.servicestage.endpoint = " + simulator.baseUrl() + "\n"
                + "cloud.roma.endpoint = " + simulator.baseUrl() + "\n"
                + "cloud.iam.endpoint = " + simulator.baseUrl() + "\n"
                + "camel.server.port = " + freePort() + "\n"
                + "poll.initial-delay-ms = 200\npoll.max-interval-ms = 300\n"
                + "retry.initial-delay-ms = 50\nretry.max-delay-ms = 100\n";
        Files.writeString(work.resolve("application.properties"), properties);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process runtime(String pauseAt, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.releasepipeline.cli.Main", "run")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CLOUD_SDK_AK", DemoData.AK);
        builder.environment().put("CLOUD_SDK_SK", DemoData.SK);
        builder.environment().put("WEBHOOK_TOKEN", "crash-test-token");
        if (pauseAt != null) {
            builder.environment().put(CrashPoint.ENV, pauseAt);
        }
        return builder.start();
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
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
                ? simulator.addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE, List.of("crash_" + point))
                : List.of("404404");
        Path inbox = Files.createDirectories(work.resolve("data/inbox"));
        Files.writeString(inbox.resolve("request.json"), "{\"workspace\": \"" + DemoData.WORKSPACE + "\","
                + " \"pending_item_ids\": [\"" + ids.get(0) + "\"], \"package_name\": \"crash\", \"apply_user_id\": \""
                + DemoData.APPLY_USER_ID + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"],"
                + " \"startup_mode\": 0}");

        Path firstLog = work.resolve("first.log");
        Process first = runtime(point, firstLog);
        try {
            assertTrue(waitFor(() -> read(firstLog).contains("PAUSED AT " + point), Duration.ofSeconds(60)),
                    "reached " + point + ":\n" + read(firstLog));
        } finally {
            first.destroyForcibly();
            first.waitFor();
        }
        Path journal = work.resolve("data/journal.jsonl");
        assertEquals("", read(journal), "no outcome before the crash");

        Path secondLog = work.resolve("second.log");
        Process second = runtime(null, secondLog);
        try {
            assertTrue(waitFor(() -> read(journal).contains("\"outcome\""), Duration.ofSeconds(60)),
                    "an outcome after the restart:\n" + read(secondLog));
            Thread.sleep(1000);
        } finally {
            second.destroy();
            second.waitFor();
        }
        List<String> lines = read(journal).lines().toList();
        assertEquals(1, lines.size(), "exactly one outcome: " + lines);
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals(outcome, line.get("outcome").asText(), line.toString());
        assertTrue(read(secondLog).contains("RESUMED"), read(secondLog));
        simulator.world().deploysByPackage().forEach((pkg, n) -> assertTrue(n <= 1, pkg + " deployed " + n + " times"));
        if (outcome.equals("SUCCEEDED")) {
            String name = line.get("packages").get(0).get("package_name").asText();
            assertEquals(1, simulator.packagesNamed(DemoData.PROJECT_ID, DemoData.WORKSPACE, name));
        } else {
            try (Stream<Path> letters = Files.list(work.resolve("data/dead-letters"))) {
                assertTrue(letters.anyMatch(f -> f.getFileName().toString().matches("dl-[0-9a-f]{12}\\.json")));
            }
        }
    }
}
