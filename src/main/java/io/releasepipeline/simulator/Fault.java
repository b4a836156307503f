package io.releasepipeline.simulator;

/**
 * One fault to inject into an operation's answers (JSON in snake_case through {@code POST /admin/faults}).
 *
 * @param operation        the provider's operation name, or "*" for every one
 * @param status           HTTP status to answer with; 0 to answer normally (after the latency)
 * @param errorCode        error_code of the JSON error body
 * @param errorMsg         error_msg of the JSON error body
 * @param body             a literal body instead (malformed JSON, an HTML page, an empty string)
 * @param omitContentType  answer without a Content-Type header
 * @param latencyMs        added latency before the answer
 * @param hang             hold the connection for latency_ms (default 30 s) and close it without an answer
 * @param reset            start a 200 answer and cut the connection in the middle of the body
 * @param retryAfter       value of a Retry-After header
 * @param times            how many calls it hits (null: every call)
 * @param fraction         share of calls it hits, 0 to 1 (null: all)
 */
public record Fault(String operation, int status, String errorCode, String errorMsg, String body,
                    boolean omitContentType, long latencyMs, boolean hang, boolean reset, String retryAfter,
                    Integer times, Double fraction) {

    public static Fault error(String operation, int status, String errorCode, String errorMsg) {
        return new Fault(operation, status, errorCode, errorMsg, null, false, 0, false, false, null, null, null);
    }

    public Fault times(int n) {
        return new Fault(operation, status, errorCode, errorMsg, body, omitContentType, latencyMs, hang, reset,
                retryAfter, n, fraction);
    }

    public Fault fraction(double share) {
        return new Fault(operation, status, errorCode, errorMsg, body, omitContentType, latencyMs, hang, reset,
                retryAfter, times, share);
    }

    public Fault retryAfter(String seconds) {
        return new Fault(operation, status, errorCode, errorMsg, body, omitContentType, latencyMs, hang, reset,
                seconds, times, fraction);
    }

    public static Fault body(String operation, int status, String body, boolean omitContentType) {
        return new Fault(operation, status, null, null, body, omitContentType, 0, false, false, null, null, null);
    }

    public static Fault latency(String operation, long millis) {
        return new Fault(operation, 0, null, null, null, false, millis, false, false, null, null, null);
    }

    public static Fault hang(String operation, long millis) {
        return new Fault(operation, 0, null, null, null, false, millis, true, false, null, null, null);
    }

    public static Fault reset(String operation) {
        return new Fault(operation, 0, null, null, null, false, 0, false, true, null, null, null);
    }
}
