package io.releasepipeline.bench;

import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench --soak [N]}: a daemon ({@code run}, {@code -Xmx128m}, file store) takes N promotions through its webhook
 * against a simulator with short durations and no rate limit; the heap after a full GC and the number of
 * /observe/metrics lines are read after the first tenth and at the end. A runtime that runs for months must stay
 * flat: the same heap within 10% and the same metric lines.
 */
public final class Soak {

    private static final String TOKEN = "soak-token";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private Soak() {
    }

    public static boolean run(int promotions, PrintStream out) throws IOException, InterruptedException {
        try (Simulator simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(0)
                .withDurations(Duration.ofMillis(50), Duration.ofMillis(50)))) {
            List<String> items = simulator.scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                    java.util.stream.IntStream.range(0, promotions).mapToObj(i -> "soak_" + i).toList());
            Path work = Files.createTempDirectory("release-pipeline-soak");
            int port = freePort();
            int management = freePort();
            Files.writeString(work.resolve("application.properties"), daemonProperties(simulator, port, management));
            Process daemon = start(work);
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                waitUntilUp(http, port);
                long pid = daemon.pid();
                int first = Math.max(1, promotions / 10);
                Semaphore inFlight = new Semaphore(32);
                AtomicInteger refused = new AtomicInteger();
                long started = System.nanoTime();
                long[] early = null;
                java.util.Map<String, Long> earlyHistogram = java.util.Map.of();
                for (int i = 0; i < promotions; i++) {
                    inFlight.acquire();
                    http.sendAsync(post(port, request(items.get(i), i)), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((answer, failure) -> {
                                if (failure != null || answer.statusCode() != 202) {
                                    refused.incrementAndGet();
                                }
                                inFlight.release();
                            });
                    if (i + 1 == first) {
                        waitForOutcomes(work, first);
                        early = new long[] {heapAfterGc(pid), metricLines(http, management)};
                        earlyHistogram = histogram(pid);
                    }
                }
                waitForOutcomes(work, promotions);
                long[] end = {heapAfterGc(pid), metricLines(http, management)};
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf(Locale.ROOT, "soak: %d promotions through one daemon (-Xmx128m) in %.0f s, %d refused%n",
                        promotions, seconds, refused.get());
                out.printf(Locale.ROOT, "| after | heap after GC (KiB) | /observe/metrics lines |%n|---|---|---|%n");
                out.printf(Locale.ROOT, "| %d promotions | %d | %d |%n", first, early[0], early[1]);
                out.printf(Locale.ROOT, "| %d promotions | %d | %d |%n", promotions, end[0], end[1]);
                double growth = (double) (end[0] - early[0]) / early[0];
                out.printf(Locale.ROOT, "heap growth %.1f%% (target within 10%%), metric lines %s%n", 100 * growth,
                        end[1] == early[1] ? "constant" : "changed by " + (end[1] - early[1]));
                if (growth > 0.10) {
                    // where the heap grew: the classes whose live bytes grew most (jcmd GC.class_histogram)
                    java.util.Map<String, Long> endHistogram = histogram(pid);
                    java.util.Map<String, Long> before = earlyHistogram;
                    out.println("grown most (live bytes, first tenth -> end):");
                    endHistogram.entrySet().stream()
                            .sorted((a, b) -> Long.compare(b.getValue() - before.getOrDefault(b.getKey(), 0L),
                                    a.getValue() - before.getOrDefault(a.getKey(), 0L)))
                            .limit(12).forEach(e -> out.printf(Locale.ROOT, "  %+,d B %s%n",
                                    e.getValue() - before.getOrDefault(e.getKey(), 0L), e.getKey()));
                }
                return refused.get() == 0 && growth <= 0.10 && end[1] == early[1];
            } finally {
                daemon.destroy();
                daemon.waitFor();
            }
        }
    }

    private static String daemonProperties(Simulator simulator, int port, int management) throws IOException {
        String base = Files.exists(Path.of("application.properties")) ? Files.readString(Path.of("application.properties"))
                : new String(Soak.class.getResourceAsStream("/application.properties").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        return base + "\nsimulator.embedded = false\n"
                + "cloud.dataarts.endpoint = " + simulator.baseUrl() + "\n"
                + "cloud.servicestage.endpoint = " + simulator.baseUrl() + "\n"
                + "cloud.roma.endpoint = " + simulator.baseUrl() + "\n"
                + "cloud.iam.endpoint = " + simulator.baseUrl() + "\n"
                + "camel.server.port = " + port + "\ncamel.management.port = " + management + "\n"
                + "cloud.rate-limit = 1000\ncloud.rate-limit-period-ms = 1000\n"
                + "poll.initial-delay-ms = 50\npoll.max-interval-ms = 100\n";
    }

    private static Process start(Path work) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", classPath(), "io.releasepipeline.cli.Main", "run")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("daemon.log").toFile());
        builder.environment().put("CLOUD_SDK_AK", DemoData.AK);
        builder.environment().put("CLOUD_SDK_SK", DemoData.SK);
        builder.environment().put("WEBHOOK_TOKEN", TOKEN);
        return builder.start();
    }

    /** This JVM's class path, absolute: the daemon runs in a directory of its own. */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static HttpRequest post(int port, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/promotions"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String request(String item, int i) {
        return "{\"workspace\": \"" + DemoData.WORKSPACE + "\", \"pending_item_ids\": [\"" + item
                + "\"], \"package_name\": \"soak" + i + "\", \"apply_user_id\": \"" + DemoData.APPLY_USER_ID
                + "\", \"approver_ids\": [\"" + DemoData.APPROVER_ID + "\"], \"startup_mode\": 0}";
    }

    private static void waitUntilUp(HttpClient http, int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/promotions"))
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the daemon did not start; see its daemon.log");
    }

    /** Waits until the journal holds this many outcomes. */
    private static void waitForOutcomes(Path work, int count) throws IOException, InterruptedException {
        Path journal = work.resolve("data/journal.jsonl");
        while (!Files.exists(journal) || lines(journal) < count) {
            Thread.sleep(200);
        }
    }

    private static long lines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    /** The daemon's heap after a full GC (jcmd GC.run, then GC.heap_info), in KiB. */
    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        info.waitFor();
        Matcher used = HEAP_USED.matcher(text);
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info answered no heap size: " + text);
        }
        return Long.parseLong(used.group(1));
    }

    /** Live bytes per class (jcmd GC.class_histogram, which collects first). */
    private static java.util.Map<String, Long> histogram(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        java.util.Map<String, Long> bytes = new java.util.HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)").matcher(text);
        while (row.find()) {
            bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
        }
        return bytes;
    }

    private static long metricLines(HttpClient http, int management) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/observe/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body().lines().count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
