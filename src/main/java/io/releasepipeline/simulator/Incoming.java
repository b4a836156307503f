package io.releasepipeline.simulator;

import java.util.Map;

/** A request as received: header names keep their case, path and query stay raw (the signature is over them). */
record Incoming(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
}
