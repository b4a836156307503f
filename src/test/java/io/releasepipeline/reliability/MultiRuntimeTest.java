package io.releasepipeline.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.CloudRouteTestSupport;
import io.releasepipeline.promotion.JdbcStore;
import io.releasepipeline.promotion.Outcome;
import io.releasepipeline.promotion.PromotionSnapshot;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import io.releasepipeline.store.Postgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across runtimes: three runtimes (child JVMs) on one PostgreSQL and one simulator take 60 webhook
 * requests, among them repeats by idempotency key sent to another runtime, requests for items another promotion
 * holds, and overlapping selectors; a definition scheduled every few seconds on all three; deploy calls answered
 * after the client's read timeout; one runtime killed (SIGKILL) and another stopped (SIGTERM) in the middle. The
 * totals are asserted and, with {@code -Dreliability.doc=docs/reliability.md}, written beside the fault matrix.
 */
class MultiRuntimeTest {

    /** The heading of this test's section in docs/reliability.md (after the fault matrix). */
    static final String SECTION = "## Several runtimes on one store";
    private static final String TOKEN = "child-runtime-token";
    private static final int DISTINCT = 40;
    private static final int REPEATS = 12;
    private static final int SAME_ITEMS = 5;
    private static final int SELECTORS = 3;
    private static final Pattern PROMOTION_ID = Pattern.compile("\"promotion_id\":\"(p-[0-9a-f]{12})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private record Runtime(String name, Path work, int port, Process process) {
    }

    @Test
    void threeRuntimesOnOnePostgresReleaseEachRequestExactlyOnce() throws Exception {
        try (Simulator simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(10)
                .withDurations(Duration.ofMillis(2500), Duration.ofMillis(300)))) {
            String url = Postgres.freshSchemaUrl();
            List<String> items = simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                    names("multi_", DISTINCT));
            simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE, names("overlap_", 6));
            // the first deploys are answered after the runtimes' read timeout (2 s): they land, the client gave up
            simulator.faults().add(Fault.latency("DeployFactoryPackages", 3000).times(4));
            List<Runtime> runtimes = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                int port = CloudRouteTestSupport.freePort();
                Path work = ChildRuntime.workDir(simulator, settings(url, port));
                runtimes.add(new Runtime(name, work, port, ChildRuntime.start(work, work.resolve("runtime.log"),
                        Map.of())));
            }
            JdbcStore store = new JdbcStore(url, null, null);
            Map<String, String> accepted = new LinkedHashMap<>();   // idempotency key -> promotion id
            int repeatsAnswered = 0;
            try {
                for (Runtime r : runtimes) {
                    assertTrue(ChildRuntime.waitFor(() -> up(r), Duration.ofSeconds(60)), r.name() + " started:\n"
                            + ChildRuntime.read(r.work().resolve("runtime.log")));
                }
                // the distinct requests, spread over the three runtimes
                for (int i = 0; i < DISTINCT; i++) {
                    accepted.put("key-" + i, post(runtimes.get(i % 3), "key-" + i, explicit(items.get(i), "multi" + i),
                            202));
                }
                // SIGKILL while its promotions run: their leases expire and the others take them over
                runtimes.get(0).process().destroyForcibly();
                runtimes.get(0).process().waitFor();
                // the same items again under new keys (a second tool, a person): DUPLICATE, never a second package
                for (int j = 0; j < SAME_ITEMS; j++) {
                    accepted.put("again-" + j, post(runtimes.get(1 + j % 2), "again-" + j,
                            explicit(items.get(j), "again" + j), 202));
                }
                for (int s = 0; s < SELECTORS; s++) {
                    accepted.put("overlap-" + s, post(runtimes.get(1 + s % 2), "overlap-" + s, selector("overlap" + s),
                            202));
                }
                // a CI system retrying after a timeout: the same key to another runtime answers the first promotion
                for (int i = 0; i < REPEATS; i++) {
                    Runtime to = runtimes.get(1 + i % 2);
                    String id = post(to, "key-" + i, explicit(items.get(i), "multi" + i), 200);
                    assertEquals(accepted.get("key-" + i), id, "a repeat answers the promotion of its key");
                    repeatsAnswered++;
                }
                runtimes.get(1).process().destroy();                         // SIGTERM: leases given up
                assertTrue(ChildRuntime.waitFor(() -> !runtimes.get(1).process().isAlive(), Duration.ofSeconds(30)));
                Runtime last = runtimes.get(2);
                assertTrue(ChildRuntime.waitFor(() -> everyPromotionEnded(store, accepted.values()),
                        Duration.ofSeconds(180)), "every promotion ended on the runtime left: "
                        + store.inFlight().stream().map(PromotionSnapshot::id).toList() + "\n"
                        + ChildRuntime.read(last.work().resolve("runtime.log")));
                // a few more slots of the schedule on the runtime left
                Thread.sleep(4000);
                last.process().destroy();
                last.process().waitFor();
            } finally {
                runtimes.forEach(r -> r.process().destroyForcibly());
            }

            Totals totals = totals(url, store, accepted, repeatsAnswered, runtimes, simulator);
            System.out.println(totals.table());
            String doc = System.getProperty("reliability.doc");
            if (doc != null) {
                totals.writeTo(Path.of(doc));
            }
            assertEquals(0, totals.lost, "lost");
        assertTrue(totals.leftInFlight <= 1, "only a slot fired as the last runtime stopped: " + totals.leftInFlight);
            assertEquals(0, totals.falseDeadLetters, "false dead letters: " + totals.deadLettered);
            assertEquals(1, totals.maxPackagesPerItemSet, "packages per set of items");
        assertEquals(1, totals.maxPackagesPerItem, "packages per pending item");
            assertTrue(totals.maxDeploysPerPackage <= 1, "deploys per package: " + totals.maxDeploysPerPackage);
            assertEquals(1, totals.minOutcomesPerPromotion, "outcomes per promotion");
            assertEquals(1, totals.maxOutcomesPerPromotion, "outcomes per promotion");
            assertEquals(REPEATS, totals.repeats);
            assertTrue(totals.duplicates >= SAME_ITEMS, "DUPLICATE outcomes: " + totals.duplicates);
            assertTrue(totals.takeovers > 0, "the killed runtime's promotions were taken over");
            assertEquals(totals.slots, totals.scheduled, "one promotion per schedule slot, each stored with its key");
        assertTrue(totals.firings <= totals.slots + 1, "each slot fired on one runtime (Quartz's clustered job store; "
                + "a slot the killed runtime was firing may be recovered once): " + totals.firings + " firings");
        }
    }

    private static String settings(String url, int port) {
        return "camel.server.port = " + port + "\ncamel.management.port = " + CloudRouteTestSupport.freePort() + "\n"
                + "promotion.store = postgresql\npromotion.store-url = " + url + "\n"
                + "promotion.lease-ms = 3000\npromotion.lease-renew-ms = 500\n"
                + "camel.component.http.responseTimeout = 2000\ncamel.component.http.soTimeout = 2000\n"
                + "deploy.ambiguous-grace-ms = 4000\n"
                + "promotion.definitions = tick\npromotion.tick.schedule = period:3000\n"
                + "promotion.tick.workspace = " + DemoData.WORKSPACE + "\npromotion.tick.item-name = tick_only\n"
                + "promotion.tick.apply-user-id = " + DemoData.APPLY_USER_ID + "\n"
                + "promotion.tick.approver-ids = " + DemoData.APPROVER_ID + "\n";
    }

    private boolean up(Runtime r) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port()
                    + "/api/promotions")).header("Authorization", "Bearer " + TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** POSTs a request with its idempotency key; answers the promotion id, having checked the status. */
    private String post(Runtime r, String key, String body, int expected) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port()
                        + "/api/promotions")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, answer.statusCode(), key + " on " + r.name() + ": " + answer.body());
        Matcher id = PROMOTION_ID.matcher(answer.body());
        assertTrue(id.find(), answer.body());
        return id.group(1);
    }

    private static boolean everyPromotionEnded(JdbcStore store, java.util.Collection<String> ids) {
        List<PromotionSnapshot> all = store.all();
        Set<String> ended = new HashSet<>();
        all.stream().filter(s -> s.outcome() != null).forEach(s -> ended.add(s.id()));
        return ended.containsAll(ids) && store.inFlight().isEmpty();
    }

    private static String explicit(String item, String name) {
        return "{\"workspace\": \"" + DemoData.WORKSPACE + "\", \"pending_item_ids\": [\"" + item
                + "\"], \"package_name\": \"" + name + "\", \"apply_user_id\": \"" + DemoData.APPLY_USER_ID
                + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"], \"startup_mode\": 0}";
    }

    private static String selector(String name) {
        return "{\"workspace\": \"" + DemoData.WORKSPACE + "\", \"selector\": {\"item_name\": \"overlap_\"}, "
                + "\"package_name\": \"" + name + "\", \"apply_user_id\": \"" + DemoData.APPLY_USER_ID
                + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"], \"startup_mode\": 0}";
    }

    private static List<String> names(String prefix, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    private static Totals totals(String url, JdbcStore store, Map<String, String> accepted, int repeats,
                                 List<Runtime> runtimes, Simulator simulator) {
        Totals t = new Totals();
        List<PromotionSnapshot> all = store.all();
        t.promotions = all.size();
        t.webhookPromotions = new HashSet<>(accepted.values()).size();
        t.scheduled = (int) all.stream().filter(s -> s.request() != null && s.request().selector() != null
                && "tick_only".equals(s.request().selector().itemName())).count();
        t.repeats = repeats;
        t.duplicates = (int) all.stream().filter(s -> s.outcome() == Outcome.DUPLICATE).count();
        t.deadLettered = all.stream().filter(s -> s.outcome() == Outcome.DEAD_LETTERED)
                .map(s -> s.id() + ": " + s.detail()).toList();
        t.falseDeadLetters = t.deadLettered.size();
        Set<String> ended = new HashSet<>();
        all.stream().filter(s -> s.outcome() != null).forEach(s -> ended.add(s.id()));
        t.lost = (int) accepted.values().stream().distinct().filter(id -> !ended.contains(id)).count();
        for (Runtime r : runtimes) {
            String log = ChildRuntime.read(r.work().resolve("runtime.log"));
            t.takeovers += (int) log.lines().filter(l -> l.contains(" RESUMED at ")).count();
            t.firings += (int) log.lines().filter(l -> l.contains("schedule tick fired: slot")).count();
        }
        // the simulator's demo packages hold no items: only the packages of items count
        t.maxPackagesPerItemSet = simulator.world().packagesByItemSet().entrySet().stream()
                .filter(e -> !e.getKey().isEmpty()).mapToInt(Map.Entry::getValue).max().orElse(0);
        t.maxPackagesPerItem = simulator.world().packagesByItem().values().stream().mapToInt(i -> i).max().orElse(0);
        t.maxDeploysPerPackage = simulator.world().deploysByPackage().values().stream().mapToInt(i -> i).max()
                .orElse(0);
        Map<String, Integer> outcomesPerPromotion = new HashMap<>();
        // a slot fired just before the last runtime stopped may be left in flight: stored, resumed at the next start
        all.stream().filter(s -> s.outcome() != null).forEach(s -> outcomesPerPromotion.put(s.id(), 0));
        t.leftInFlight = (int) all.stream().filter(s -> s.outcome() == null).count();
        for (String line : store.journal()) {
            Matcher id = PROMOTION_ID.matcher(line);
            if (id.find()) {
                outcomesPerPromotion.merge(id.group(1), 1, Integer::sum);
            }
        }
        t.minOutcomesPerPromotion = outcomesPerPromotion.values().stream().mapToInt(i -> i).min().orElse(0);
        t.maxOutcomesPerPromotion = outcomesPerPromotion.values().stream().mapToInt(i -> i).max().orElse(0);
        // a slot is an idempotency key of the schedule: one per definition and fire time, whichever runtime fired
        t.slots = Integer.parseInt(new io.releasepipeline.promotion.PostgresDatabase(url, null, null).strings(
                "select count(*) from rp_idempotency_keys where idempotency_key like 'schedule:tick@%'").get(0));
        return t;
    }

    /** What the run came to, as the table docs/reliability.md shows. */
    private static final class Totals {
        int promotions;
        int webhookPromotions;
        int scheduled;
        int slots;
        int firings;
        int repeats;
        int duplicates;
        int takeovers;
        int maxPackagesPerItemSet;
        int maxPackagesPerItem;
        int leftInFlight;
        int maxDeploysPerPackage;
        int minOutcomesPerPromotion;
        int maxOutcomesPerPromotion;
        int lost;
        int falseDeadLetters;
        List<String> deadLettered = List.of();

        String table() {
            return "| total | value |\n|---|---|\n"
                    + "| requests posted (60: " + DISTINCT + " distinct, " + REPEATS + " repeats by key, " + SAME_ITEMS
                    + " for items already taken, " + SELECTORS + " overlapping selectors) | " + (DISTINCT + REPEATS
                    + SAME_ITEMS + SELECTORS) + " |\n"
                    + "| promotions in the store (webhook " + webhookPromotions + ", scheduled " + scheduled + ") | "
                    + promotions + " |\n"
                    + "| repeats answered by key with the first promotion | " + repeats + " |\n"
                    + "| DUPLICATE outcomes | " + duplicates + " |\n"
                    + "| takeovers (promotions resumed by another runtime) | " + takeovers + " |\n"
                    + "| schedule slots / firings on all runtimes / scheduled promotions | " + slots + " / "
                    + firings + " / " + scheduled + " |\n"
                    + "| packages created per distinct set of items (most) | " + maxPackagesPerItemSet + " |\n"
                    + "| packages holding one pending item (most) | " + maxPackagesPerItem + " |\n"
                    + "| deploys per package (most) | " + maxDeploysPerPackage + " |\n"
                    + "| outcomes per ended promotion in the journal (least / most) | " + minOutcomesPerPromotion + " / "
                    + maxOutcomesPerPromotion + " |\n"
                    + "| lost (a request answered 202 without an outcome) | " + lost + " |\n"
                    + "| scheduled promotions in flight when the last runtime stopped (stored, resumed at its next "
                    + "start) | " + leftInFlight + " |\n"
                    + "| false dead letters | " + falseDeadLetters + " |\n";
        }

        void writeTo(Path doc) throws java.io.IOException {
            String begin = "<!-- multi-runtime:begin -->";
            String end = "<!-- multi-runtime:end -->";
            String text = Files.readString(doc);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException(doc + " has no " + begin + " ... " + end + " section");
            }
            Files.writeString(doc, text.substring(0, from + begin.length()) + "\n" + table()
                    + text.substring(to));
        }
    }
}
