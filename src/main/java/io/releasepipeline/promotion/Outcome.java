package io.releasepipeline.promotion;

/** Exactly one per promotion. */
public enum Outcome {
    SUCCEEDED,
    RELEASE_FAILED,
    TIMED_OUT,
    REJECTED,
    DEAD_LETTERED
}
