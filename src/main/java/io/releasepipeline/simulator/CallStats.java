package io.releasepipeline.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Answers given per operation and HTTP status (0: the connection closed without a whole answer). */
final class CallStats {

    private final Map<String, Map<Integer, AtomicLong>> calls = new ConcurrentHashMap<>();

    void count(String operation, int status) {
        calls.computeIfAbsent(operation, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    long calls(String operation, int status) {
        AtomicLong n = calls.getOrDefault(operation, Map.of()).get(status);
        return n == null ? 0 : n.get();
    }

    long calls(String operation) {
        return calls.getOrDefault(operation, Map.of()).values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** A snapshot for {@code /admin/stats}: operation -> status as text -> answers. */
    Map<String, Map<String, Long>> byOperation() {
        Map<String, Map<String, Long>> byOperation = new LinkedHashMap<>();
        calls.forEach((op, byStatus) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            byStatus.forEach((status, n) -> counts.put(String.valueOf(status), n.get()));
            byOperation.put(op, counts);
        });
        return byOperation;
    }
}
