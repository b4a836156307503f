package io.releasepipeline.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.promotion.JdbcStore;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import io.releasepipeline.store.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two runtimes sharing one PostgreSQL, fed the same promotions at the same time, deploy each package once. */
class TwoRuntimesOnePostgresTest {

    @Test
    void samePromotionsFedToTwoRuntimesDeployEachPackageOnce() throws Exception {
        try (Simulator simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(0)
                .withDurations(Duration.ofMillis(800), Duration.ofMillis(300)))) {
            String url = Postgres.freshSchemaUrl();
            String store = "promotion.store = postgresql\npromotion.store-url = " + url + "\n";
            Path a = ChildRuntime.workDir(simulator, store);
            Path b = ChildRuntime.workDir(simulator, store);
            List<String> requests = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String item = simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                        List.of("twin_" + i)).get(0);
                requests.add("{\"workspace\": \"" + DemoData.WORKSPACE + "\", \"pending_item_ids\": [\"" + item
                        + "\"], \"package_name\": \"twin" + i + "_20260101000000000\", \"correlation_id\": \"twin-" + i
                        + "\", \"apply_user_id\": \"" + DemoData.APPLY_USER_ID + "\", \"approver_ids\": [\""
                        + DemoData.APPROVER_ID + "\"], \"startup_mode\": 0}");
            }
            Process first = ChildRuntime.start(a, a.resolve("runtime.log"), Map.of());
            Process second = ChildRuntime.start(b, b.resolve("runtime.log"), Map.of());
            try {
                for (Path work : List.of(a, b)) {
                    Path inbox = Files.createDirectories(work.resolve("data/inbox"));
                    for (int i = 0; i < requests.size(); i++) {
                        Files.writeString(inbox.resolve("twin-" + i + ".json"), requests.get(i));
                    }
                }
                JdbcStore journal = new JdbcStore(url, null, null);
                // each request reached both runtimes with the same correlation_id: one promotion each, one outcome
                assertTrue(ChildRuntime.waitFor(() -> journal.journal().size() >= requests.size()
                        && done(a) == requests.size() && done(b) == requests.size(),
                        Duration.ofSeconds(90)), "both runtimes took every file:\n" + journal.journal() + "\n"
                        + ChildRuntime.read(a.resolve("runtime.log")) + ChildRuntime.read(b.resolve("runtime.log")));
                Thread.sleep(1000);
                assertEquals(requests.size(), journal.journal().size(), "one outcome per request: "
                        + journal.journal());
                assertTrue(journal.journal().stream().allMatch(l -> l.contains("\"outcome\":\"SUCCEEDED\"")),
                        String.valueOf(journal.journal()));
            } finally {
                first.destroy();
                second.destroy();
                first.waitFor();
                second.waitFor();
            }
            simulator.world().deploysByPackage().forEach((pkg, n) -> assertTrue(n == 1, pkg + " deployed " + n));
            for (int i = 0; i < requests.size(); i++) {
                long created = simulator.scenarios().packagesNamed(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                        "twin" + i + "_20260101000000000");
                assertTrue(created == 1, "twin" + i + " created " + created + " times");
            }
            assertTrue(simulator.world().deploysByPackage().size() == requests.size(), "every package deployed");
        }
    }

    /** Inbox files a runtime has taken (moved to done/). */
    private static long done(Path work) {
        try (var files = Files.list(work.resolve("data/inbox/done"))) {
            return files.count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
