package io.releasepipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.deadletter.DeadLetters;
import io.releasepipeline.deadletter.FileDeadLetters;
import io.releasepipeline.deadletter.JdbcDeadLetters;
import io.releasepipeline.promotion.DeadLetter;
import io.releasepipeline.promotion.PromotionRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Both dead-letter stores keep the same promises: listed by every reader, replayed once, discarded on the record. */
class DeadLetterStoresTest {

    private static DeadLetter letter(String id) {
        return new DeadLetter(id, "p-0123456789ab", new PromotionRequest("ws", List.of("1"), null, "pkg", "u",
                List.of("a"), 0, null, null, "corr", 0), "DEPLOY", "TRANSIENT", "DataArts", "DeployFactoryPackages",
                503, "APIG.0202", "Backend unavailable", "r1", 3, "2026-11-24T00:00:00Z");
    }

    private static void promises(DeadLetters one, DeadLetters other) throws Exception {
        one.store(letter("dl-00000000000a"));
        one.store(letter("dl-00000000000b"));
        assertEquals(List.of("dl-00000000000a", "dl-00000000000b"), other.list().stream().map(DeadLetter::id).toList(),
                "every reader lists them");
        assertEquals("APIG.0202", other.get("dl-00000000000a").errorCode());

        // two replays racing for one entry: one takes it, the other finds none
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<DeadLetter>> racing = new ArrayList<>();
        for (DeadLetters store : List.of(one, other)) {
            racing.add(pool.submit((Callable<DeadLetter>) () -> store.takeForReplay("dl-00000000000a")));
        }
        int taken = 0;
        for (Future<DeadLetter> r : racing) {
            try {
                taken += r.get().id().equals("dl-00000000000a") ? 1 : 0;
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof NoSuchElementException, String.valueOf(e.getCause()));
            }
        }
        pool.shutdown();
        assertEquals(1, taken, "replayed once");

        other.discard("dl-00000000000b", "operator-1");
        assertEquals(List.of(), one.list(), "neither replayed nor discarded entries are open");
        assertThrows(NoSuchElementException.class, () -> one.discard("dl-00000000000b", "operator-2"));
        assertThrows(NoSuchElementException.class, () -> one.takeForReplay("dl-00000000000a"));
    }

    @Test
    void theFileStoreKeepsThePromises() throws Exception {
        var dir = Files.createTempDirectory("dead-letters");
        promises(new FileDeadLetters(dir), new FileDeadLetters(dir));
        String record = Files.readString(dir.resolve("discarded/dl-00000000000b.discarded.json"));
        assertTrue(record.contains("operator-1") && record.contains("discarded_at"), record);
    }

    @Test
    void postgresqlSharedByRuntimesKeepsThePromises() throws Exception {
        String url = Postgres.freshSchemaUrl();
        promises(new JdbcDeadLetters(url, null, null), new JdbcDeadLetters(url, null, null));
    }
}
