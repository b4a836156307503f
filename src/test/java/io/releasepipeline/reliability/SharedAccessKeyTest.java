package io.releasepipeline.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two runtimes on one AK at the provider's limit (10 requests per second per user and API): each runtime's client
 * rate drops on the 429s their shared excess draws and climbs back slowly, so together they settle under the limit;
 * throttling paces promotions, it never dead-letters one. Prints the share of calls answered 429
 * (docs/performance.md, "Several runtimes on one AK").
 */
class SharedAccessKeyTest {

    private static final int PER_RUNTIME = 100;

    @Test
    void twoRuntimesOnOneAkAtTheProvidersLimitDeadLetterNothing() throws Exception {
        try (Simulator simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(10)
                .withDurations(Duration.ofMillis(800), Duration.ofMillis(300)))) {
            Path a = ChildRuntime.workDir(simulator, "");
            Path b = ChildRuntime.workDir(simulator, "");
            List<String> items = simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                    names(2 * PER_RUNTIME));
            Process first = ChildRuntime.start(a, a.resolve("runtime.log"), Map.of());
            Process second = ChildRuntime.start(b, b.resolve("runtime.log"), Map.of());
            long started = System.nanoTime();
            try {
                for (int r = 0; r < 2; r++) {
                    Path inbox = Files.createDirectories((r == 0 ? a : b).resolve("data/inbox"));
                    for (int i = r * PER_RUNTIME; i < (r + 1) * PER_RUNTIME; i++) {
                        Files.writeString(inbox.resolve("ak-" + i + ".json"), request(items.get(i), i));
                    }
                }
                assertTrue(ChildRuntime.waitFor(() -> outcomes(a).size() + outcomes(b).size() >= 2 * PER_RUNTIME,
                        Duration.ofSeconds(300)), "every promotion ended: " + outcomes(a).size() + " + "
                        + outcomes(b).size() + "\n" + ChildRuntime.read(a.resolve("runtime.log")));
            } finally {
                first.destroy();
                second.destroy();
                first.waitFor();
                second.waitFor();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<String> outcomes = new ArrayList<>(outcomes(a));
            outcomes.addAll(outcomes(b));
            long succeeded = outcomes.stream().filter(l -> l.contains("\"outcome\":\"SUCCEEDED\"")).count();
            long throttledDeadLetters = outcomes.stream().filter(l -> l.contains("THROTTLED")).count();
            long calls = simulator.calls();
            long throttled = simulator.throttled();
            System.out.printf("shared AK: %d promotions on 2 runtimes in %.1f s, %d calls, %d answered 429 (%.2f%%),"
                    + " %d succeeded, %d THROTTLED dead letters%n", outcomes.size(), seconds, calls, throttled,
                    100.0 * throttled / calls, succeeded, throttledDeadLetters);
            assertEquals(0, throttledDeadLetters, String.valueOf(outcomes));
            // a fixed rate per runtime drew 429 on 30% of the calls here (docs/performance.md); the adaptive one 8 to 11%
            assertTrue(throttled < 0.2 * calls, "the runtimes settled under the shared limit: " + throttled + " of "
                    + calls + " calls answered 429");
            assertEquals(2 * PER_RUNTIME, succeeded, String.valueOf(outcomes));
            simulator.world().deploysByPackage().forEach((pkg, n) -> assertEquals(1, n, pkg + " deployed " + n));
        }
    }

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("shared_ak_" + i);
        }
        return names;
    }

    private static String request(String item, int i) {
        return "{\"workspace\": \"" + DemoData.WORKSPACE + "\", \"pending_item_ids\": [\"" + item
                + "\"], \"package_name\": \"ak" + i + "_20260101000000000\", \"apply_user_id\": \""
                + DemoData.APPLY_USER_ID + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID
                + "\"], \"startup_mode\": 0}";
    }

    private static List<String> outcomes(Path work) {
        return ChildRuntime.read(work.resolve("data/journal.jsonl")).lines().toList();
    }
}
