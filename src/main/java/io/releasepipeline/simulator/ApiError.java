package io.releasepipeline.simulator;

/** An error answer as the provider's gateway and services give it: HTTP status, error_code and error_msg. */
final class ApiError extends RuntimeException {

    final int status;
    final String code;

    ApiError(int status, String code, String msg) {
        super(msg, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError invalid(String detail) {
        return new ApiError(400, "DLF.3051", "The request parameter is invalid. " + detail);
    }

    static ApiError taskNotFound(String detail) {
        return new ApiError(400, "DLF.0810", "Task does not exist. " + detail);
    }
}
