package io.releasepipeline.cli;

import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** {@code simulator [--port N]}: the simulator alone, with the demo data, until stopped. */
final class SimulatorCommand {

    private static final String HELP = """
            Usage: java -jar release-pipeline.jar simulator [--port 18080]

            Starts the embedded simulator of DataArts Studio, ServiceStage, ROMA APIC and IAM on 127.0.0.1
            with the demo data, prints its base URL and demo credentials, and runs until stopped (Ctrl-C).
            Point curl, this runtime or the provider's SDK at it. Admin: POST|DELETE /admin/faults, GET /admin/stats.
            """;

    private SimulatorCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Main.wantsHelp(args)) {
            out.print(HELP);
            return Main.OK;
        }
        int port = 18080;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                try {
                    port = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    err.println("release-pipeline: --port must be a number from 0 to 65535");
                    return Main.USAGE;
                }
            } else {
                err.println("release-pipeline: unknown option '" + args[i] + "' for simulator; see simulator --help");
                return Main.USAGE;
            }
        }
        try {
            Simulator simulator = Simulator.start(port, SimulatorSettings.defaults());
            CountDownLatch stopped = new CountDownLatch(1);
            java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                simulator.close();
                stopped.countDown();
            }));
            out.println("Simulator listening on " + simulator.baseUrl());
            out.println("  project id    " + DemoData.PROJECT_ID);
            out.println("  workspace     " + DemoData.WORKSPACE);
            out.println("  demo AK/SK    " + DemoData.AK + " / " + DemoData.SK + "  (CLOUD_SDK_AK / CLOUD_SDK_SK)");
            out.println("  IAM user      " + DemoData.IAM_USER + " in domain " + DemoData.IAM_DOMAIN
                    + ", password " + DemoData.IAM_PASSWORD);
            out.println("  try: curl -s -X POST " + simulator.baseUrl() + "/v3/auth/tokens -i -d '{\"auth\":{...}}'");
            out.flush();
            stopped.await();
            return Main.OK;
        } catch (IOException e) {
            err.println("release-pipeline: " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.OK;
        }
    }
}
