package io.releasepipeline.reliability;

import io.releasepipeline.deadletter.JdbcDeadLetters;
import io.releasepipeline.promotion.DeadLetter;
import io.releasepipeline.promotion.JdbcStore;
import io.releasepipeline.store.Postgres;
import java.util.List;

/** Crash safety with PostgreSQL as the store. */
class PostgresCrashSafetyTest extends CrashSafetyTest {

    private final String url = Postgres.freshSchemaUrl();

    @Override
    protected String storeProperties() {
        // the killed runtime's leases must expire before the restarted one takes its promotions over
        return "promotion.store = postgresql\npromotion.store-url = " + url + "\n"
                + "promotion.lease-ms = 2000\npromotion.lease-renew-ms = 500\n";
    }

    @Override
    protected List<String> deadLetterIds() {
        return new JdbcDeadLetters(url, null, null).list().stream().map(DeadLetter::id).toList();
    }

    @Override
    protected List<String> journal() {
        return new JdbcStore(url, null, null).journal();
    }
}
