package io.releasepipeline.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads request fields the way the provider's services do: documented types enforced (DLF.3051 naming the field),
 * but an empty string accepted as "unset" for numbers and arrays, as page 000's own example sends them.
 */
final class Fields {

    private Fields() {
    }

    static boolean unset(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isEmpty());
    }

    /** An optional text filter left out: absent or empty. */
    static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    static String string(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.invalid(name + " must be a string");
        }
        return node.asText();
    }

    static String requiredString(JsonNode body, String name) {
        String value = string(body, name);
        if (value == null || value.isBlank()) {
            throw ApiError.invalid(name + " is required");
        }
        return value;
    }

    static Long optLong(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (unset(node)) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        throw ApiError.invalid(name + " must be an integer");
    }

    static Integer optInt(JsonNode body, String name, int min, int max) {
        Long value = optLong(body, name);
        if (value == null) {
            return null;
        }
        if (value < min || value > max) {
            throw ApiError.invalid(name + " must be between " + min + " and " + max);
        }
        return value.intValue();
    }

    /** An array of strings; numbers are read as their text, like the provider's services read ids. */
    static List<String> optStrings(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (unset(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiError.invalid(name + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() && !item.isIntegralNumber()) {
                throw ApiError.invalid(name + " must be an array of strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    static List<String> requiredStrings(JsonNode body, String name, int max) {
        List<String> values = optStrings(body, name);
        if (values == null || values.isEmpty() || values.size() > max) {
            throw ApiError.invalid(name + " must hold 1 to " + max + " values");
        }
        return values;
    }

    static List<Integer> optInts(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (unset(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiError.invalid(name + " must be an array of integers");
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isIntegralNumber()) {
                throw ApiError.invalid(name + " must be an array of integers");
            }
            values.add(item.asInt());
        }
        return values;
    }

    /** A query parameter as an integer within bounds, or the default when absent. */
    static int queryInt(String value, String name, int min, int max, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw ApiError.invalid(name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name + " must be an integer");
        }
    }

    static Long queryLong(String value, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name + " must be an integer");
        }
    }
}
