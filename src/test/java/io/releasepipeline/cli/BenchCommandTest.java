package io.releasepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cli.Commands.Result;
import org.junit.jupiter.api.Test;

/** The benchmark's quick preset as a smoke run: both sides complete and the tables are printed (no timing asserted). */
class BenchCommandTest {

    @Test
    void quickPresetPromotesEverythingOnBothSidesAndListsTheHistoryPageByPage() {
        Result bench = Commands.run("bench", "--quick");
        assertEquals(0, bench.exit(), bench.out() + bench.err());
        assertTrue(bench.out().contains("| promotions succeeded | 3 / 3 | 3 / 3 |"), bench.out());
        assertTrue(bench.out().contains("pipeline / floor: "), bench.out());
        assertTrue(bench.out().contains("baseline / pipeline (wall time): "), bench.out());
        assertTrue(bench.out().contains("| release packages listed | 5000 of 5000 |"), bench.out());
        assertTrue(bench.out().contains("\"TO_BE_REVIEWED\":1667"), bench.out());
    }

    @Test
    void badOptionsAreOneLineNamingTheOption() {
        Result bad = Commands.run("bench", "--rate", "fast");
        assertEquals(2, bad.exit());
        assertEquals("release-pipeline: bench: --rate fast: give a whole number from 1 to 10000", bad.err().strip());
        Result tooMany = Commands.run("bench", "--items", "3", "--promotions", "5");
        assertEquals(2, tooMany.exit());
        assertTrue(tooMany.err().contains("--promotions 5 is more than --items 3"), tooMany.err());
        Result help = Commands.run("bench", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--quick"));
    }
}
