package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.store.Postgres;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deploy claims on both stores: one owner while it is in flight, free again once it has ended. */
class DeployClaimsTest {

    private static PromotionSnapshot snapshot(String id, Outcome outcome) {
        return new PromotionSnapshot(id, null, Instant.now(), List.of(new Promotion.StageTime(Promotion.Stage.ACCEPTED,
                Instant.now())), List.of(), List.of(), List.of(), Map.of(), 0, 0, outcome, null, null);
    }

    private static void claims(PromotionStore store) {
        store.save(snapshot("p-a", null));
        store.save(snapshot("p-b", null));
        assertTrue(store.claimDeploy("proj/ws/13/never", "p-a"));
        assertTrue(store.claimDeploy("proj/ws/13/never", "p-a"), "its own claim, after a restart");
        assertFalse(store.claimDeploy("proj/ws/13/never", "p-b"), "held by a promotion in flight");
        store.save(snapshot("p-a", Outcome.DEAD_LETTERED));
        assertTrue(store.claimDeploy("proj/ws/13/never", "p-b"), "free once its owner has ended");
        assertFalse(store.claimDeploy("proj/ws/13/never", "p-a"));
    }

    @Test
    void fileStoreClaims() throws Exception {
        var dir = Files.createTempDirectory("claims");
        claims(new FileStore(dir, dir.resolve("journal.jsonl")));
    }

    @Test
    void postgresStoreClaims() {
        claims(new JdbcStore(Postgres.freshSchemaUrl(), null, null));
    }
}
