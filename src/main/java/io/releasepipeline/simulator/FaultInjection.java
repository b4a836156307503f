package io.releasepipeline.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns a picked {@link Fault} into what the client sees: latency, a hang-up, a cut body or an error answer. */
final class FaultInjection {

    private FaultInjection() {
    }

    /** The faulted answer, or null when the fault only added latency and the operation answers as usual. */
    static Outgoing apply(Fault fault, Map<String, String> headers) {
        if (fault.hang()) {
            sleep(fault.latencyMs() > 0 ? fault.latencyMs() : 30_000);
            return Outgoing.hangUp();
        }
        if (fault.latencyMs() > 0) {
            sleep(fault.latencyMs());
        }
        if (fault.reset()) {
            return Outgoing.cutShort(headers, "{\"data\": [{\"package_id\": \"".getBytes(StandardCharsets.UTF_8));
        }
        if (fault.status() == 0) {
            return null;
        }
        if (fault.retryAfter() != null) {
            headers.put("Retry-After", fault.retryAfter());
        }
        byte[] body;
        if (fault.body() != null) {
            body = fault.body().getBytes(StandardCharsets.UTF_8);
        } else if (fault.errorCode() != null) {
            body = Outgoing.bytes(Map.of("error_code", fault.errorCode(), "error_msg",
                    fault.errorMsg() == null ? "" : fault.errorMsg()));
        } else {
            body = new byte[0];
        }
        return Outgoing.of(headers, fault.status(), fault.omitContentType() ? null : Outgoing.JSON, body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
