package io.releasepipeline.promotion;

/** A stored record that cannot be read (a truncated file, a row of bad JSON): set aside, never retried. */
public class CorruptRecord extends IllegalStateException {

    public CorruptRecord(String message, Throwable cause) {
        super(message, cause);
    }
}
