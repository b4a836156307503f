package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesResponse;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IAM token mode: a project-scoped token, cached, renewed before expires_at and once after a rejection. */
class TokenAuthTest extends CloudRouteTestSupport {

    private static final Object LIST = ListFactoryReleasePackagesRequest.page(DemoData.WORKSPACE, null, 10, 0);

    @Override
    protected Map<String, String> overrides() {
        return Map.of("cloud.auth", "token", "simulator.token-lifetime-seconds", "2",
                "cloud.token.renew-before-seconds", "1");
    }

    private TokenCache tokens() {
        return context.getRegistry().lookupByNameAndType("tokenCache", TokenCache.class);
    }

    private int list() {
        return call("ListFactoryReleasePackages", LIST, ListFactoryReleasePackagesResponse.class).total();
    }

    @Test
    void oneTokenServesManyCalls() {
        for (int i = 0; i < 5; i++) {
            assertEquals(2, list());
        }
        assertEquals(1, tokens().issued());
        assertEquals(1, simulator().calls("KeystoneCreateUserTokenByPassword", 201));
    }

    @Test
    void tokenIsRenewedBeforeItExpires() throws Exception {
        list();
        Thread.sleep(1100);
        list();
        assertEquals(2, tokens().issued(), "renewed within renew-before of expires_at");
        assertEquals(0, simulator().calls("ListFactoryReleasePackages", 401), "never sent an expired token");
    }

    @Test
    void rejectedTokenIsRenewedOnceAndTheCallRetriedOnce() {
        list();
        simulator().faults().add(Fault.error("ListFactoryReleasePackages", 401, "APIG.1002",
                "Incorrect token or token resolution failed").times(1));
        assertEquals(2, list());
        assertEquals(2, tokens().issued());
    }

    @Test
    void tokenRejectedTwiceEndsAsAuthFailure() {
        simulator().faults().add(Fault.error("ListFactoryReleasePackages", 401, "APIG.1002",
                "Incorrect token or token resolution failed").times(2));
        CloudApiException e = failure("ListFactoryReleasePackages", LIST);
        assertEquals(ErrorCategory.AUTH, e.getCategory());
        assertEquals(2, simulator().calls("ListFactoryReleasePackages", 401), "retried exactly once");
    }
}
