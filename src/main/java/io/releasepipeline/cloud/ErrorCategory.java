package io.releasepipeline.cloud;

/** What a failed call means for the caller: the failure routing decides by this, never by raw codes. */
public enum ErrorCategory {
    INVALID_REQUEST,
    NOT_FOUND,
    AUTH,
    FORBIDDEN,
    THROTTLED,
    TRANSIENT,
    UNKNOWN
}
