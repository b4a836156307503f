package io.releasepipeline.cli;

import io.releasepipeline.bench.Bench;
import io.releasepipeline.bench.BenchSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return Runtime.withOnePass(err, Bench.overrides(settings, data), context -> {
            try {
                return Bench.run(context, settings, out) ? Main.OK : Main.FAILED;
            } catch (IOException e) {
                err.println("release-pipeline: bench: " + e.getMessage());
                return Main.FAILED;
            }
        });
    }
}
