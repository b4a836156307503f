package io.releasepipeline.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer to write, or a way of not answering: status 0 hangs up, {@code cut} ends the body half-way. */
record Outgoing(int status, Map<String, String> headers, byte[] body, boolean cut) {

    static final String JSON = "application/json;charset=UTF-8";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the provider's gateway answers when a service fails unexpectedly. */
    static final Outgoing SYSTEM_ERROR = new Outgoing(500, Map.of("Content-Type", JSON),
            "{\"error_code\":\"APIG.9999\",\"error_msg\":\"System error\"}".getBytes(StandardCharsets.UTF_8), false);

    /** An answer; {@code contentType} (null for none) is added to {@code headers}. */
    static Outgoing of(Map<String, String> headers, int status, String contentType, byte[] body) {
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Outgoing(status, headers, body, false);
    }

    static Outgoing json(Map<String, String> headers, int status, Object body) {
        return of(headers, status, JSON, bytes(body));
    }

    /** The provider's error body: error_code and error_msg. */
    static Outgoing error(Map<String, String> headers, ApiError e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error_code", e.code);
        body.put("error_msg", e.getMessage());
        return json(headers, e.status, body);
    }

    /** Closes the connection without a word. */
    static Outgoing hangUp() {
        return new Outgoing(0, Map.of(), new byte[0], false);
    }

    /** Starts a 200 answer with {@code start} of its body, then drops the connection. */
    static Outgoing cutShort(Map<String, String> headers, byte[] start) {
        headers.put("Content-Type", JSON);
        return new Outgoing(200, headers, start, true);
    }

    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserialisable answer", e);
        }
    }
}
