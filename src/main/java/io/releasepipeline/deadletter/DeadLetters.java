package io.releasepipeline.deadletter;

import io.releasepipeline.promotion.DeadLetter;
import java.util.List;

/**
 * The durable dead-letter store: every promotion that failed for good, to list, show, replay once or discard.
 * {@code promotion.store} picks it: files for one runtime, PostgreSQL for several runtimes sharing the store.
 */
public interface DeadLetters {

    /** Stores a dead letter; answers its id. */
    String store(DeadLetter letter);

    /** The open entries (neither replayed nor discarded), oldest first. */
    List<DeadLetter> list();

    /** An entry, or a {@link java.util.NoSuchElementException} when there is none by that id. */
    DeadLetter get(String id);

    /** An open entry (neither replayed nor discarded), or a {@link java.util.NoSuchElementException}. */
    DeadLetter open(String id);

    /**
     * Takes an open entry for replay, atomically: of two replays racing for it, one gets it and the other a
     * {@link java.util.NoSuchElementException}.
     */
    DeadLetter takeForReplay(String id);

    /** Discards an open entry, leaving a record of when and by whom. */
    void discard(String id, String by);

    /** Where the entries are, for people. */
    String location();
}
