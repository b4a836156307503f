package io.releasepipeline.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.promotion.PostgresDatabase;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import io.releasepipeline.store.Postgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Three runtimes on one PostgreSQL with the same definition every 2 s: each slot fires on one runtime (Quartz's
 * clustered job store) and starts one promotion; when the runtime that fires them stops, the others go on.
 */
class ClusteredSchedulesTest {

    private static final long PERIOD = 2000;
    private static final Pattern FIRED = Pattern.compile("schedule tick fired: slot (schedule:tick@(\\d+))");

    @Test
    void threeRuntimesFireEachSlotOnceAndTheOthersGoOnWhenTheFiringOneStops() throws Exception {
        try (Simulator simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(0)
                .withDurations(Duration.ofMillis(300), Duration.ofMillis(200)))) {
            String url = Postgres.freshSchemaUrl();
            String properties = "promotion.store = postgresql\npromotion.store-url = " + url + "\n"
                    + "promotion.lease-ms = 3000\npromotion.lease-renew-ms = 1000\n"
                    + "camel.management.enabled = false\n"
                    + "promotion.definitions = tick\n"
                    + "promotion.tick.schedule = period:" + PERIOD + "\n"
                    + "promotion.tick.workspace = " + DemoData.WORKSPACE + "\n"
                    + "promotion.tick.item-name = clustered_tick\n"
                    + "promotion.tick.apply-user-id = " + DemoData.APPLY_USER_ID + "\n"
                    + "promotion.tick.approver-ids = " + DemoData.APPROVER_ID + "\n";
            // the first slot releases this item; later slots find nothing left and end with nothing to release
            simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                    List.of("clustered_tick_first"));
            PostgresDatabase db = new PostgresDatabase(url, null, null);
            List<Path> works = new ArrayList<>();
            List<Process> runtimes = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Path work = ChildRuntime.workDir(simulator, properties);
                    works.add(work);
                    runtimes.add(ChildRuntime.start(work, work.resolve("runtime.log"), Map.of()));
                }
                assertTrue(ChildRuntime.waitFor(() -> schedulers(db) == 3, Duration.ofSeconds(60)),
                        "three Quartz schedulers checked in:\n" + logs(works));
                int before = fired(works).size();
                assertTrue(ChildRuntime.waitFor(() -> fired(works).size() >= before + 4, Duration.ofSeconds(20)),
                        "slots fire with three runtimes:\n" + logs(works));

                // stop (SIGTERM) the runtime that fired the latest slot: its trigger must fire elsewhere
                int firing = lastFiring(works);
                runtimes.get(firing).destroy();
                runtimes.get(firing).waitFor();
                int atStop = fired(works).size();
                simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                        List.of("clustered_tick_after"));
                assertTrue(ChildRuntime.waitFor(() -> fired(works).size() >= atStop + 4, Duration.ofSeconds(25)),
                        "slots go on after runtime " + firing + " stopped:\n" + logs(works));
            } finally {
                runtimes.forEach(Process::destroy);
                for (Process p : runtimes) {
                    p.waitFor();
                }
            }

            Map<Long, String> slots = new TreeMap<>();
            for (String slot : fired(works)) {
                long at = Long.parseLong(slot.substring(slot.indexOf('@') + 1));
                assertTrue(slots.put(at, slot) == null, slot + " fired on two runtimes:\n" + logs(works));
            }
            List<Long> times = new ArrayList<>(slots.keySet());
            for (int i = 1; i < times.size(); i++) {
                assertTrue(times.get(i) - times.get(i - 1) >= PERIOD - 100, "two slots within one period: "
                        + times.get(i - 1) + ", " + times.get(i));
            }
            // one promotion per slot: every fired slot was accepted once, and no other scheduled promotion exists
            assertEquals(List.copyOf(slots.values()), db.strings("select idempotency_key from rp_idempotency_keys "
                    + "where idempotency_key like 'schedule:tick@%' order by idempotency_key"));
            List<String> outcomes = db.strings("select coalesce(outcome, 'NONE') from rp_promotions "
                    + "where snapshot::json->'request'->>'package_name' like 'tick_%'");
            assertEquals(slots.size(), outcomes.size(), "promotions: " + outcomes);
            assertTrue(outcomes.stream().noneMatch(o -> o.equals("DEAD_LETTERED") || o.equals("REJECTED")),
                    String.valueOf(outcomes));
            assertEquals(List.of(), db.strings("select id from rp_dead_letters"), "no dead letters");
            simulator.world().deploysByPackage().forEach((pkg, n) -> assertEquals(1, n, pkg + " deploys"));
            System.out.println("clustered schedules: " + slots.size() + " slots, " + outcomes.size()
                    + " promotions, outcomes " + outcomes + ", fired by runtime " + firedBy(works));
        }
    }

    /** Quartz schedulers that have checked in with the cluster. */
    private static int schedulers(PostgresDatabase db) {
        try {
            return db.strings("select instance_name from qrtz_scheduler_state").size();
        } catch (IllegalStateException e) {
            return 0; // the tables are not there yet
        }
    }

    /** Every "fired" line of every runtime: the slot keys, one per firing. */
    private static List<String> fired(List<Path> works) {
        List<String> slots = new ArrayList<>();
        for (Path work : works) {
            Matcher m = FIRED.matcher(ChildRuntime.read(work.resolve("runtime.log")));
            while (m.find()) {
                slots.add(m.group(1));
            }
        }
        return slots;
    }

    /** The runtime whose log has the latest slot. */
    private static int lastFiring(List<Path> works) {
        int latest = -1;
        long at = -1;
        for (int i = 0; i < works.size(); i++) {
            Matcher m = FIRED.matcher(ChildRuntime.read(works.get(i).resolve("runtime.log")));
            while (m.find()) {
                if (Long.parseLong(m.group(2)) > at) {
                    at = Long.parseLong(m.group(2));
                    latest = i;
                }
            }
        }
        return latest;
    }

    private static Map<Integer, Integer> firedBy(List<Path> works) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < works.size(); i++) {
            counts.put(i, fired(List.of(works.get(i))).size());
        }
        return counts;
    }

    private static String logs(List<Path> works) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < works.size(); i++) {
            all.append("--- runtime ").append(i).append('\n')
                    .append(ChildRuntime.read(works.get(i).resolve("runtime.log")));
        }
        return all.toString();
    }
}
