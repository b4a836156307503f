package io.releasepipeline.promotion;

/**
 * The store cannot be read or written now (PostgreSQL down or unreachable, a full or failing disk): a dependency that
 * is down, not a verdict on a promotion. The chain pauses and retries ({@link StoreOutage}); a new request is answered
 * 503; no outcome is ever decided from it.
 */
public class StoreUnavailable extends IllegalStateException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
