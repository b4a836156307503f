package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsResponse;
import io.releasepipeline.simulator.DemoData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults given in application.properties (simulator.faults) are in force from the start. */
class ConfiguredFaultsTest extends CloudRouteTestSupport {

    @Override
    protected Map<String, String> overrides() {
        return Map.of("simulator.faults", "[{\"operation\": \"ListFactoryPendingItems\", \"status\": 503,"
                + " \"error_code\": \"APIG.0202\", \"error_msg\": \"Backend unavailable\", \"times\": 2}]");
    }

    @Test
    void configuredFaultHitsTheFirstCallsThenLetsCallsThrough() {
        Object request = ListFactoryPendingItemsRequest.page(DemoData.WORKSPACE, 10, 0);
        assertEquals(ErrorCategory.TRANSIENT, failure("ListFactoryPendingItems", request).getCategory());
        assertEquals("APIG.0202", failure("ListFactoryPendingItems", request).getErrorCode());
        assertEquals(1, call("ListFactoryPendingItems", request, ListFactoryPendingItemsResponse.class).total());
    }
}
