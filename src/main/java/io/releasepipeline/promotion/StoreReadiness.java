package io.releasepipeline.promotion;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: DOWN with the store's error while the store is unavailable (found by Camel's health registry). */
public class StoreReadiness extends AbstractHealthCheck {

    private final StoreOutage outage;

    public StoreReadiness(StoreOutage outage) {
        super("release-pipeline", "promotion-store");
        this.outage = outage;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String failure = outage.failure();
        if (failure == null) {
            builder.up();
        } else {
            builder.message("the store is unavailable: " + failure).down();
        }
    }
}
