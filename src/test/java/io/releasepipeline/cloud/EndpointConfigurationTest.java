package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointConfigurationTest {

    @Test
    void malformedEndpointIsRefusedNamingTheKeyAndTheShape() {
        for (String bad : new String[] {"dayu.cn-north-4.myhuaweicloud.com", "https://", "ftp://host",
            "https://host/v2/path", "https://host?x=1", "https://ho st"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CloudConfiguration.endpoint("cloud.dataarts.endpoint", bad, false), bad);
            assertTrue(e.getMessage().startsWith("cloud.dataarts.endpoint=") && e.getMessage().contains("https://host"),
                    e.getMessage());
        }
    }

    @Test
    void plainHttpIsRefusedForRealEndpointsButAllowedOnLoopback() {
        assertThrows(IllegalArgumentException.class,
                () -> CloudConfiguration.endpoint("cloud.iam.endpoint", "http://iam.example.com", false));
        assertDoesNotThrow(() -> CloudConfiguration.endpoint("cloud.iam.endpoint", "http://127.0.0.1:18080", false));
        assertDoesNotThrow(() -> CloudConfiguration.endpoint("cloud.iam.endpoint", "https://iam.example.com:443", false));
    }
}
