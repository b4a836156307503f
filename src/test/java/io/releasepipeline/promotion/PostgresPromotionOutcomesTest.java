package io.releasepipeline.promotion;

import io.releasepipeline.store.Postgres;
import java.util.Map;

/** The same promotion outcomes with PostgreSQL as the store. */
class PostgresPromotionOutcomesTest extends PromotionOutcomesTest {

    @Override
    protected Map<String, String> overrides() {
        return Map.of("promotion.store", "postgresql", "promotion.store-url", Postgres.freshSchemaUrl());
    }
}
