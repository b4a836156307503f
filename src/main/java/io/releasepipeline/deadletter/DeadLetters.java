package io.releasepipeline.deadletter;

import io.releasepipeline.promotion.CrashPoint;
import io.releasepipeline.promotion.DeadLetter;
import io.releasepipeline.promotion.PromotionJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The durable dead-letter store: one JSON file per entry in a directory, written atomically (temporary file, fsync,
 * rename), so an entry is either whole or absent after a crash. Replayed entries move to {@code replayed/}.
 */
public class DeadLetters {

    private static final Pattern ID = Pattern.compile("dl-[0-9a-f]{12}");

    private final Path directory;
    public DeadLetters(Path directory) {
        this.directory = directory;
    }

    /** Stores a dead letter; answers its id. */
    public String store(DeadLetter letter) {
        write(directory.resolve(letter.id() + ".json"), PromotionJson.write(letter));
        return letter.id();
    }

    public List<DeadLetter> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .map(DeadLetters::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the dead letters in " + directory, e);
        }
    }

    /** The entry, or a {@link NoSuchElementException} when there is none by that id. */
    public DeadLetter get(String id) {
        Path file = file(id);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchElementException("no dead letter by that id (dlq list shows them)");
        }
        return read(file);
    }

    /** Takes an entry out of the store for replay: it moves to replayed/ and its request is answered. */
    public DeadLetter takeForReplay(String id) {
        DeadLetter letter = get(id);
        try {
            Path replayed = Files.createDirectories(directory.resolve("replayed"));
            Files.move(file(id), replayed.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move dead letter " + id + " to replayed/", e);
        }
        return letter;
    }

    public void discard(String id) {
        get(id);
        try {
            Files.delete(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete dead letter " + id, e);
        }
    }

    public Path directory() {
        return directory;
    }

    private Path file(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            // not an id this store ever gives (and never a path): there is no such entry
            throw new NoSuchElementException("no dead letter by that id: a dead letter id looks like dl-0123456789ab");
        }
        return directory.resolve(id + ".json");
    }

    private static DeadLetter read(Path file) {
        try {
            return PromotionJson.mapper().readValue(Files.readString(file), DeadLetter.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dead letter " + file, e);
        }
    }

    private void write(Path target, String json) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".dl-", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            CrashPoint.reached("dead-letter-write");
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letter " + target, e);
        }
    }
}
