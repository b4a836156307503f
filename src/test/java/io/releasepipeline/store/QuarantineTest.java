package io.releasepipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.promotion.FileStore;
import io.releasepipeline.promotion.JdbcStore;
import io.releasepipeline.promotion.PromotionRequest;
import io.releasepipeline.promotion.PromotionSnapshot;
import io.releasepipeline.promotion.PromotionStore;
import io.releasepipeline.promotion.PostgresDatabase;
import io.releasepipeline.simulator.DemoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An unreadable record is set aside with one WARN, never fatal: every healthy promotion is still read. */
class QuarantineTest {

    private static PromotionSnapshot snapshot(String id) {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        return new PromotionSnapshot(id, new PromotionRequest(DemoData.WORKSPACE, List.of("1"), null, "q",
                DemoData.APPLY_USER_ID, List.of(DemoData.APPROVER_ID), 0, null, null, "c-" + id, null), at,
                List.of(), List.of(), List.of("1"), List.of(), Map.of(), 0, 0, null, null, null);
    }

    private static void healthyOnesStillRead(PromotionStore store, String bad) {
        assertEquals(List.of("p-000000000001", "p-000000000002"), store.all().stream().map(PromotionSnapshot::id)
                .sorted().toList(), "the healthy ones");
        assertEquals(2, store.inFlight().size());
        assertEquals(2, store.takeOver().size(), "resumed without the bad one");
        assertNull(store.find(bad));
    }

    @Test
    void aTruncatedOrEmptySnapshotFileIsSetAside() throws Exception {
        Path dir = Files.createTempDirectory("store");
        FileStore store = new FileStore(dir, dir.resolve("journal.jsonl"));
        store.save(snapshot("p-000000000001"));
        store.save(snapshot("p-000000000002"));
        Path promotions = dir.resolve("promotions");
        String whole = Files.readString(promotions.resolve("p-000000000001.json"));
        Files.writeString(promotions.resolve("p-00000000000a.json"), whole.substring(0, whole.length() / 2));
        Files.writeString(promotions.resolve("p-00000000000b.json"), "");
        healthyOnesStillRead(store, "p-00000000000a");
        assertEquals(2, store.quarantined().size(), String.valueOf(store.quarantined()));
        assertTrue(store.quarantined().get(0).endsWith("quarantine/p-00000000000a.json"), store.quarantined().get(0));
        assertTrue(Files.notExists(promotions.resolve("p-00000000000a.json")), "moved out of the way");
    }

    @Test
    void anUnreadableRowIsFlaggedAndLeftOutForEveryRuntime() throws Exception {
        String url = Postgres.freshSchemaUrl();
        JdbcStore store = new JdbcStore(url, null, null);
        store.save(snapshot("p-000000000001"));
        store.save(snapshot("p-000000000002"));
        store.save(snapshot("p-00000000000a"));
        new PostgresDatabase(url, null, null).update("update rp_promotions set snapshot = '{\"id\": \"p-0' "
                + "where id = 'p-00000000000a'");
        store.releaseLeases();   // as the runtime that saved them stops: another one resumes them
        healthyOnesStillRead(new JdbcStore(url, null, null), "p-00000000000a");
        assertEquals(List.of("p-00000000000a"), store.quarantined());
    }
}
