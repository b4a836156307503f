package io.releasepipeline.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsTrustedTest extends TlsVerificationTest {

    @Override
    protected Map<String, String> tls() {
        return Map.of("cloud.tls.ca-bundle", TlsSimulator.caBundle.toString());
    }

    @Test
    void certificateSignedByTheConfiguredCaBundleIsTrusted() {
        assertEquals(2, call("ListFactoryReleasePackages", list(), ListFactoryReleasePackagesResponse.class).total());
    }
}
