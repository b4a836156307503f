package io.releasepipeline.simulator;

import java.util.Map;

/** A successful answer: status, a body to write as JSON, extra headers. */
record SimResponse(int status, Object body, Map<String, String> headers) {

    static SimResponse ok(Object body) {
        return new SimResponse(200, body, Map.of());
    }
}
