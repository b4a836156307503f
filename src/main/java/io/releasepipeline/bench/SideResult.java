package io.releasepipeline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one side measured: per job, when it deployed, when the provider finished, when the client noticed. */
record SideResult(String name, int promotions, int succeeded, double wallSeconds, double cpuSeconds,
                  long peakHeapBytes, Map<String, Long> calls, long throttled, long statusCalls,
                  List<Duration> deployToOutcome, List<Duration> detectionDelay) {

    /** One job's times: deploy called, provider done (package and release plan), outcome noticed. */
    record Times(Instant deployCalled, Instant providerDone, Instant noticed) {
    }

    static SideResult of(String name, Phase phase, int promotions, int succeeded, long statusCalls,
                         List<Times> times) {
        List<Duration> toOutcome = new ArrayList<>();
        List<Duration> detection = new ArrayList<>();
        for (Times t : times) {
            if (t.deployCalled() != null && t.noticed() != null) {
                toOutcome.add(Duration.between(t.deployCalled(), t.noticed()));
            }
            if (t.providerDone() != null && t.noticed() != null) {
                detection.add(Duration.between(t.providerDone(), t.noticed()));
            }
        }
        return new SideResult(name, promotions, succeeded, phase.wallSeconds(), phase.cpuSeconds(),
                phase.peakHeapBytes(), phase.calls(), phase.throttled(), statusCalls, toOutcome, detection);
    }

    long totalCalls() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    double statusCallsPerPackage() {
        return promotions == 0 ? 0 : (double) statusCalls / promotions;
    }

    static double percentile(List<Duration> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().map(Duration::toMillis).sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }
}
