package io.releasepipeline.promotion;

/**
 * A key that started a promotion for another request: refused (the webhook answers 422, an inbox file goes to
 * error/), nothing started. An invalid request of a kind of its own, so every trigger refuses it as invalid input.
 */
public class IdempotencyConflict extends IllegalArgumentException {

    public IdempotencyConflict(String message) {
        super(message);
    }
}
