package io.releasepipeline.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmark runs: W workspaces holding N pending items grouped into P promotions, each watching a
 * release plan of C components; the simulator answers after L ms, deploys in D ms and allows R requests per second
 * per user and API. {@code listPackages} release packages are listed in a child JVM with {@code listHeapMb} MiB of
 * heap (0: skipped).
 */
public record BenchSettings(int workspaces, int items, int promotions, long latencyMs, long deployMs,
                            int components, int rate, boolean baseline, int listPackages, int listHeapMb) {

    private static final String USAGE = """
            Usage: java -jar release-pipeline.jar bench [--quick] [options]

            Starts the simulator, promotes everything with the pipeline, then the same work the way a
            straightforward SDK script would (one promotion at a time, a status call every 5 s), and prints both
            side by side with the floor the rate limit allows. Also lists a long package history in a child JVM
            with a small heap. Exit 0 when every promotion of both ended SUCCEEDED, 1 otherwise, 2 on bad options.

              --quick              a preset that finishes in under a minute (W=2 N=30 P=3 L=20 D=1000 C=2 R=10,
                                   listing 5000 packages)
              --workspaces W       default 20
              --items N            pending items in all, default 1000
              --promotions P       default 40 (each needs at least one item)
              --latency-ms L       per-call latency of the simulator, default 20
              --deploy-ms D        deploy duration, default 3000 (a release plan's C components take D in all)
              --components C       components per release plan, default 3
              --rate R             requests per second per user and API before 429, default 10
              --no-baseline        skip the baseline
              --list-packages K    release packages to list through the pipeline's paging, default 100000 (0: skip)
              --list-heap-mb M     -Xmx of the listing's JVM, default 48
            """;

    public static String usage() {
        return USAGE;
    }

    public static BenchSettings full() {
        return new BenchSettings(20, 1000, 40, 20, 3000, 3, 10, true, 100_000, 48);
    }

    public static BenchSettings quick() {
        return new BenchSettings(2, 30, 3, 20, 1000, 2, 10, true, 5_000, 48);
    }

    /** The settings the arguments ask for; an IllegalArgumentException names the option and the fix. */
    public static BenchSettings parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        BenchSettings s = rest.remove("--quick") ? quick() : full();
        boolean baseline = !rest.remove("--no-baseline");
        int w = s.workspaces;
        int n = s.items;
        int p = s.promotions;
        long l = s.latencyMs;
        long d = s.deployMs;
        int c = s.components;
        int r = s.rate;
        int k = s.listPackages;
        int m = s.listHeapMb;
        for (int i = 0; i < rest.size(); i += 2) {
            String option = rest.get(i);
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException(option + " needs a value; see bench --help");
            }
            String value = rest.get(i + 1);
            switch (option) {
                case "--workspaces" -> w = number(option, value, 1, 1000);
                case "--items" -> n = number(option, value, 1, 1_000_000);
                case "--promotions" -> p = number(option, value, 1, 10_000);
                case "--latency-ms" -> l = number(option, value, 0, 60_000);
                case "--deploy-ms" -> d = number(option, value, 100, 3_600_000);
                case "--components" -> c = number(option, value, 1, 50);
                case "--rate" -> r = number(option, value, 1, 10_000);
                case "--list-packages" -> k = number(option, value, 0, 10_000_000);
                case "--list-heap-mb" -> m = number(option, value, 16, 65_536);
                default -> throw new IllegalArgumentException("unknown option " + option + "; see bench --help");
            }
        }
        if (p > n) {
            throw new IllegalArgumentException("--promotions " + p + " is more than --items " + n
                    + ": each promotion needs at least one pending item");
        }
        return new BenchSettings(w, n, p, l, d, c, r, baseline, k, m);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(option + " " + value + ": give a whole number from " + min + " to " + max);
    }

    @Override
    public String toString() {
        return "W=" + workspaces + " N=" + items + " P=" + promotions + " L=" + latencyMs + "ms D=" + deployMs
                + "ms C=" + components + " R=" + rate + "/s";
    }
}
