package io.releasepipeline.deadletter;

import io.releasepipeline.promotion.DeadLetter;
import io.releasepipeline.promotion.StoreOutage;
import java.util.List;

/**
 * The dead-letter store through {@link StoreOutage}: writing a promotion's dead letter waits for the store to come
 * back (the promotion's outcome waits with it); reads, replays and discards fail at once while it is down.
 */
public final class PausingDeadLetters implements DeadLetters {

    private final DeadLetters letters;
    private final StoreOutage outage;

    public PausingDeadLetters(DeadLetters letters, StoreOutage outage) {
        this.letters = letters;
        this.outage = outage;
    }

    @Override
    public String store(DeadLetter letter) {
        return outage.untilAvailable("storing a dead letter", () -> letters.store(letter));
    }

    @Override
    public List<DeadLetter> list() {
        return outage.once("listing dead letters", letters::list);
    }

    @Override
    public DeadLetter get(String id) {
        return outage.once("reading a dead letter", () -> letters.get(id));
    }

    @Override
    public DeadLetter open(String id) {
        return outage.once("reading a dead letter", () -> letters.open(id));
    }

    @Override
    public DeadLetter takeForReplay(String id) {
        return outage.once("taking a dead letter for replay", () -> letters.takeForReplay(id));
    }

    @Override
    public void discard(String id, String by) {
        outage.once("discarding a dead letter", () -> {
            letters.discard(id, by);
            return null;
        });
    }

    @Override
    public String location() {
        return letters.location();
    }
}
