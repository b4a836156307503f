package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.simulator.DemoData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AK/SK mode with a secret key the provider does not know: refused by the gateway, never leaked. */
class AkSkAuthTest extends CloudRouteTestSupport {

    private static final String WRONG_SK = "sentinel-wrong-secret-key-0000000000000000";

    @Override
    protected Map<String, String> env() {
        return Map.of(Credentials.AK_ENV, DemoData.AK, Credentials.SK_ENV, WRONG_SK);
    }

    @Test
    void requestSignedWithAWrongSecretKeyIsRefusedAsAuth() {
        CloudApiException e = failure("ListFactoryReleasePackages",
                ListFactoryReleasePackagesRequest.page(DemoData.WORKSPACE, null, 10, 0));
        assertEquals(401, e.getHttpStatus());
        assertEquals("APIG.0301", e.getErrorCode());
        assertEquals(ErrorCategory.AUTH, e.getCategory());
        assertFalse(e.getMessage().contains(WRONG_SK) || e.getMessage().contains(DemoData.AK),
                "no credential in the exception");
    }
}
