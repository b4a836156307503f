package io.releasepipeline.promotion;

/** A request body in a media type the webhook does not read (it reads JSON): answered 415. */
public class UnsupportedMediaType extends RuntimeException {

    public UnsupportedMediaType(String message) {
        super(message);
    }
}
