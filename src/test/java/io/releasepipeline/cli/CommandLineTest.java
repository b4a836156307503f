package io.releasepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cli.Commands.Result;
import org.junit.jupiter.api.Test;

/** The command line as a user runs it (from the project root, so ./application.properties and ./routes apply). */
class CommandLineTest {

    @Test
    void helpListsTheCommandsAndEachCommandHasItsOwnHelp() {
        Result help = Commands.run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("simulator") && help.out().contains("call") && help.out().contains("validate"));
        for (String command : new String[] {"simulator", "call", "validate", "promote", "run", "status", "dlq",
            "bench"}) {
            Result own = Commands.run(command, "--help");
            assertEquals(0, own.exit(), command);
            assertTrue(own.out().startsWith("Usage: java -jar release-pipeline.jar " + command), own.out());
        }
        assertEquals(2, Commands.run().exit(), "no command is a usage error");
    }

    @Test
    void unknownCommandOrOperationIsAUsageErrorOnOneLine() {
        Result command = Commands.run("deploy-everything");
        assertEquals(2, command.exit());
        assertEquals(1, command.err().lines().count(), command.err());
        Result operation = Commands.run("call", "DeleteEverything");
        assertEquals(2, operation.exit());
        assertTrue(operation.err().contains("ListFactoryReleasePackages"), "names the valid operations");
    }

    @Test
    void callWithInvalidJsonNamesTheProblemWithoutAStackTrace() {
        Result bad = Commands.run("call", "ShowFactoryPackageDetail", "--json", "{\"package_id\": \"../etc\"}");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("package_id"), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace");
    }

    @Test
    void callPrintsTheTypedAnswer() {
        Result list = Commands.run("call", "ListFactoryReleasePackages", "--json", "{\"limit\": 1}");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("\"total\" : 2"), list.out());
        assertTrue(list.out().contains("\"package_id\" : \"4\""), list.out());
    }

    @Test
    void callThatFailsPrintsTheClassifiedErrorAndExits1() {
        Result failed = Commands.run("call", "DeployFactoryPackages", "--json", "{\"package_ids\": [\"999\"]}");
        assertEquals(1, failed.exit());
        assertTrue(failed.out().contains("\"category\" : \"NOT_FOUND\""), failed.out());
        assertTrue(failed.out().contains("\"error_code\" : \"DLF.0810\""), failed.out());
    }

    @Test
    void validateCallsEveryOperationAgainstTheEmbeddedSimulator() {
        Result validate = Commands.run("validate");
        assertEquals(0, validate.exit(), validate.out() + validate.err());
        for (String op : new String[] {"ListFactoryPendingItems", "ListFactoryReleasePackages",
            "ShowFactoryPackageDetail", "CreateFactoryPendingItemsPackage", "DeployFactoryPackages",
            "ShowReleasePlanDeployInfo", "ListLiveDataApiDeploymentHistoryV2"}) {
            assertTrue(validate.out().lines().anyMatch(l -> l.startsWith("ok") && l.contains(op)), op + "\n"
                    + validate.out());
        }
        assertTrue(validate.out().contains("deploy_status=2"), validate.out());
    }

    @Test
    void validateWithJsonPrintsEveryCheckForMachines() throws Exception {
        Result validate = Commands.run("validate", "--json");
        assertEquals(0, validate.exit(), validate.out() + validate.err());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(validate.out());
        assertTrue(json.get("ok").asBoolean(), validate.out());
        assertTrue(json.get("endpoints").asText().contains("embedded simulator"), validate.out());
        java.util.Set<String> ok = new java.util.HashSet<>();
        json.get("checks").forEach(c -> {
            if (c.get("result").asText().equals("ok")) {
                ok.add(c.get("check").asText());
            }
        });
        assertTrue(ok.containsAll(java.util.List.of("ListFactoryPendingItems", "CreateFactoryPendingItemsPackage",
                "DeployFactoryPackages", "deploy outcome", "ShowReleasePlanDeployInfo")), ok.toString());
        assertEquals(2, Commands.run("validate", "--json", "extra").exit(), "other arguments are refused");
    }

    @Test
    void promoteRunsTheDemoAndEveryOutcomeIsTheExpectedOne() {
        Result promote = Commands.run("promote");
        assertEquals(0, promote.exit(), promote.out() + promote.err());
        for (String scenario : new String[] {"clean release", "already released", "DataArts deploy fails",
            "component fails, rolls back", "unknown item (DLF.0810)", "throttled burst recovers"}) {
            assertTrue(promote.out().lines().anyMatch(l -> l.startsWith(scenario) && l.contains(" yes ")),
                    scenario + "\n" + promote.out());
        }
        assertTrue(promote.out().contains("Every promotion ended as expected."));
        assertFalse(promote.out().contains("\r"), "not a terminal: plain lines, no progress line");
    }

    @Test
    void promoteWithJsonPrintsOneDocumentForMachines() throws Exception {
        Result promote = Commands.run("promote", "--json");
        assertEquals(0, promote.exit(), promote.out() + promote.err());
        String document = promote.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(document);
        assertTrue(json.get("as_expected").asBoolean(), document);
        assertEquals(6, json.get("promotions").size(), document);
        for (com.fasterxml.jackson.databind.JsonNode p : json.get("promotions")) {
            assertEquals(p.get("expected").asText(), p.get("outcome").asText(), p.toString());
            assertTrue(p.get("api_calls").asInt() > 0, p.toString());
        }
        assertFalse(promote.out().contains("Every promotion ended"), "no table with --json");
    }

    @Test
    void progressLineShowsStageAndElapsedTime() {
        io.releasepipeline.promotion.Promotion waiting = new io.releasepipeline.promotion.Promotion("p-1",
                null, java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals("ACCEPTED 12s | ACCEPTED 3s", PromoteCommand.progress(java.util.List.of(waiting,
                new io.releasepipeline.promotion.Promotion("p-2", null, java.time.Instant.parse(
                        "2026-01-01T00:00:09Z"))), java.time.Instant.parse("2026-01-01T00:00:12Z")));
    }

    @Test
    void commandsTakingNoArgumentsRefuseThem() {
        for (String command : new String[] {"validate", "promote", "run"}) {
            Result extra = Commands.run(command, "now");
            assertEquals(2, extra.exit(), command);
            assertTrue(extra.err().contains(command + " takes no arguments"), extra.err());
        }
    }

    @Test
    void statusAndDlqReadTheStoresWithMeaningfulExitCodes() {
        Result list = Commands.run("status", "--json");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().startsWith("["), list.out());
        assertEquals(1, Commands.run("status", "p-000000000000").exit(), "no such promotion");
        assertEquals(2, Commands.run("status", "a", "b").exit());
        Result letters = Commands.run("dlq", "list", "--json");
        assertEquals(0, letters.exit(), letters.err());
        assertTrue(letters.out().startsWith("["), letters.out());
        assertEquals(1, Commands.run("dlq", "show", "dl-000000000000").exit(), "no such dead letter");
        Result badId = Commands.run("dlq", "replay", "../../etc/passwd");
        assertEquals(1, badId.exit());
        assertTrue(badId.err().contains("dl-0123456789ab"), badId.err());
        assertEquals(2, Commands.run("dlq").exit());
        assertEquals(2, Commands.run("dlq", "frobnicate", "x").exit());
        assertEquals(2, Commands.run("dlq", "show").exit());
    }

    @Test
    void simulatorRefusesABadPort() {
        Result bad = Commands.run("simulator", "--port", "eighty");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--port"), bad.err());
    }
}
