package io.releasepipeline.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A request the gateway has let through: its operation, path parameters, caller and parsed parts. */
record SimRequest(String operation, List<String> pathParams, Map<String, String> query, Map<String, String> headers,
                  byte[] body, World.User user, Instant now, JsonNode json) {

    String param(int i) {
        return pathParams.get(i);
    }

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
