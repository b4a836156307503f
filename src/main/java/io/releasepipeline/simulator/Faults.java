package io.releasepipeline.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The faults in force, first match wins; each counts down its {@code times}. */
public final class Faults {

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
