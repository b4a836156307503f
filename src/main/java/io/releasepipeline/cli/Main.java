package io.releasepipeline.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** {@code java -jar release-pipeline.jar COMMAND ...}: exit 0 on success, 1 when the work failed, 2 on bad usage. */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String HELP = """
            Usage: java -jar release-pipeline.jar COMMAND [OPTIONS]

            Commands:
              promote     run promotions once and print their outcomes (on the embedded simulator: the demo)
              run         the daemon: schedules, webhook and inbox, until stopped
              status      promotions and their stages, from the store: status [ID] [--json]
              dlq         the dead letters: dlq list|show|replay|discard
              validate    check the configuration and call every provider operation once (read-only against
                          real endpoints; against the embedded simulator also creates and deploys a package)
              call        call one provider operation: call OPERATION --json '{...}'
              simulator   start the embedded simulator alone: simulator [--port 18080]
              bench       the pipeline against a straightforward client and the rate-limit floor: bench [--quick]

            Each command takes --help. Configuration: ./application.properties (else the packaged default);
            every key can be overridden by an environment variable (cloud.project-id -> CLOUD_PROJECT_ID).
            Exit codes: 0 success, 1 the work failed, 2 bad usage or configuration.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(HELP);
            return args.length == 0 ? USAGE : OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "simulator" -> SimulatorCommand.run(rest, out, err);
            case "call" -> CallCommand.run(rest, out, err);
            case "validate" -> ValidateCommand.run(rest, out, err);
            case "promote" -> PromoteCommand.run(rest, out, err);
            case "run" -> RunCommand.run(rest, out, err);
            case "status" -> StatusCommand.run(rest, out, err);
            case "dlq" -> DlqCommand.run(rest, out, err);
            case "bench" -> BenchCommand.run(rest, out, err);
            default -> {
                err.println("release-pipeline: unknown command '" + args[0] + "'; run --help for the list");
                yield USAGE;
            }
        };
    }

    /**
     * For a command without arguments: the exit code when it must stop here (help printed, or arguments given),
     * else null.
     */
    static Integer helpOrNoArguments(String command, String help, String[] args, PrintStream out, PrintStream err) {
        if (wantsHelp(args)) {
            out.print(help);
            return OK;
        }
        if (args.length > 0) {
            err.println("release-pipeline: " + command + " takes no arguments; see " + command + " --help");
            return USAGE;
        }
        return null;
    }

    /** For a command whose one option is --json: as {@link #helpOrNoArguments}, --json aside. */
    static Integer helpOrOnlyJson(String command, String help, String[] args, PrintStream out, PrintStream err) {
        return helpOrNoArguments(command, help, Arrays.stream(args).filter(a -> !a.equals("--json"))
                .toArray(String[]::new), out, err);
    }

    static boolean wantsJson(String[] args) {
        return Arrays.asList(args).contains("--json");
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }
}
