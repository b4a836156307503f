package io.releasepipeline.bench;

import io.releasepipeline.simulator.Fault;
import io.releasepipeline.simulator.Simulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.CamelContext;

/**
 * The benchmark: the pipeline, then the baseline, on one simulator in one run, the floor beside them, then the
 * long listing. Both sides get their own pending items and release plans; the rate limit is the same.
 */
public final class Bench {

    private Bench() {
    }

    /** The runtime settings the benchmark runs the pipeline with: production ones, on a simulator shaped by s. */
    public static Properties overrides(BenchSettings s, Path data) {
        Properties p = new Properties();
        p.setProperty("simulator.embedded", "true");
        p.setProperty("simulator.deploy-duration-ms", String.valueOf(s.deployMs()));
        p.setProperty("simulator.component-duration-ms", String.valueOf(Math.max(1, s.deployMs() / s.components())));
        p.setProperty("simulator.rate-per-second", String.valueOf(s.rate()));
        p.setProperty("cloud.rate-limit", String.valueOf(s.rate()));
        p.setProperty("promotion.store-dir", data.resolve("store").toString());
        p.setProperty("promotion.journal", data.resolve("journal.jsonl").toString());
        p.setProperty("promotion.dead-letters", data.resolve("dead-letters").toString());
        p.setProperty("promotion.inbox", data.resolve("inbox").toString());
        return p;
    }

    /** Runs it all on a started runtime; true when every promotion of both sides succeeded. */
    public static boolean run(CamelContext context, BenchSettings s, PrintStream out)
            throws IOException, InterruptedException {
        Simulator simulator = context.getRegistry().lookupByNameAndType("simulator", Simulator.class);
        simulator.faults().add(Fault.latency("*", s.latencyMs()));
        out.println("bench " + s + ": pipeline...");
        SideResult pipeline = PipelineSide.run(context, simulator, Workload.seed(simulator, s, "pipeline"));
        SideResult baseline = null;
        if (s.baseline()) {
            out.printf("pipeline done in %.1f s; baseline (one promotion at a time, 5 s waiter)...%n",
                    pipeline.wallSeconds());
            baseline = BaselineSide.run(simulator, Workload.seed(simulator, s, "baseline"));
        }
        out.println();
        out.println(Report.sides(s, Floor.of(s), pipeline, baseline));
        if (s.listPackages() > 0) {
            simulator.faults().clear();
            out.println(Listing.run(simulator, s));
        }
        return pipeline.succeeded() == pipeline.promotions()
                && (baseline == null || baseline.succeeded() == baseline.promotions());
    }
}
