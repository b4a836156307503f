package io.releasepipeline.promotion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded store (the default, nothing to install): a directory with one JSON file per promotion (written to a
 * temporary file, fsynced, renamed), one file per deploy claim (created exclusively, so two claims cannot both
 * win; a claim whose promotion has ended is free again), and the journal as JSON lines.
 */
public class FileStore implements PromotionStore {

    private final Path promotions;
    private final Path claims;
    private final Path keys;
    private final Path itemClaims;
    private final Path quarantine;
    private final Path journal;

    public FileStore(Path directory, Path journal) {
        this.promotions = directory.resolve("promotions");
        this.claims = directory.resolve("deploy-claims");
        this.keys = directory.resolve("idempotency-keys");
        this.itemClaims = directory.resolve("item-claims");
        this.quarantine = directory.resolve("quarantine");
        this.journal = journal;
        try {
            Files.createDirectories(promotions);
            Files.createDirectories(claims);
            Files.createDirectories(keys);
            Files.createDirectories(itemClaims);
        } catch (IOException e) {
            throw new IllegalArgumentException("promotion.store-dir=" + directory + " cannot be created: "
                    + e.getMessage());
        }
    }

    @Override
    public void save(PromotionSnapshot snapshot) {
        AtomicFile.write(promotions.resolve(snapshot.id() + ".json"), PromotionJson.write(snapshot));
    }

    private boolean tookOver;

    /** One runtime per directory: what a previous process left is taken over once, at the first scan. */
    @Override
    public synchronized List<PromotionSnapshot> takeOver() {
        if (tookOver) {
            return List.of();
        }
        List<PromotionSnapshot> left = inFlight();
        tookOver = true;   // only once read: a read that failed is tried again at the next scan
        return left;
    }

    @Override
    public List<PromotionSnapshot> inFlight() {
        return all().stream().filter(s -> s.outcome() == null).toList();
    }

    @Override
    public List<PromotionSnapshot> all() {
        try (Stream<Path> files = Files.list(promotions)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).map(this::readOrSetAside)
                    .filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparing(PromotionSnapshot::acceptedAt).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + promotions, e);
        }
    }

    @Override
    public synchronized void appendJournal(String jsonLine) {
        try {
            Files.createDirectories(journal.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                long end = channel.size();
                try {
                    ByteBuffer line = ByteBuffer.wrap((jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
                    while (line.hasRemaining()) {
                        channel.write(line, end + line.position());
                    }
                    channel.force(true);
                } catch (IOException partly) {
                    // a full disk may take half a line: cut it off, so the retry appends the line whole, once
                    channel.truncate(end);
                    throw partly;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + journal, e);
        }
    }

    @Override
    public synchronized boolean claimDeploy(String key, String promotionId) {
        Path claim = claims.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            Files.writeString(claim, promotionId, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            return true;
        } catch (FileAlreadyExistsException taken) {
            String owner = readOwner(claim);
            if (owner.equals(promotionId)) {
                return true;
            }
            if (finished(owner)) {
                // a promotion that has its outcome deploys nothing more: its claim is free
                AtomicFile.write(claim, promotionId);
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write deploy claim " + claim, e);
        }
    }

    /** One runtime per directory: the values seen are kept in memory, each until its window ends. */
    private final java.util.Map<String, java.time.Instant> used = new java.util.HashMap<>();

    @Override
    public synchronized boolean firstUse(String value, Duration window) {
        java.time.Instant now = java.time.Instant.now();
        used.values().removeIf(until -> until.isBefore(now));
        return used.putIfAbsent(value, now.plus(window)) == null;
    }

    @Override
    public synchronized java.util.Map<String, String> claimItems(List<String> itemKeys, String promotionId) {
        java.util.Map<String, String> held = new java.util.LinkedHashMap<>();
        for (String key : itemKeys) {
            Path claim = itemClaims.resolve(sha256(key));
            try {
                Files.writeString(claim, promotionId, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
            } catch (FileAlreadyExistsException taken) {
                String holder = readOwner(claim);
                PromotionSnapshot holding = holder.equals(promotionId) ? null : find(holder);
                if (holding != null && (holding.outcome() == null || holding.isPackaged())) {
                    held.put(key, holder);
                } else if (!holder.equals(promotionId)) {
                    // its holder ended without packaging it: free again
                    AtomicFile.write(claim, promotionId);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write item claim " + claim, e);
            }
        }
        return held;
    }

    @Override
    public synchronized IdempotencyKey takeKey(IdempotencyKey candidate, Duration retention,
                                               PromotionSnapshot accepted) {
        IdempotencyKey held = takeKey(candidate, retention);
        if (held == null) {
            save(accepted);
        }
        return held;
    }

    private IdempotencyKey takeKey(IdempotencyKey candidate, Duration retention) {
        // one file per key, named by the key's hash; a hard link to a complete temporary file creates it or fails
        // atomically, so a key is either held whole or free
        Path file = keys.resolve(sha256(candidate.key()) + ".json");
        try {
            Path temporary = Files.createTempFile(keys, ".tmp-", ".json.part");
            try {
                Files.writeString(temporary, PromotionJson.write(candidate), StandardOpenOption.SYNC);
                try {
                    Files.createLink(file, temporary);
                    return null;
                } catch (FileAlreadyExistsException held) {
                    IdempotencyKey holder = readKey(file);
                    // one runtime per directory, taking a key and saving its promotion under this lock: a holder
                    // whose promotion was never saved died in between (the key is free again)
                    if (holder != null && holder.acceptedAt().isAfter(candidate.acceptedAt().minus(retention))
                            && find(holder.promotionId()) != null) {
                        return holder;
                    }
                    // past its retention, unreadable or never saved: the key is free again
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return null;
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write idempotency key " + file, e);
        }
    }

    private static IdempotencyKey readKey(Path file) {
        try {
            return PromotionJson.mapper().readValue(Files.readString(file), IdempotencyKey.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    @Override
    public PromotionSnapshot find(String id) {
        Path file = promotions.resolve(id + ".json");
        return Files.isRegularFile(file) ? readOrSetAside(file) : null;
    }

    /** The files set aside as unreadable (quarantine/), by name. */
    @Override
    public List<String> quarantined() {
        if (!Files.isDirectory(quarantine)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(quarantine)) {
            return files.map(f -> f.toAbsolutePath().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + quarantine, e);
        }
    }

    /**
     * A snapshot, or null when its file cannot be read (truncated, not JSON): the file is moved to quarantine/ with one
     * WARN naming both places, and every healthy promotion goes on without it.
     */
    private PromotionSnapshot readOrSetAside(Path file) {
        try {
            return read(file);
        } catch (CorruptRecord corrupt) {
            Path aside = quarantine.resolve(file.getFileName());
            try {
                Files.createDirectories(quarantine);
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set aside " + file, e);
            }
            org.slf4j.LoggerFactory.getLogger(FileStore.class).warn("{} cannot be read ({}): set aside as {}; "
                    + "status --quarantined lists what was set aside", file.toAbsolutePath(),
                    corrupt.getCause().getClass().getSimpleName(), aside.toAbsolutePath());
            return null;
        }
    }

    private boolean finished(String promotionId) {
        Path snapshot = promotions.resolve(promotionId + ".json");
        PromotionSnapshot read = Files.exists(snapshot) ? readOrSetAside(snapshot) : null;
        return read == null || read.outcome() != null;
    }

    private static String readOwner(Path claim) {
        try {
            return Files.readString(claim).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read claim " + claim, e);
        }
    }

    @Override
    public String journalLocation() {
        return journal.toAbsolutePath().toString();
    }

    private static PromotionSnapshot read(Path file) {
        try {
            // bytes, not a String: a file cut inside a multi-byte character is then a parse error (corrupt), not an
            // I/O error (an outage, retried for ever)
            return PromotionJson.mapper().readValue(Files.readAllBytes(file), PromotionSnapshot.class);
        } catch (com.fasterxml.jackson.core.JacksonException corrupt) {
            // a corrupt file, not an outage: retrying would not help
            throw new CorruptRecord("promotion state " + file + " cannot be read", corrupt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read promotion state " + file, e);
        }
    }
}
