package io.releasepipeline.cli;

import io.releasepipeline.bench.Bench;
import io.releasepipeline.bench.BenchSettings;
import io.releasepipeline.bench.Soak;
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
        if (args.length > 0 && args[0].equals("--soak")) {
            return soak(args, out, err);
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

    /** {@code bench --soak [N]}: N promotions (default 20,000) through one daemon with a small heap. */
    private static int soak(String[] args, PrintStream out, PrintStream err) {
        int promotions = 20_000;
        if (args.length > 2 || args.length == 2 && !args[1].matches("[1-9][0-9]{1,6}")) {
            err.println("release-pipeline: bench --soak takes one number of promotions, 10 or more (default 20000)");
            return Main.USAGE;
        }
        if (args.length == 2) {
            promotions = Integer.parseInt(args[1]);
        }
        try {
            return Soak.run(promotions, out) ? Main.OK : Main.FAILED;
        } catch (IOException | IllegalStateException e) {
            err.println("release-pipeline: bench --soak: " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        }
    }
}
