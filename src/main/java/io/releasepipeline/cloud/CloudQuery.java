package io.releasepipeline.cloud;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** Query strings and path ids for GET operations: unset values are left out, the rest encoded. */
public final class CloudQuery {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private CloudQuery() {
    }

    /** Pairs of name and value; a null value leaves its name out. */
    public static String of(Object... namesAndValues) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                query.add(namesAndValues[i] + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
        }
        return query.toString();
    }

    /**
     * An id that goes into a request path: only letters, digits, '.', '_' and '-', so that no value can change the
     * path that is signed and sent.
     */
    public static String pathId(String field, String value) {
        if (value == null || !SAFE_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to 128 letters, digits, '.', '_' or '-'"
                    + (value == null ? " (it is missing)" : ""));
        }
        return value;
    }
}
