package io.releasepipeline.cli;

import java.io.PrintStream;

/** {@code run}: the headless daemon with its schedules, webhook and inbox, until stopped. */
final class RunCommand {

    private static final String HELP = """
            Usage: java -jar release-pipeline.jar run

            Starts the runtime as a daemon: the scheduled promotion definitions, the webhook
            (POST /api/promotions, GET /api/promotions/{id}, POST /api/dead-letters/{id}/replay on
            camel.server.host:camel.server.port) and the inbox directory (promotion.inbox). Stops on SIGTERM or
            Ctrl-C after in-flight work is finished or the shutdown timeout (camel.main.shutdownTimeout) runs out.
            """;

    private RunCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Integer stop = Main.helpOrNoArguments("run", HELP, args, out, err);
        if (stop != null) {
            return stop;
        }
        org.apache.camel.main.Main main = Runtime.create(null);
        try {
            main.run();
            return main.getExitCode() == 0 ? Main.OK : Main.FAILED;
        } catch (Exception e) {
            err.println("release-pipeline: configuration: " + Runtime.reason(e));
            return Main.USAGE;
        }
    }
}
