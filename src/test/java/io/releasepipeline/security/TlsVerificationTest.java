package io.releasepipeline.security;

import io.releasepipeline.cloud.CloudRouteTestSupport;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.simulator.DemoData;
import java.util.HashMap;
import java.util.Map;

/** Real endpoints over TLS: an untrusted certificate is refused; a configured CA bundle makes it trusted. */
abstract class TlsVerificationTest extends CloudRouteTestSupport {

    static {
        try {
            TlsSimulator.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Map<String, String> env() {
        return Map.of("CLOUD_SDK_AK", DemoData.AK, "CLOUD_SDK_SK", DemoData.SK);
    }

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> p = new HashMap<>();
        p.put("simulator.embedded", "false");
        for (String key : new String[] {"cloud.dataarts.endpoint", "cloud.servicestage.endpoint", "cloud.roma.endpoint",
            "cloud.iam.endpoint"}) {
            p.put(key, TlsSimulator.simulator.baseUrl());
        }
        p.put("camel.component.https.responseTimeout", "3000");
        p.putAll(tls());
        return p;
    }

    protected abstract Map<String, String> tls();

    static Object list() {
        return ListFactoryReleasePackagesRequest.page(DemoData.WORKSPACE, null, 10, 0);
    }
}
