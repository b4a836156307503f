package io.releasepipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.cloud.CloudJson;
import io.releasepipeline.cloud.dataarts.ReleasePackage;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Lists K release packages through the pipeline's paging route in a child JVM with a small heap, and measures how
 * much heap the whole listing would take if it were held at once (so the child's -Xmx is shown to be too small for
 * that).
 */
final class Listing {

    static final String WORKSPACE = "00000000000000000000000000be1157";

    private Listing() {
    }

    static String run(Simulator simulator, BenchSettings s) throws IOException, InterruptedException {
        simulator.scenarios().addPackages(DemoData.PROJECT_ID, WORKSPACE, s.listPackages());
        long wholeListing = heldAtOnce(s.listPackages());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder child = new ProcessBuilder(java, "-Xmx" + s.listHeapMb() + "m", "-cp",
                System.getProperty("java.class.path"), "io.releasepipeline.cli.ListingProbe", simulator.baseUrl(),
                WORKSPACE).redirectError(ProcessBuilder.Redirect.DISCARD);
        child.environment().put("CLOUD_SDK_AK", DemoData.AK);
        child.environment().put("CLOUD_SDK_SK", DemoData.SK);
        Process process = child.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            return Report.f("Listing %d packages with -Xmx%dm: FAILED (exit %s)%n%s", s.listPackages(),
                    s.listHeapMb(), process.isAlive() ? "timeout" : process.exitValue(), out);
        }
        String line = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}");
        JsonNode answer = new ObjectMapper().readTree(line);
        long listed = 0;
        for (JsonNode count : answer.path("counts")) {
            listed += count.asLong();
        }
        return Report.f("| listing through the pipeline's paging | |%n|---|---|%n"
                        + "| release packages listed | %d of %d |%n| counts by deploy_status | %s |%n"
                        + "| pages of 100 | %d |%n| time | %.1f s |%n| child JVM -Xmx | %d MiB |%n"
                        + "| child peak heap used | %.1f MiB (%.1f MiB before the listing) |%n"
                        + "| the whole listing held at once would take | %.1f MiB |%n",
                listed, s.listPackages(), answer.path("counts"), (s.listPackages() + 99) / 100,
                answer.path("seconds").asDouble(), s.listHeapMb(),
                answer.path("peak_heap_bytes").asLong() / 1048576.0,
                answer.path("heap_before_bytes").asLong() / 1048576.0, wholeListing / 1048576.0);
    }

    /** Heap the listing takes when every package is kept as a typed package. */
    private static long heldAtOnce(int count) throws IOException {
        ObjectMapper json = CloudJson.mapper();
        List<Object> held = new ArrayList<>();
        System.gc();
        long before = used();
        for (int i = 0; i < count; i++) {
            String text = String.format(Locale.ROOT, "{\"apply_timestamp\":%d,\"apply_user_id\":\"%s\","
                    + "\"apply_user_name\":\"approver\",\"delete_flag\":0,\"deploy_status\":%d,\"deploy_timestamp\":%d,"
                    + "\"deploy_user_id\":\"%s\",\"deploy_user_name\":\"approver\",\"package_id\":\"%d\","
                    + "\"package_name\":\"history_%d\",\"approvers\":[{\"user_id\":\"%s\",\"user_name\":\"approver\"}]}",
                    1_700_000_000_000L + i, DemoData.APPROVER_ID, 1 + i % 3, 1_700_000_000_000L + i,
                    DemoData.APPROVER_ID, 10_000 + i, i, DemoData.APPROVER_ID);
            held.add(json.readValue(text, ReleasePackage.class));
        }
        System.gc();
        long after = used();
        return held.isEmpty() ? 0 : Math.max(0, after - before);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
