package io.releasepipeline.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.promotion.JdbcStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A webhook signature is let in once across every runtime sharing one PostgreSQL, and again after its window. */
class OneTimeValuesTest {

    @Test
    void aValueUsedOnOneRuntimeIsRefusedOnAnotherUntilItsWindowEnds() throws Exception {
        String url = Postgres.freshSchemaUrl();
        JdbcStore a = new JdbcStore(url, null, null);
        JdbcStore b = new JdbcStore(url, null, null);
        assertTrue(a.firstUse("webhook-signature:abc", Duration.ofMillis(600)));
        assertFalse(b.firstUse("webhook-signature:abc", Duration.ofMillis(600)), "replayed to another runtime");
        assertFalse(a.firstUse("webhook-signature:abc", Duration.ofMillis(600)), "replayed to the same runtime");
        assertTrue(b.firstUse("webhook-signature:def", Duration.ofMillis(600)));
        Thread.sleep(700);
        assertTrue(b.firstUse("webhook-signature:abc", Duration.ofMillis(600)), "its window has ended");
    }
}
