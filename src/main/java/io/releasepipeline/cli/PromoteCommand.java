package io.releasepipeline.cli;

import io.releasepipeline.deadletter.DeadLetters;
import io.releasepipeline.promotion.Outcome;
import io.releasepipeline.promotion.Outcomes;
import io.releasepipeline.promotion.Promotion;
import io.releasepipeline.promotion.PromotionDefinitions;
import io.releasepipeline.promotion.PromotionJson;
import io.releasepipeline.promotion.PromotionRequest;
import io.releasepipeline.promotion.PromotionViews;
import io.releasepipeline.promotion.Promotions;
import io.releasepipeline.simulator.Simulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * {@code promote}: one pass. On the embedded simulator it runs the demo (one promotion per behaviour) and exits 0
 * when every outcome is the expected one; against real endpoints it runs each configured definition once and
 * exits 0 when every one succeeded.
 */
final class PromoteCommand {

    private static final String HELP = """
            Usage: java -jar release-pipeline.jar promote [--json]

            Runs promotions once and waits for their outcomes, one log line per stage, then prints a table
            (promotion, outcome, duration, API calls, retries) and where the journal and dead letters are.
            With simulator.embedded=true (the default) it runs the demo: a clean release with a release plan and
            an APIC check, a package already released, a DataArts deploy that fails, a component that fails and
            rolls back, an unknown pending item (DLF.0810), and a throttled burst that recovers; exit 0 when every
            outcome is the expected one. Otherwise it runs each promotion.definitions entry once; exit 0 when all
            succeeded, 1 otherwise, 2 on bad configuration. On a terminal it shows each promotion's stage and
            elapsed time while it waits; --json prints the outcomes as JSON instead of the table.
            """;

    private PromoteCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Integer stop = Main.helpOrOnlyJson("promote", HELP, args, out, err);
        if (stop != null) {
            return stop;
        }
        boolean json = Main.wantsJson(args);
        return Runtime.withOnePass(err, null, context -> {
            Simulator simulator = context.getRegistry().lookupByNameAndType("simulator", Simulator.class);
            Map<String, Outcome> expected = new LinkedHashMap<>();
            Map<String, PromotionRequest> requests = new LinkedHashMap<>();
            if (simulator != null) {
                DemoScenarios.seed(simulator).forEach(s -> {
                    requests.put(s.name(), s.request());
                    expected.put(s.name(), s.expected());
                });
            } else {
                context.getRegistry().lookupByNameAndType("promotionDefinitions", PromotionDefinitions.class).all()
                        .forEach(d -> {
                            requests.put(d.name(), d.request());
                            expected.put(d.name(), Outcome.SUCCEEDED);
                        });
                if (requests.isEmpty()) {
                    err.println("release-pipeline: promotion.definitions is empty; define at least one promotion");
                    return Main.USAGE;
                }
            }
            return promote(context, requests, expected, out, json);
        });
    }

    private static int promote(CamelContext context, Map<String, PromotionRequest> requests,
                               Map<String, Outcome> expected, PrintStream out, boolean json)
            throws InterruptedException {
        Promotions promotions = context.getRegistry().lookupByNameAndType("promotions", Promotions.class);
        ProducerTemplate producer = context.createProducerTemplate();
        Map<String, Promotion> started = new LinkedHashMap<>();
        requests.forEach((name, request) -> started.put(name,
                producer.requestBody("direct:promotion-submit", request, Promotion.class)));
        long timeout = Long.parseLong(context.getPropertiesComponent().resolveProperty("poll.timeout-ms")
                .orElse("600000"));
        boolean finished = awaitShowingProgress(promotions, started, Duration.ofMillis(timeout * 3 + 60_000),
                System.console() != null && !json ? out : null);

        List<String[]> rows = new ArrayList<>();
        boolean asExpected = finished;
        for (Map.Entry<String, Promotion> e : started.entrySet()) {
            Promotion p = e.getValue();
            Outcome outcome = p.getOutcome();
            boolean ok = outcome == expected.get(e.getKey());
            asExpected &= ok;
            long millis = p.getFinishedAt() == null ? -1
                    : Duration.between(p.getAcceptedAt(), p.getFinishedAt()).toMillis();
            rows.add(new String[] {e.getKey(), String.valueOf(outcome), ok ? "yes" : "NO (" + expected.get(e.getKey())
                    + ")", millis < 0 ? "-" : String.format("%.1f s", millis / 1000.0),
                String.valueOf(p.getApiCalls()), String.valueOf(p.getRetries()), p.getDetail()});
        }
        if (json) {
            List<Map<String, Object>> outcomes = new ArrayList<>();
            started.forEach((name, p) -> {
                Map<String, Object> row = new LinkedHashMap<>(context.getRegistry()
                        .lookupByNameAndType("promotionViews", PromotionViews.class).summary(p));
                row.put("name", name);
                row.put("expected", expected.get(name));
                row.put("api_calls", p.getApiCalls());
                row.put("retries", p.getRetries());
                outcomes.add(row);
            });
            out.println(PromotionJson.write(Map.of("promotions", outcomes, "as_expected", asExpected)));
            return asExpected ? Main.OK : Main.FAILED;
        }
        out.println();
        printTable(out, List.of("promotion", "outcome", "expected", "duration", "API calls", "retries", "detail"),
                rows);
        DeadLetters deadLetters = context.getRegistry().lookupByNameAndType("deadLetters", DeadLetters.class);
        out.println();
        out.println("Journal:      " + context.getRegistry().lookupByNameAndType("outcomes", Outcomes.class)
                .journalLocation());
        out.println("Dead letters: " + deadLetters.location() + " (" + deadLetters.list().size()
                + " entries)");
        out.println(asExpected ? "Every promotion ended as expected." : "Some promotions did not end as expected.");
        return asExpected ? Main.OK : Main.FAILED;
    }

    /** Waits for every outcome; on a terminal, rewrites one status line: each promotion's stage and elapsed time. */
    private static boolean awaitShowingProgress(Promotions promotions, Map<String, Promotion> started,
                                                Duration timeout, PrintStream terminal) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (started.values().stream().anyMatch(p -> p.getOutcome() == null)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (terminal != null) {
                terminal.print("\r" + progress(started.values(), java.time.Instant.now()));
                terminal.flush();
            }
            Thread.sleep(500);
        }
        if (terminal != null) {
            terminal.println();
        }
        return promotions.awaitAll(started.values(), Duration.ZERO);
    }

    /** One line: each promotion's stage, time since it was accepted and, while it waits, time to its next check. */
    static String progress(java.util.Collection<Promotion> promotions, java.time.Instant now) {
        StringBuilder line = new StringBuilder();
        for (Promotion p : promotions) {
            if (line.length() > 0) {
                line.append(" | ");
            }
            if (p.getOutcome() != null) {
                line.append(p.getOutcome());
                continue;
            }
            line.append(p.getStage()).append(' ').append(Duration.between(p.getAcceptedAt(), now).toSeconds())
                    .append('s');
            java.time.Instant next = p.getNextCheckAt();
            if (next != null && next.isAfter(now)) {
                line.append(" next poll ").append(Duration.between(now, next).toSeconds()).append('s');
            }
        }
        return line.toString();
    }

    private static void printTable(PrintStream out, List<String> header, List<String[]> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (String[] row : rows) {
                widths[i] = Math.min(Math.max(widths[i], String.valueOf(row[i]).length()), i == widths.length - 1
                        ? 90 : 40);
            }
        }
        StringBuilder format = new StringBuilder();
        for (int width : widths) {
            format.append("%-").append(width).append("s  ");
        }
        String line = format.toString().stripTrailing();
        out.println(String.format(line, header.toArray()).stripTrailing());
        for (String[] row : rows) {
            String[] cells = row.clone();
            int last = cells.length - 1;
            if (cells[last] != null && cells[last].length() > widths[last]) {
                cells[last] = cells[last].substring(0, widths[last] - 3) + "...";
            }
            out.println(String.format(line, (Object[]) cells).stripTrailing());
        }
    }
}
