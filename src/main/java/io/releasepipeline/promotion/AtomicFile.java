package io.releasepipeline.promotion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written whole or not at all, for the file stores (promotions, claims, dead letters): a temporary file beside
 * it, forced to disk, then renamed over it, so a crash leaves the old content or the new, never half of either.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    public static void write(Path target, String text) {
        write(target, text, () -> { });
    }

    /** As {@link #write(Path, String)}; {@code beforeRename} runs once the content is on disk (a crash point). */
    public static void write(Path target, String text, Runnable beforeRename) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".tmp-", ".part");
            boolean moved = false;
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                    channel.force(true);
                }
                beforeRename.run();
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                moved = true;
            } finally {
                if (!moved) {
                    // a write that failed (a full disk) leaves nothing behind (a process killed mid-write leaves a
                    // .part file, which nobody reads)
                    Files.deleteIfExists(temporary);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
