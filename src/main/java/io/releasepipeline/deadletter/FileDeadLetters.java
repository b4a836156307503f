package io.releasepipeline.deadletter;

import io.releasepipeline.promotion.AtomicFile;
import io.releasepipeline.promotion.CrashPoint;
import io.releasepipeline.promotion.DeadLetter;
import io.releasepipeline.promotion.PromotionJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dead-letter store of one runtime ({@code promotion.store=file}): one JSON file per entry in a directory, written
 * atomically (temporary file, fsync, rename), so an entry is either whole or absent after a crash. Replayed entries
 * move to {@code replayed/}, discarded ones to {@code discarded/} with a record of when and by whom.
 */
public class FileDeadLetters implements DeadLetters {

    private static final Pattern ID = Pattern.compile("dl-[0-9a-f]{12}");

    private final Path directory;
    public FileDeadLetters(Path directory) {
        this.directory = directory;
    }

    @Override
    public String store(DeadLetter letter) {
        AtomicFile.write(directory.resolve(letter.id() + ".json"), PromotionJson.write(letter),
                () -> CrashPoint.reached("dead-letter-write"));
        return letter.id();
    }

    @Override
    public List<DeadLetter> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .map(FileDeadLetters::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the dead letters in " + directory, e);
        }
    }

    @Override
    public DeadLetter get(String id) {
        Path file = file(id);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchElementException("no dead letter by that id (dlq list shows them)");
        }
        return read(file);
    }

    /** The entries here are the open ones (replayed and discarded ones move to folders of their own). */
    @Override
    public DeadLetter open(String id) {
        return get(id);
    }

    @Override
    public DeadLetter takeForReplay(String id) {
        return read(moveTo("replayed", id));
    }

    @Override
    public void discard(String id, String by) {
        Path discarded = moveTo("discarded", id);
        AtomicFile.write(discarded.resolveSibling(id + ".discarded.json"), PromotionJson.write(java.util.Map.of(
                "discarded_at", java.time.Instant.now().toString(), "discarded_by", String.valueOf(by))));
    }

    /** Moves an entry out of the open ones, atomically: of two racing takers, one gets it, the other finds none. */
    private Path moveTo(String folder, String id) {
        Path entry = file(id);
        try {
            Path target = Files.createDirectories(directory.resolve(folder)).resolve(id + ".json");
            Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (java.nio.file.NoSuchFileException gone) {
            throw new NoSuchElementException("no dead letter by that id (dlq list shows them)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move dead letter " + id + " to " + folder + "/", e);
        }
    }

    @Override
    public String location() {
        return directory.toAbsolutePath().toString();
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
            return PromotionJson.mapper().readValue(Files.readAllBytes(file), DeadLetter.class);
        } catch (com.fasterxml.jackson.core.JacksonException corrupt) {
            // a corrupt entry, not an outage: retrying would not help
            throw new io.releasepipeline.promotion.CorruptRecord("dead letter " + file + " cannot be read", corrupt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dead letter " + file, e);
        }
    }
}
