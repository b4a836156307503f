package io.releasepipeline.bench;

import io.releasepipeline.simulator.Simulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures one side while it runs: wall time, the process's CPU time and peak heap (sampled every 20 ms; the
 * simulator shares the process, so both include it), and the calls the simulator answered, by operation.
 */
final class Phase implements AutoCloseable {

    static final String[] OPERATIONS = {"ListFactoryPendingItems", "ListFactoryReleasePackages",
        "CreateFactoryPendingItemsPackage", "DeployFactoryPackages", "ShowFactoryPackageDetail",
        "ShowReleasePlanDeployInfo"};

    private final Simulator simulator;
    private final Map<String, Long> callsBefore = new TreeMap<>();
    private final long throttledBefore;
    private final long startNanos;
    private final long cpuBefore;
    private final Thread sampler;
    private volatile long peakHeap;
    private volatile boolean running = true;
    private long wallNanos;
    private long cpuNanos;

    Phase(Simulator simulator) {
        this.simulator = simulator;
        for (String op : OPERATIONS) {
            callsBefore.put(op, simulator.calls(op));
        }
        throttledBefore = simulator.throttled();
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        peakHeap = memory.getHeapMemoryUsage().getUsed();
        sampler = new Thread(() -> {
            while (running) {
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        cpuBefore = cpu();
        startNanos = System.nanoTime();
    }

    @Override
    public void close() {
        wallNanos = System.nanoTime() - startNanos;
        cpuNanos = cpu() - cpuBefore;
        running = false;
        sampler.interrupt();
    }

    double wallSeconds() {
        return wallNanos / 1e9;
    }

    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    long peakHeapBytes() {
        return peakHeap;
    }

    Map<String, Long> calls() {
        Map<String, Long> delta = new TreeMap<>();
        callsBefore.forEach((op, before) -> delta.put(op, simulator.calls(op) - before));
        return delta;
    }

    long throttled() {
        return simulator.throttled() - throttledBefore;
    }

    private static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
