package io.releasepipeline.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.CloudApiException;
import io.releasepipeline.cloud.ErrorCategory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsUntrustedTest extends TlsVerificationTest {

    @Override
    protected Map<String, String> tls() {
        return Map.of();
    }

    @Test
    void selfSignedCertificateIsRefusedAndNotRetried() {
        assertTrue(TlsSimulator.simulator.baseUrl().startsWith("https://"));
        CloudApiException e = failure("ListFactoryReleasePackages", list());
        assertEquals(ErrorCategory.UNKNOWN, e.getCategory());
        assertFalse(e.isAmbiguous());
        assertTrue(e.getErrorMsg().startsWith("TLS"), e.getErrorMsg());
    }
}
