package io.releasepipeline.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults in force, first match wins; each counts down its {@code times}. {@link #addJson} is the one reader of
 * faults as JSON, for both {@code POST /admin/faults} and {@code simulator.faults}.
 */
public final class Faults {

    /** Faults as JSON: {@link Fault}'s fields in snake_case; unknown fields are ignored. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final List<Active> active = new ArrayList<>();
    private long injected;

    private static final class Active {
        final Fault fault;
        Integer remaining;

        Active(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    public synchronized void add(Fault fault) {
        if (fault.operation() == null || fault.operation().isBlank()) {
            throw new IllegalArgumentException("operation is required (an operation name or *)");
        }
        if (fault.fraction() != null && (fault.fraction() < 0 || fault.fraction() > 1)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1");
        }
        active.add(new Active(fault));
    }

    /**
     * Adds a JSON fault or array of faults, as {@code POST /admin/faults} and {@code simulator.faults} take them.
     * Each is added as it is read: those before an invalid one stay in force.
     *
     * @throws IOException              when the text is not JSON or a field has the wrong type
     * @throws IllegalArgumentException when a fault is incomplete (see {@link #add})
     */
    public void addJson(byte[] json) throws IOException {
        JsonNode node = JSON.readTree(json);
        for (JsonNode one : node.isArray() ? node : JSON.createArrayNode().add(node)) {
            add(JSON.treeToValue(one, Fault.class));
        }
    }

    public synchronized void clear() {
        active.clear();
    }

    /** How many answers were faulted so far. */
    public synchronized long injected() {
        return injected;
    }

    synchronized Fault pick(String operation) {
        for (Active a : active) {
            boolean applies = a.fault.operation().equals("*") || a.fault.operation().equals(operation);
            if (!applies || (a.remaining != null && a.remaining <= 0)) {
                continue;
            }
            if (a.fault.fraction() != null && ThreadLocalRandom.current().nextDouble() >= a.fault.fraction()) {
                continue;
            }
            if (a.remaining != null) {
                a.remaining--;
            }
            injected++;
            return a.fault;
        }
        return null;
    }
}
