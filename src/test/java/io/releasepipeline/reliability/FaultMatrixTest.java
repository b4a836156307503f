package io.releasepipeline.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.CloudRouteTestSupport;
import io.releasepipeline.promotion.Outcome;
import io.releasepipeline.promotion.Outcomes;
import io.releasepipeline.promotion.Promotion;
import io.releasepipeline.promotion.PromotionRequest;
import io.releasepipeline.promotion.Promotions;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix: for each operation a promotion uses, each fault the provider's gateway or network can give,
 * injected once, on every call, and on a fraction of calls, a promotion runs through the real routes against the
 * simulator. Each cell must end in its expected outcome, and across the matrix every promotion ends in exactly one
 * outcome, none is lost, no package is deployed twice and no create is duplicated. The table goes to
 * target/reliability.md, and to the file named by -Dreliability.doc (docs/reliability.md).
 */
class FaultMatrixTest extends CloudRouteTestSupport {

    // every operation a promotion calls on its way; ListFactoryReleasePackages is called only to find what an
    // earlier attempt created (after an ambiguous failure, on a resume), which the crash tests exercise
    private static final List<String> OPERATIONS = List.of("ListFactoryPendingItems",
            "CreateFactoryPendingItemsPackage", "DeployFactoryPackages", "ShowFactoryPackageDetail",
            "ShowReleasePlanDeployInfo", "ListLiveDataApiDeploymentHistoryV2");
    private static final String HTML = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

    /** A fault kind: how to build it for an operation, and what it means when it never stops. */
    private record Kind(String name, String persistentCategory, java.util.function.Function<String, Fault> fault) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("500 with body", "TRANSIENT", op -> Fault.error(op, 500, "APIG.9999", "System error")),
            new Kind("500 without body", "TRANSIENT", op -> Fault.body(op, 500, "", false)),
            new Kind("502 with body", "TRANSIENT", op -> Fault.error(op, 502, "APIG.0203", "Bad gateway")),
            new Kind("502 without body", "TRANSIENT", op -> Fault.body(op, 502, "", false)),
            new Kind("503 with body", "TRANSIENT", op -> Fault.error(op, 503, "APIG.0202", "Backend unavailable")),
            new Kind("503 without body", "TRANSIENT", op -> Fault.body(op, 503, "", false)),
            new Kind("504 with body", "TRANSIENT", op -> Fault.error(op, 504, "APIG.0201", "Backend timeout")),
            new Kind("504 without body", "TRANSIENT", op -> Fault.body(op, 504, "", false)),
            new Kind("429 APIG.0308 with Retry-After", "THROTTLED",
                    op -> Fault.error(op, 429, "APIG.0308", "over ratelimit").retryAfter("0")),
            new Kind("429 APIG.0308 without Retry-After", "THROTTLED",
                    op -> Fault.error(op, 429, "APIG.0308", "over ratelimit")),
            new Kind("read timeout", "TRANSIENT", op -> Fault.hang(op, 900)),
            new Kind("reset mid-body", "TRANSIENT", Fault::reset),
            new Kind("malformed JSON", "TRANSIENT", op -> Fault.body(op, 200, "{\"data\": [{\"id\": ", false)),
            new Kind("empty body", "TRANSIENT", op -> Fault.body(op, 200, "", false)),
            new Kind("HTML error page", "TRANSIENT", op -> Fault.body(op, 502, HTML, false)),
            new Kind("missing Content-Type", "TRANSIENT", op -> Fault.body(op, 503, "{\"error_code\": \"APIG.0202\","
                    + " \"error_msg\": \"Backend unavailable\"}", true)),
            new Kind("401 APIG.1002", "AUTH", op -> Fault.error(op, 401, "APIG.1002", "Incorrect token")),
            new Kind("403 APIG.1005", "FORBIDDEN", op -> Fault.error(op, 403, "APIG.1005", "No permissions")),
            new Kind("404", "NOT_FOUND", op -> Fault.body(op, 404, "", false)),
            new Kind("400 DLF.3051", "INVALID_REQUEST", op -> Fault.error(op, 400, "DLF.3051", "invalid")),
            new Kind("400 DLF.0810", "NOT_FOUND", op -> Fault.error(op, 400, "DLF.0810", "Task does not exist.")));

    private static final List<String> MODES = List.of("once", "always", "20% of calls");

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("simulator.deploy-duration-ms", "150");
        // none of these faults lets a call land late: a call in doubt needs no long watch here
        p.put("deploy.ambiguous-grace-ms", "300");
        p.put("simulator.component-duration-ms", "100");
        p.put("camel.component.http.responseTimeout", "500");
        p.put("camel.component.http.soTimeout", "500");
        p.put("poll.initial-delay-ms", "30");
        p.put("poll.max-interval-ms", "60");
        p.put("poll.timeout-ms", "20000");
        p.put("retry.max-attempts", "6");
        p.put("retry.initial-delay-ms", "5");
        p.put("retry.max-delay-ms", "20");
        p.put("promotion.concurrency", "1");
        return p;
    }

    private static boolean transientKind(Kind kind) {
        return kind.persistentCategory().equals("TRANSIENT") || kind.persistentCategory().equals("THROTTLED");
    }

    @Test
    void everyFaultOnEveryOperationEndsAsExpectedAndNothingIsLostOrDoneTwice() throws Exception {
        Promotions promotions = context.getRegistry().lookupByNameAndType("promotions", Promotions.class);
        List<String> mismatches = new ArrayList<>();
        List<Promotion> all = new ArrayList<>();
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        long injected = 0;
        int recovered = 0;
        int deadLettered = 0;
        int cell = 0;
        for (Kind kind : KINDS) {
            for (String mode : MODES) {
                Map<String, String> row = table.computeIfAbsent(kind.name() + " | " + mode, k -> new LinkedHashMap<>());
                for (String op : OPERATIONS) {
                    cell++;
                    String name = "m" + cell;
                    List<String> items = simulator().scenarios().addPendingItems(DemoData.PROJECT_ID,
                            DemoData.WORKSPACE, List.of(name + "_item"));
                    simulator().scenarios().addReleasePlan(DemoData.PROJECT_ID, "plan-" + name, List.of("svc"),
                            List.of(DemoData.LD_API_ID));
                    Fault fault = kind.fault().apply(op);
                    fault = switch (mode) {
                        case "once" -> fault.times(1);
                        case "always" -> fault;
                        default -> fault.fraction(0.2);
                    };
                    simulator().faults().clear();
                    long before = simulator().faults().injected();
                    simulator().faults().add(fault);
                    PromotionRequest request = new PromotionRequest(DemoData.WORKSPACE, null,
                            new PromotionRequest.Selector(name + "_", null, null, null), name, DemoData.APPLY_USER_ID,
                            List.of(DemoData.APPROVER_ID), 0, "plan-" + name,
                            List.of(new PromotionRequest.LiveDataApi(DemoData.INSTANCE_ID, DemoData.LD_API_ID)), null,
                            null);
                    Promotion p = template.requestBody("direct:promotion-submit", request, Promotion.class);
                    all.add(p);
                    promotions.awaitAll(List.of(p), Duration.ofSeconds(60));
                    simulator().faults().clear();
                    long hits = simulator().faults().injected() - before;
                    injected += hits;
                    String category = p.getOutcome() == Outcome.DEAD_LETTERED ? p.getDetail().split(" ")[0] : null;
                    String seenAs = p.getOutcome() == null ? "LOST" : p.getOutcome() == Outcome.SUCCEEDED
                            ? (hits > 0 ? "recovered" : "not hit") : p.getOutcome() == Outcome.DEAD_LETTERED
                            ? "dead letter " + category : p.getOutcome().name();
                    row.put(op, seenAs + (hits > 1 ? " (" + hits + " hits)" : ""));
                    if (p.getOutcome() == Outcome.SUCCEEDED && hits > 0) {
                        recovered++;
                    } else if (p.getOutcome() == Outcome.DEAD_LETTERED) {
                        deadLettered++;
                    }
                    boolean expected;
                    if (transientKind(kind)) {
                        expected = mode.equals("always")
                                ? p.getOutcome() == Outcome.DEAD_LETTERED && kind.persistentCategory().equals(category)
                                : p.getOutcome() == Outcome.SUCCEEDED;
                    } else if (mode.equals("20% of calls")) {
                        expected = p.getOutcome() == Outcome.SUCCEEDED || (p.getOutcome() == Outcome.DEAD_LETTERED
                                && kind.persistentCategory().equals(category));
                    } else {
                        expected = p.getOutcome() == Outcome.DEAD_LETTERED && kind.persistentCategory().equals(category);
                    }
                    if (!expected) {
                        mismatches.add(kind.name() + " / " + mode + " / " + op + ": " + p.getOutcome() + " "
                                + p.getDetail());
                    }
                    if (simulator().scenarios().packagesNamed(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                            p.getRequest().packageName()) > 1) {
                        mismatches.add("duplicate create: " + p.getRequest().packageName());
                    }
                }
            }
        }
        // a refused connection cannot hit one operation of a server that answers the others: the endpoint goes down
        List<String> downItems = simulator().scenarios().addPendingItems(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                List.of("down_item"));
        simulator().refuseConnections();
        Promotion down = template.requestBody("direct:promotion-submit", new PromotionRequest(DemoData.WORKSPACE,
                downItems, null, "down", DemoData.APPLY_USER_ID, List.of(DemoData.APPROVER_ID), 0, null, null, null,
                null), Promotion.class);
        all.add(down);
        promotions.awaitAll(List.of(down), Duration.ofSeconds(60));
        simulator().acceptConnections();
        String downSeen = down.getOutcome() == Outcome.DEAD_LETTERED ? "dead letter " + down.getDetail().split(" ")[0]
                : String.valueOf(down.getOutcome());
        Map<String, String> downRow = table.computeIfAbsent("connection refused (endpoint down) | always",
                k -> new LinkedHashMap<>());
        OPERATIONS.forEach(op -> downRow.put(op, downSeen));
        if (!"dead letter TRANSIENT".equals(downSeen)) {
            mismatches.add("connection refused: " + down.getOutcome() + " " + down.getDetail());
        }
        deadLettered += down.getOutcome() == Outcome.DEAD_LETTERED ? 1 : 0;
        long lost = all.stream().filter(p -> p.getOutcome() == null).count();
        long duplicateDeploys = simulator().world().deploysByPackage().values().stream().filter(n -> n > 1).count();
        long duplicateCreates = all.stream().filter(p -> p.getRequest() != null
                && simulator().scenarios().packagesNamed(DemoData.PROJECT_ID, DemoData.WORKSPACE,
                        p.getRequest().packageName()) > 1).count();
        List<String> journal = Files.readAllLines(
                context.getRegistry().lookupByNameAndType("outcomes", Outcomes.class).journal());
        for (Promotion p : all) {
            long lines = journal.stream().filter(l -> l.contains("\"promotion_id\":\"" + p.getId() + "\"")).count();
            if (lines != 1) {
                mismatches.add(p.getId() + " has " + lines + " journal lines");
            }
        }
        write(table, all.size(), injected, recovered, deadLettered, lost, duplicateDeploys, duplicateCreates);
        assertEquals(0, lost, "lost promotions");
        assertEquals(0, duplicateDeploys, "packages deployed twice");
        assertEquals(0, duplicateCreates, "duplicated creates");
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    private static void write(Map<String, Map<String, String>> table, int promotions, long injected, int recovered,
                              int deadLettered, long lost, long duplicateDeploys, long duplicateCreates)
            throws Exception {
        StringBuilder md = new StringBuilder("""
                # Reliability: the fault matrix

                Generated by `FaultMatrixTest` (regenerate: `mvn -B test -Dtest=FaultMatrixTest \
                -Dreliability.doc=docs/reliability.md`). Each cell is one promotion (a selector over pending items, a
                create, a deploy, a release plan to watch and a livedata API to verify) run through the real routes
                against the simulator with the fault injected into that operation: once, on every call, or on 20% of
                calls (retries: 6 with exponential backoff; client read timeout 500 ms).

                "recovered": the promotion succeeded after the fault hit it; "dead letter X": it ended DEAD_LETTERED
                with category X, as expected for a fault that never stops or does not go away by retrying;
                "not hit": the fraction never fell on that operation's calls.

                """);
        md.append("| totals | |\n|---|---|\n")
                .append("| promotions | ").append(promotions).append(" |\n")
                .append("| faults injected | ").append(injected).append(" |\n")
                .append("| recovered | ").append(recovered).append(" |\n")
                .append("| dead-lettered | ").append(deadLettered).append(" |\n")
                .append("| lost | ").append(lost).append(" |\n")
                .append("| duplicate deploys | ").append(duplicateDeploys).append(" |\n")
                .append("| duplicate creates | ").append(duplicateCreates).append(" |\n\n");
        md.append("| fault | mode | ").append(String.join(" | ", OPERATIONS)).append(" |\n|---|---|")
                .append("---|".repeat(OPERATIONS.size())).append('\n');
        table.forEach((row, cells) -> {
            md.append("| ").append(row.replace(" | ", " | ")).append(" | ");
            OPERATIONS.forEach(op -> md.append(cells.get(op)).append(" | "));
            md.append('\n');
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/reliability.md"), md);
        String doc = System.getProperty("reliability.doc");
        if (doc != null && !doc.isBlank()) {
            // the multi-runtime table (MultiRuntimeTest) follows the matrix in the same document: kept as it is
            String existing = Files.exists(Path.of(doc)) ? Files.readString(Path.of(doc)) : "";
            int next = existing.indexOf(MultiRuntimeTest.SECTION);
            Files.writeString(Path.of(doc), md + (next < 0 ? "" : "\n" + existing.substring(next)));
        }
    }
}
