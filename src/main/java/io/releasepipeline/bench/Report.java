package io.releasepipeline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's tables, in Markdown (readable on a terminal, pasted as is into docs/performance.md). */
final class Report {

    private Report() {
    }

    static String sides(BenchSettings s, Floor floor, SideResult pipeline, SideResult baseline) {
        List<SideResult> sides = new ArrayList<>();
        sides.add(pipeline);
        if (baseline != null) {
            sides.add(baseline);
        }
        StringBuilder t = new StringBuilder();
        t.append("| ").append(s).append(" |");
        sides.forEach(r -> t.append(' ').append(r.name()).append(" |"));
        t.append("\n|---|").append("---|".repeat(sides.size())).append('\n');
        row(t, "promotions succeeded", sides, r -> r.succeeded() + " / " + r.promotions());
        row(t, "wall time", sides, r -> f("%.1f s", r.wallSeconds()));
        row(t, "promotions per second", sides, r -> f("%.2f", r.promotions() / r.wallSeconds()));
        for (String op : Phase.OPERATIONS) {
            row(t, "calls " + op, sides, r -> String.valueOf(r.calls().getOrDefault(op, 0L)));
        }
        row(t, "calls in all", sides, r -> String.valueOf(r.totalCalls()));
        row(t, "status calls per package", sides, r -> f("%.2f", r.statusCallsPerPackage()));
        row(t, "429s received", sides, r -> String.valueOf(r.throttled()));
        row(t, "deploy to outcome noticed p50 / p95 / p99", sides, r -> f("%.1f / %.1f / %.1f s",
                SideResult.percentile(r.deployToOutcome(), 50), SideResult.percentile(r.deployToOutcome(), 95),
                SideResult.percentile(r.deployToOutcome(), 99)));
        row(t, "detection delay (provider done to noticed) p50 / p95 / p99", sides, r -> f("%.2f / %.2f / %.2f s",
                SideResult.percentile(r.detectionDelay(), 50), SideResult.percentile(r.detectionDelay(), 95),
                SideResult.percentile(r.detectionDelay(), 99)));
        row(t, "peak heap (process, simulator included)", sides, r -> f("%.0f MiB", r.peakHeapBytes() / 1048576.0));
        row(t, "CPU (process, simulator included)", sides, r -> f("%.1f s", r.cpuSeconds()));
        t.append('\n');
        t.append(f("Floor: %.1f s (busiest API: %s calls at %d/s, plus D = %.1f s; fewest calls %s)%n",
                floor.seconds(), floor.fewestCalls().values().stream().mapToLong(Long::longValue).max().orElse(0),
                s.rate(), s.deployMs() / 1000.0, floor.fewestCalls()));
        t.append(f("pipeline / floor: %.2f%n", pipeline.wallSeconds() / floor.seconds()));
        if (baseline != null) {
            t.append(f("baseline / pipeline (wall time): %.1f%n", baseline.wallSeconds() / pipeline.wallSeconds()));
            t.append(f("status calls per package, pipeline / baseline: %.2f%n",
                    pipeline.statusCallsPerPackage() / baseline.statusCallsPerPackage()));
        }
        return t.toString();
    }

    private static void row(StringBuilder t, String label, List<SideResult> sides,
                            java.util.function.Function<SideResult, String> value) {
        t.append("| ").append(label).append(" |");
        sides.forEach(r -> t.append(' ').append(value.apply(r)).append(" |"));
        t.append('\n');
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
