package io.releasepipeline.reliability;

import io.releasepipeline.promotion.JdbcStore;
import io.releasepipeline.store.Postgres;
import java.util.List;

/** Crash safety with PostgreSQL as the store. */
class PostgresCrashSafetyTest extends CrashSafetyTest {

    private final String url = Postgres.freshSchemaUrl();

    @Override
    protected String storeProperties() {
        return "promotion.store = postgresql\npromotion.store-url = " + url + "\n";
    }

    @Override
    protected List<String> journal() {
        return new JdbcStore(url, null, null).journal();
    }
}
