package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.releasepipeline.simulator.DemoData;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A runtime that runs for months keeps the promotions it runs and a bounded number of ended ones in memory. */
class RecentInMemoryTest {

    private static Promotion promotion(int i) {
        return new Promotion("p-" + String.format("%012x", i), new PromotionRequest(DemoData.WORKSPACE, List.of("1"),
                null, "bounded", DemoData.APPLY_USER_ID, List.of(DemoData.APPROVER_ID), 0, null, null, "c-" + i, null),
                Instant.ofEpochSecond(1_800_000_000L + i));
    }

    @Test
    void onlyTheNewestEndedPromotionsStayInMemoryAndTheOthersAreReadFromTheStore() throws Exception {
        FileStore store = new FileStore(Files.createTempDirectory("store"), Files.createTempFile("journal", ".jsonl"));
        Promotions registry = new Promotions(store, 3);
        Promotion running = promotion(0);
        registry.register(running);
        store.save(running.snapshot());
        List<Promotion> ended = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Promotion p = promotion(i);
            registry.register(p);
            p.finish(Outcome.SUCCEEDED, "done", Instant.now());
            store.save(p.snapshot());
            ended.add(p);
        }
        registry.register(promotion(11));   // registering is what forgets
        assertSame(running, registry.get(running.getId()), "a running promotion is never forgotten");
        assertSame(ended.get(9), registry.get(ended.get(9).getId()), "the newest ended ones stay");
        assertNull(registry.get(ended.get(0).getId()), "the oldest ended one is forgotten here");
        Promotion fromStore = registry.find(ended.get(0).getId());
        assertNotNull(fromStore, "and read from the store when asked for");
        assertEquals(Outcome.SUCCEEDED, fromStore.getOutcome());
        assertEquals(5, registry.recent(100).size(), "in memory: the two running and three ended");
    }

    @Test
    void promotionsThatEndAfterTheLastAcceptanceAreForgottenAsTheyEnd() throws Exception {
        FileStore store = new FileStore(Files.createTempDirectory("store"), Files.createTempFile("journal", ".jsonl"));
        Promotions registry = new Promotions(store, 3);
        List<Promotion> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Promotion p = promotion(i);
            registry.register(p);   // all ten running: none may be forgotten
            burst.add(p);
        }
        assertEquals(10, registry.recent(100).size());
        for (Promotion p : burst) {
            p.finish(Outcome.SUCCEEDED, "done", Instant.now());
            registry.ended(p);
        }
        assertEquals(3, registry.recent(100).size(), "no acceptance since: trimmed as they ended");
    }
}
