package io.releasepipeline.cli;

import io.releasepipeline.promotion.Promotion;
import io.releasepipeline.promotion.PromotionJson;
import io.releasepipeline.promotion.PromotionSnapshot;
import io.releasepipeline.promotion.PromotionStore;
import io.releasepipeline.promotion.PromotionStores;
import io.releasepipeline.promotion.PromotionViews;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.spi.PropertiesComponent;

/** {@code status [ID] [--json]}: promotions and their stages, read from the store. */
final class StatusCommand {

    private static final String HELP = """
            Usage: java -jar release-pipeline.jar status [PROMOTION_ID] [--json]
                   java -jar release-pipeline.jar status --quarantined

            Lists the promotions in the store (promotion.store), newest first: id, correlation id, stage,
            outcome, when accepted and how long it took. With an id, that promotion in full: each stage with its time,
            its packages, components and outcome. --json prints JSON for machines. --quarantined lists the records
            set aside as unreadable (a file moved to quarantine/, a row flagged quarantined), one per line.
            Exit codes: 0 found, 1 no promotion with that id or the store cannot be read, 2 bad usage or configuration.
            """;

    private StatusCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Main.wantsHelp(args)) {
            out.print(HELP);
            return Main.OK;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean json = rest.remove("--json");
        boolean quarantined = rest.remove("--quarantined");
        if (rest.size() > 1 || rest.stream().anyMatch(a -> a.startsWith("-"))) {
            err.println("release-pipeline: status takes at most one promotion id and --json; see status --help");
            return Main.USAGE;
        }
        PromotionStore store;
        try {
            PropertiesComponent p = Runtime.properties();
            store = PromotionStores.open(p, PromotionStores.journal(p), System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("release-pipeline: configuration: " + e.getMessage());
            return Main.USAGE;
        }
        try {
            return show(store, rest, json, quarantined, out, err);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            err.println("release-pipeline: the store cannot be read: " + e.getMessage());
            return Main.FAILED;
        }
    }

    private static int show(PromotionStore store, List<String> rest, boolean json, boolean quarantined,
                            PrintStream out, PrintStream err) {
        if (quarantined) {
            store.quarantined().forEach(out::println);
            return Main.OK;
        }
        if (rest.isEmpty()) {
            List<PromotionSnapshot> all = store.all();
            if (json) {
                out.println(PromotionJson.write(all));
            } else {
                out.printf("%-16s %-38s %-8s %-15s %-20s %s%n", "promotion", "correlation id", "stage", "state",
                        "accepted", "took");
                for (PromotionSnapshot s : all) {
                    out.printf("%-16s %-38s %-8s %-15s %-20s %s%n", s.id(),
                            s.request() == null ? "-" : s.request().correlationId(),
                            stage(s), PromotionViews.state(stage(s), s.outcome()),
                            s.acceptedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            s.finishedAt() == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f s",
                                    java.time.Duration.between(s.acceptedAt(), s.finishedAt()).toMillis() / 1000.0));
                }
            }
            return Main.OK;
        }
        PromotionSnapshot one = store.find(rest.get(0));
        if (one == null) {
            err.println("release-pipeline: no promotion " + rest.get(0) + " in the store; run status to list them");
            return Main.FAILED;
        }
        if (json) {
            out.println(PromotionJson.write(one));
            return Main.OK;
        }
        out.println("promotion " + one.id() + " (" + (one.request() == null ? "-" : one.request().correlationId()) + ")");
        one.stages().forEach(st -> out.printf("  %-9s %s%n", st.stage(), st.startedAt()));
        one.packages().forEach(pkg -> out.printf("  package %s %s deploy_status=%s deploys=%d%n", pkg.packageId(),
                pkg.packageName(), pkg.deployStatus(), pkg.deploys()));
        one.components().forEach(c -> out.printf("  component %s seq=%s %s%s%n", c.name(), c.seq(), c.status(),
                c.failMessage() == null ? "" : ": " + c.failMessage()));
        out.println("  " + (one.outcome() == null ? "state     " + PromotionViews.state(stage(one), null)
                : "outcome   " + one.outcome() + ": " + one.detail()));
        return Main.OK;
    }

    private static Promotion.Stage stage(PromotionSnapshot s) {
        return s.stages().get(s.stages().size() - 1).stage();
    }
}
