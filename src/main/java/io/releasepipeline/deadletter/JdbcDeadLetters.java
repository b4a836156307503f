package io.releasepipeline.deadletter;

import io.releasepipeline.promotion.CrashPoint;
import io.releasepipeline.promotion.DeadLetter;
import io.releasepipeline.promotion.PostgresDatabase;
import io.releasepipeline.promotion.PromotionJson;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The dead-letter store in PostgreSQL ({@code promotion.store=postgresql}): every runtime sharing the database lists,
 * shows, replays and discards the same entries. An entry is open, replayed or discarded; taking it is one
 * conditional update, so two racing replays start one promotion, and a discard keeps when and by whom.
 */
public class JdbcDeadLetters implements DeadLetters {

    private static final String NONE = "no dead letter by that id (dlq list shows them)";

    private final PostgresDatabase db;

    public JdbcDeadLetters(String url, String user, String password) {
        this(new PostgresDatabase(url, user, password));
    }

    public JdbcDeadLetters(PostgresDatabase db) {
        this.db = db;
        db.schema("create table if not exists rp_dead_letters (id text primary key, letter text not null, "
                + "state text not null default 'open', failed_at timestamptz not null default now(), "
                + "changed_at timestamptz, changed_by text)");
    }

    @Override
    public String store(DeadLetter letter) {
        String json = PromotionJson.write(letter);
        CrashPoint.reached("dead-letter-write");
        // written again after an outage (the first write committed, its answer lost): kept once
        db.update("insert into rp_dead_letters (id, letter) values (?, ?) on conflict (id) do nothing", letter.id(),
                json);
        return letter.id();
    }

    @Override
    public List<DeadLetter> list() {
        return db.json("select letter from rp_dead_letters where state = 'open' order by failed_at, id",
                DeadLetter.class);
    }

    @Override
    public DeadLetter get(String id) {
        return only(db.json("select letter from rp_dead_letters where id = ?", DeadLetter.class, id));
    }

    @Override
    public DeadLetter open(String id) {
        return only(db.json("select letter from rp_dead_letters where id = ? and state = 'open'", DeadLetter.class,
                id));
    }

    @Override
    public DeadLetter takeForReplay(String id) {
        return only(db.json("update rp_dead_letters set state = 'replayed', changed_at = now() "
                + "where id = ? and state = 'open' returning letter", DeadLetter.class, id));
    }

    @Override
    public void discard(String id, String by) {
        only(db.json("update rp_dead_letters set state = 'discarded', changed_at = now(), changed_by = ? "
                + "where id = ? and state = 'open' returning letter", DeadLetter.class, String.valueOf(by), id));
    }

    @Override
    public String location() {
        return db.location("rp_dead_letters");
    }

    private static DeadLetter only(List<DeadLetter> found) {
        if (found.isEmpty()) {
            throw new NoSuchElementException(NONE);
        }
        return found.get(0);
    }
}
