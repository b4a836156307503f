package io.releasepipeline.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.promotion.CrashPoint;
import io.releasepipeline.promotion.JdbcStore;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import io.releasepipeline.store.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two runtimes on one PostgreSQL: a promotion belongs to the runtime that runs it (a lease renewed by its
 * heartbeat); another runtime takes it over only once that lease has expired, and then runs it to one outcome.
 */
class LeasesTest {

    private static final String LEASES = "promotion.lease-ms = 3000\npromotion.lease-renew-ms = 500\n";

    private static String request(String item, String name) {
        return "{\"workspace\": \"" + DemoData.WORKSPACE + "\", \"pending_item_ids\": [\"" + item
                + "\"], \"package_name\": \"" + name + "\", \"apply_user_id\": \"" + DemoData.APPLY_USER_ID
                + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"], \"startup_mode\": 0}";
    }

    @Test
    void aSecondRuntimeStartedWhileTheFirstDeploysSlowlyDoesNotRunThePromotionAgain() throws Exception {
        try (Simulator simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(0)
                .withDurations(Duration.ofMillis(500), Duration.ofMillis(300)))) {
            // the deploy call is answered after 6 s: well within the read timeout, longer than the lease
            simulator.faults().add(Fault.latency("DeployFactoryPackages", 6000).times(1));
            String url = Postgres.freshSchemaUrl();
            String store = "promotion.store = postgresql\npromotion.store-url = " + url + "\n" + LEASES;
            Path a = ChildRuntime.workDir(simulator, store);
            Path b = ChildRuntime.workDir(simulator, store);
            String item = simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                    List.of("slow_deploy")).get(0);
            Process first = ChildRuntime.start(a, a.resolve("runtime.log"), Map.of());
            Process second = null;
            try {
                Files.writeString(Files.createDirectories(a.resolve("data/inbox")).resolve("slow.json"),
                        request(item, "slow"));
                assertTrue(ChildRuntime.waitFor(() -> ChildRuntime.read(a.resolve("runtime.log")).contains(" DEPLOY"),
                        Duration.ofSeconds(60)), ChildRuntime.read(a.resolve("runtime.log")));
                Thread.sleep(1000);
                second = ChildRuntime.start(b, b.resolve("runtime.log"), Map.of());
                JdbcStore journal = new JdbcStore(url, null, null);
                assertTrue(ChildRuntime.waitFor(() -> !journal.journal().isEmpty(), Duration.ofSeconds(60)),
                        ChildRuntime.read(a.resolve("runtime.log")) + ChildRuntime.read(b.resolve("runtime.log")));
                Thread.sleep(2000);
                assertEquals(1, journal.journal().size(), "one outcome: " + journal.journal());
                assertTrue(journal.journal().get(0).contains("\"outcome\":\"SUCCEEDED\""), journal.journal().get(0));
                assertTrue(!ChildRuntime.read(b.resolve("runtime.log")).contains("RESUMED"),
                        "the second runtime resumed nothing:\n" + ChildRuntime.read(b.resolve("runtime.log")));
            } finally {
                first.destroy();
                first.waitFor();
                if (second != null) {
                    second.destroy();
                    second.waitFor();
                }
            }
            simulator.world().deploysByPackage().forEach((pkg, n) -> assertEquals(1, n, pkg + " deploys"));
        }
    }

    @Test
    void aRuntimeKilledMidPromotionIsTakenOverByAnotherOnceItsLeaseExpires() throws Exception {
        try (Simulator simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(0)
                .withDurations(Duration.ofMillis(500), Duration.ofMillis(300)))) {
            String url = Postgres.freshSchemaUrl();
            String store = "promotion.store = postgresql\npromotion.store-url = " + url + "\n" + LEASES;
            Path a = ChildRuntime.workDir(simulator, store);
            Path b = ChildRuntime.workDir(simulator, store);
            String item = simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                    List.of("orphan")).get(0);
            Process first = ChildRuntime.start(a, a.resolve("runtime.log"), Map.of(CrashPoint.ENV, "polling"));
            Process second = ChildRuntime.start(b, b.resolve("runtime.log"), Map.of());
            try {
                Files.writeString(Files.createDirectories(a.resolve("data/inbox")).resolve("orphan.json"),
                        request(item, "orphan"));
                assertTrue(ChildRuntime.waitFor(() -> ChildRuntime.read(a.resolve("runtime.log"))
                        .contains("PAUSED AT polling"), Duration.ofSeconds(60)), ChildRuntime.read(a.resolve(
                        "runtime.log")));
                first.destroyForcibly();
                first.waitFor();
                JdbcStore journal = new JdbcStore(url, null, null);
                // the second runtime was running all along: its scan takes the promotion once the lease expired
                assertTrue(ChildRuntime.waitFor(() -> !journal.journal().isEmpty(), Duration.ofSeconds(60)),
                        ChildRuntime.read(b.resolve("runtime.log")));
                Thread.sleep(1000);
                assertEquals(1, journal.journal().size(), "one outcome: " + journal.journal());
                assertTrue(journal.journal().get(0).contains("\"outcome\":\"SUCCEEDED\""), journal.journal().get(0));
                assertTrue(ChildRuntime.read(b.resolve("runtime.log")).contains("RESUMED"),
                        ChildRuntime.read(b.resolve("runtime.log")));
            } finally {
                first.destroyForcibly();
                second.destroy();
                second.waitFor();
            }
            simulator.world().deploysByPackage().forEach((pkg, n) -> assertEquals(1, n, pkg + " deploys"));
        }
    }
}
