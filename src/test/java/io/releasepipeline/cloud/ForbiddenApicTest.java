package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Request;
import io.releasepipeline.simulator.DemoData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An identity without permission on ROMA APIC is answered 403 APIG.1005. */
class ForbiddenApicTest extends CloudRouteTestSupport {

    @Override
    protected Map<String, String> env() {
        return Map.of(Credentials.AK_ENV, DemoData.READONLY_AK, Credentials.SK_ENV, DemoData.READONLY_SK);
    }

    @Test
    void callerWithoutApicPermissionIsForbidden() {
        CloudApiException e = failure("ListLiveDataApiDeploymentHistoryV2",
                new ListLiveDataApiDeploymentHistoryV2Request(DemoData.INSTANCE_ID, DemoData.LD_API_ID, 0, 10));
        assertEquals(403, e.getHttpStatus());
        assertEquals("APIG.1005", e.getErrorCode());
        assertEquals(ErrorCategory.FORBIDDEN, e.getCategory());
    }
}
