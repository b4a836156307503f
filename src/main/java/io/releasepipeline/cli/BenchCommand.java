package io.releasepipeline.cli;

import io.releasepipeline.bench.Bench;
import io.releasepipeline.bench.BenchSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** {@code bench}: the pipeline against a straightforward client and the rate-limit floor, on the simulator. */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Main.wantsHelp(args)) {
            out.print(BenchSettings.usage());
            return Main.OK;
        }
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("release-pipeline: bench: " + e.getMessage());
            return Main.USAGE;
        }
        Path data;
        try {
            data = Files.createTempDirectory("release-pipeline-bench");
        } catch (IOException e) {
            err.println("release-pipeline: bench: cannot create a temporary directory: " + e.getMessage());
            return Main.FAILED;
        }
        Properties overrides = Runtime.onePass();
        overrides.putAll(Bench.overrides(settings, data));
        org.apache.camel.main.Main main = Runtime.create(overrides);
        try {
            main.start();
        } catch (Exception e) {
            err.println("release-pipeline: configuration: " + Runtime.reason(e));
            main.stop();
            return Main.USAGE;
        }
        try {
            return Bench.run(main.getCamelContext(), settings, out) ? Main.OK : Main.FAILED;
        } catch (IOException e) {
            err.println("release-pipeline: bench: " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        } finally {
            main.stop();
        }
    }
}
