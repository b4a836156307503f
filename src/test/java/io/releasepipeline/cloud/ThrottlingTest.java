package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.simulator.DemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

/** The simulated gateway's per-user, per-API limit answers 429 APIG.0308, read as THROTTLED. */
class ThrottlingTest extends CloudRouteTestSupport {

    @Override
    protected Map<String, String> overrides() {
        return Map.of("simulator.rate-per-second", "3");
    }

    @Test
    void burstPastTheLimitIsThrottled() {
        List<ErrorCategory> failures = new ArrayList<>();
        int succeeded = 0;
        for (int i = 0; i < 12; i++) {
            try {
                template.requestBody("direct:ListFactoryReleasePackages",
                        ListFactoryReleasePackagesRequest.page(DemoData.WORKSPACE, null, 10, 0));
                succeeded++;
            } catch (CamelExecutionException e) {
                CloudApiException failure = (CloudApiException) e.getCause();
                assertEquals("APIG.0308", failure.getErrorCode());
                failures.add(failure.getCategory());
            }
        }
        assertTrue(succeeded >= 3, "the first calls of each second pass");
        assertTrue(!failures.isEmpty() && failures.stream().allMatch(c -> c == ErrorCategory.THROTTLED), "" + failures);
        assertEquals(failures.size(), simulator().throttled());
    }
}
