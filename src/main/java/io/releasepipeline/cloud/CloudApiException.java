package io.releasepipeline.cloud;

/**
 * The one exception every failed cloud call becomes: a non-2xx answer, an I/O failure or an unreadable body.
 * It never holds request headers, so no credential can travel with it.
 */
public class CloudApiException extends RuntimeException {

    private final String service;
    private final String operation;
    private final int httpStatus;
    private final String errorCode;
    private final String errorMsg;
    private final String requestId;
    private final String rawBody;
    private final ErrorCategory category;
    private final boolean ambiguous;
    private final String retryAfter;

    public CloudApiException(String service, String operation, int httpStatus, String errorCode, String errorMsg,
                             String requestId, String rawBody, ErrorCategory category, boolean ambiguous,
                             String retryAfter) {
        super(describe(service, operation, httpStatus, errorCode, errorMsg, category));
        this.service = service;
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMsg = errorMsg;
        this.requestId = requestId;
        this.rawBody = rawBody;
        this.category = category;
        this.ambiguous = ambiguous;
        this.retryAfter = retryAfter;
    }

    private static String describe(String service, String operation, int status, String code, String msg,
                                   ErrorCategory category) {
        return service + " " + operation + " failed: " + category
                + (status > 0 ? " (HTTP " + status + ")" : "")
                + (code != null ? " " + code : "")
                + (msg != null ? ": " + msg : "");
    }

    public String getService() {
        return service;
    }

    public String getOperation() {
        return operation;
    }

    /** 0 when no HTTP answer was read at all. */
    public int getHttpStatus() {
        return httpStatus;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMsg() {
        return errorMsg;
    }

    public String getRequestId() {
        return requestId;
    }

    /** The body as received, kept only when it was not JSON. */
    public String getRawBody() {
        return rawBody;
    }

    public ErrorCategory getCategory() {
        return category;
    }

    /** True when the request may have taken effect on the provider's side (timeout, reset): re-read before resending. */
    public boolean isAmbiguous() {
        return ambiguous;
    }

    /** The {@code Retry-After} header when the provider sent one. */
    public String getRetryAfter() {
        return retryAfter;
    }
}
