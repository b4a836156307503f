package io.releasepipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releasepipeline.promotion.JdbcStore;
import io.releasepipeline.promotion.LeaseLost;
import io.releasepipeline.promotion.Outcome;
import io.releasepipeline.promotion.PromotionRequest;
import io.releasepipeline.promotion.PromotionSnapshot;
import io.releasepipeline.simulator.DemoData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A write retried after a PostgreSQL outage may have committed the first time (its answer lost with the connection):
 * written again, it changes nothing and is no failure.
 */
class RetriedWritesTest {

    @Test
    void anOutcomeAndAJournalLineWrittenTwiceAreKeptOnce() {
        String url = Postgres.freshSchemaUrl();
        JdbcStore store = new JdbcStore(url, null, null);
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        PromotionSnapshot accepted = new PromotionSnapshot("p-0000000000aa", new PromotionRequest(DemoData.WORKSPACE,
                List.of("1"), null, "r", DemoData.APPLY_USER_ID, List.of(DemoData.APPROVER_ID), 0, null, null, "c",
                null), at, List.of(), List.of(), List.of("1"), List.of(), Map.of(), 0, 0, null, null, null);
        store.save(accepted);
        PromotionSnapshot ended = accepted.ended(Outcome.SUCCEEDED, "done", at.plusSeconds(5));
        store.save(ended);
        store.save(ended);   // the retry: its own outcome is there already
        store.appendJournal("{\"promotion_id\":\"p-0000000000aa\",\"outcome\":\"SUCCEEDED\"}");
        store.appendJournal("{\"promotion_id\":\"p-0000000000aa\",\"outcome\":\"SUCCEEDED\"}");
        assertEquals(1, store.journal().size());
        // another runtime's write after the outcome is still refused
        JdbcStore other = new JdbcStore(url, null, null);
        assertThrows(LeaseLost.class, () -> other.save(accepted.ended(Outcome.DEAD_LETTERED, "x", at)));
    }
}
