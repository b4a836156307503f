package io.releasepipeline.cli;

import io.releasepipeline.deadletter.DeadLetterConfiguration;
import io.releasepipeline.deadletter.DeadLetters;
import io.releasepipeline.promotion.DeadLetter;
import io.releasepipeline.promotion.Outcome;
import io.releasepipeline.promotion.Promotion;
import io.releasepipeline.promotion.PromotionJson;
import io.releasepipeline.promotion.Promotions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/** {@code dlq list|show|replay|discard}: the dead-letter store. */
final class DlqCommand {

    private static final String HELP = """
            Usage: java -jar release-pipeline.jar dlq list [--json]
                   java -jar release-pipeline.jar dlq show ID
                   java -jar release-pipeline.jar dlq replay ID
                   java -jar release-pipeline.jar dlq discard ID

            The dead letters in promotion.dead-letters: list them, show one in full (request, stage, category,
            the provider's error), replay one (its request runs again, once, with the same correlation id and
            package name; exit 0 when it succeeds), or discard one.
            Exit codes: 0 done, 1 no such dead letter or the replay did not succeed, 2 bad usage or configuration.
            """;

    private DlqCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Main.wantsHelp(args) || args.length == 0) {
            out.print(HELP);
            return args.length == 0 ? Main.USAGE : Main.OK;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean json = rest.remove("--json");
        String verb = rest.remove(0);
        boolean needsId = !verb.equals("list");
        if (!List.of("list", "show", "replay", "discard").contains(verb) || rest.size() != (needsId ? 1 : 0)) {
            err.println("release-pipeline: use dlq list, or dlq show|replay|discard ID; see dlq --help");
            return Main.USAGE;
        }
        DeadLetters letters = DeadLetterConfiguration.open(Runtime.properties(), System.getenv());
        try {
            switch (verb) {
                case "list" -> list(letters.list(), json, out);
                case "show" -> out.println(PromotionJson.write(letters.get(rest.get(0))));
                case "discard" -> {
                    letters.discard(rest.get(0), System.getProperty("user.name"));
                    out.println("discarded " + rest.get(0));
                }
                default -> {
                    return replay(rest.get(0), letters, out, err);
                }
            }
            return Main.OK;
        } catch (IllegalArgumentException | NoSuchElementException e) {
            err.println("release-pipeline: " + e.getMessage());
            return Main.FAILED;
        }
    }

    private static void list(List<DeadLetter> all, boolean json, PrintStream out) {
        if (json) {
            out.println(PromotionJson.write(all));
            return;
        }
        out.printf("%-16s %-16s %-10s %-16s %-34s %s%n", "dead letter", "promotion", "stage", "category", "operation",
                "error");
        for (DeadLetter d : all) {
            out.printf("%-16s %-16s %-10s %-16s %-34s %s%n", d.id(), d.promotionId(), d.stage(), d.category(),
                    d.operation() == null ? "-" : d.operation(),
                    (d.errorCode() == null ? "" : d.errorCode() + " ") + (d.errorMsg() == null ? "" : d.errorMsg()));
        }
    }

    private static int replay(String id, DeadLetters letters, PrintStream out, PrintStream err) {
        letters.get(id);
        return Runtime.withOnePass(err, null, context -> {
            Promotion p = context.createProducerTemplate()
                    .requestBody("direct:dead-letter-replay", id, Promotion.class);
            Promotions promotions = context.getRegistry().lookupByNameAndType("promotions", Promotions.class);
            promotions.awaitAll(List.of(p), Duration.ofHours(1));
            out.println("replayed " + id + " as promotion " + p.getId() + ": " + p.getOutcome() + " " + p.getDetail());
            return p.getOutcome() == Outcome.SUCCEEDED ? Main.OK : Main.FAILED;
        });
    }
}
