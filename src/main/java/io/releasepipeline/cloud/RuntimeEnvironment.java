package io.releasepipeline.cloud;

import java.util.Map;
import org.apache.camel.CamelContext;

/**
 * The environment the runtime reads its secrets from (AK/SK, IAM and store passwords, webhook keys): the process's,
 * unless a bean named {@code environment} (a map) replaces it, as the tests do to hand a runtime secrets without a
 * process of its own.
 */
public final class RuntimeEnvironment {

    public static final String BEAN = "environment";

    private RuntimeEnvironment() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> of(CamelContext context) {
        Map<String, String> bound = context.getRegistry().lookupByNameAndType(BEAN, Map.class);
        return bound != null ? bound : System.getenv();
    }
}
