package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A configuration that cannot work stops the start with one line naming the key and the fix. */
class CloudConfigurationTest {

    private static String refusal(Map<String, String> keys, Map<String, String> env) {
        Properties p = new Properties();
        p.putAll(Map.of("simulator.embedded", "false", "cloud.project-id", "p1",
                "cloud.dataarts.endpoint", "https://dayu.example.com", "cloud.servicestage.endpoint",
                "https://servicestage.example.com", "cloud.roma.endpoint", "https://roma.example.com",
                "cloud.iam.endpoint", "https://iam.example.com"));
        p.putAll(keys);
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CloudConfiguration(env).configure(context));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void realEndpointsWithoutCredentialsAreRefused() {
        assertTrue(refusal(Map.of(), Map.of()).contains("CLOUD_SDK_AK"));
        assertTrue(refusal(Map.of("cloud.auth", "token", "cloud.iam.domain", "d", "cloud.iam.user", "u"), Map.of())
                .contains("CLOUD_IAM_PASSWORD"));
    }

    @Test
    void unknownAuthModeMalformedUrlAndUnknownCategoryAreRefusedNamingTheKey() {
        Map<String, String> creds = Map.of("CLOUD_SDK_AK", "ak", "CLOUD_SDK_SK", "sk");
        assertTrue(refusal(Map.of("cloud.auth", "magic"), creds).startsWith("cloud.auth=magic"));
        assertTrue(refusal(Map.of("cloud.roma.endpoint", "roma.example.com"), creds)
                .startsWith("cloud.roma.endpoint="));
        Map<String, String> badRow = new HashMap<>(Map.of("cloud.error-category.DLF.0810", "GONE"));
        assertTrue(refusal(badRow, creds).startsWith("cloud.error-category.DLF.0810=GONE"));
        assertTrue(refusal(Map.of("cloud.credentials-file", "/no/such/file"), Map.of())
                .startsWith("cloud.credentials-file=/no/such/file"));
    }
}
