package io.releasepipeline.cli;

import io.releasepipeline.promotion.PromotionJson;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The benchmark's listing probe, run in a child JVM with a small heap: lists a workspace's release packages through
 * the pipeline's paging route against a running simulator and prints one JSON line (counts by deploy status, pages,
 * peak heap used). Arguments: the simulator's base URL and the workspace.
 */
public final class ListingProbe {

    private ListingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("release-pipeline-listing");
        Properties p = Runtime.onePass();
        p.setProperty("simulator.embedded", "false");
        for (String key : io.releasepipeline.cloud.CloudConfiguration.ENDPOINT_KEYS) {
            p.setProperty(key, args[0]);
        }
        p.setProperty("promotion.store-dir", data.resolve("store").toString());
        p.setProperty("promotion.journal", data.resolve("journal.jsonl").toString());
        p.setProperty("promotion.dead-letters", data.resolve("dead-letters").toString());
        p.setProperty("promotion.inbox", data.resolve("inbox").toString());
        org.apache.camel.main.Main main = Runtime.create(p);
        main.start();
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        try {
            System.gc();
            long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            sampler.start();
            long start = System.nanoTime();
            Map<?, ?> counts = main.getCamelContext().createProducerTemplate()
                    .requestBody("direct:release-packages-by-status", args[1], Map.class);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("counts", counts);
            answer.put("seconds", seconds);
            answer.put("heap_before_bytes", before);
            answer.put("peak_heap_bytes", peak[0]);
            answer.put("max_heap_bytes", java.lang.Runtime.getRuntime().maxMemory());
            System.out.println(PromotionJson.write(answer));
        } finally {
            main.stop();
        }
    }
}
