package io.releasepipeline.promotion;

/** Exactly one per promotion. */
public enum Outcome {
    SUCCEEDED,
    RELEASE_FAILED,
    TIMED_OUT,
    REJECTED,
    /** Its pending items are held by another promotion in flight, or were packaged by one: nothing left to do. */
    DUPLICATE,
    DEAD_LETTERED
}
