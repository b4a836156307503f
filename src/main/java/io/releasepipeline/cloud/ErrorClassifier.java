package io.releasepipeline.cloud;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The one table from the provider's error codes and HTTP statuses to an {@link ErrorCategory}. Defaults cover every
 * code of the API reference; operators add or change rows with {@code cloud.error-category.<code>=<CATEGORY>} keys
 * (a code such as {@code DLF.0810}, or {@code http-<status>}).
 */
public class ErrorClassifier {

    public static final String PROPERTY_PREFIX = "cloud.error-category.";

    private static final Map<String, ErrorCategory> DEFAULTS = Map.ofEntries(
            Map.entry("DLF.3051", ErrorCategory.INVALID_REQUEST),
            // DataArts answers "does not exist" with HTTP 400; the provider's own tooling reads these as not found.
            Map.entry("DLF.0810", ErrorCategory.NOT_FOUND),
            Map.entry("DLF.0100", ErrorCategory.NOT_FOUND),
            Map.entry("DLF.0819", ErrorCategory.NOT_FOUND),
            Map.entry("DLF.6201", ErrorCategory.NOT_FOUND),
            Map.entry("APIG.2011", ErrorCategory.INVALID_REQUEST),
            Map.entry("APIG.0301", ErrorCategory.AUTH),
            Map.entry("APIG.1002", ErrorCategory.AUTH),
            Map.entry("APIG.1005", ErrorCategory.FORBIDDEN),
            Map.entry("APIG.3084", ErrorCategory.NOT_FOUND),
            Map.entry("APIG.0308", ErrorCategory.THROTTLED),
            Map.entry("APIG.9999", ErrorCategory.TRANSIENT),
            Map.entry("IAM.0101", ErrorCategory.AUTH),
            Map.entry("http-400", ErrorCategory.INVALID_REQUEST),
            Map.entry("http-401", ErrorCategory.AUTH),
            Map.entry("http-403", ErrorCategory.FORBIDDEN),
            Map.entry("http-404", ErrorCategory.NOT_FOUND),
            Map.entry("http-408", ErrorCategory.TRANSIENT),
            Map.entry("http-429", ErrorCategory.THROTTLED));

    private final Map<String, ErrorCategory> table = new HashMap<>(DEFAULTS);

    public ErrorClassifier() {
    }

    /** Reads the operator's rows; an unknown category name fails with a message naming the key and the choices. */
    public ErrorClassifier(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PROPERTY_PREFIX)) {
                String value = properties.getProperty(key).trim().toUpperCase(Locale.ROOT);
                try {
                    table.put(key.substring(PROPERTY_PREFIX.length()), ErrorCategory.valueOf(value));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + "=" + properties.getProperty(key)
                            + " is not a category; use one of " + Arrays.toString(ErrorCategory.values()));
                }
            }
        }
    }

    /** By error code first (DLF.0810 is NOT_FOUND whatever its status), then by HTTP status. */
    public ErrorCategory classify(int httpStatus, String errorCode) {
        if (errorCode != null && table.containsKey(errorCode)) {
            return table.get(errorCode);
        }
        ErrorCategory byStatus = table.get("http-" + httpStatus);
        if (byStatus != null) {
            return byStatus;
        }
        return httpStatus >= 500 ? ErrorCategory.TRANSIENT : ErrorCategory.UNKNOWN;
    }
}
