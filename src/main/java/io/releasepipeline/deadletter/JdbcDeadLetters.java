package io.releasepipeline.deadletter;

import io.releasepipeline.promotion.CrashPoint;
import io.releasepipeline.promotion.DeadLetter;
import io.releasepipeline.promotion.PromotionJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The dead-letter store in PostgreSQL ({@code promotion.store=postgresql}): every runtime sharing the database lists,
 * shows, replays and discards the same entries. An entry is open, replayed or discarded; taking it is one
 * conditional update, so two racing replays start one promotion, and a discard keeps when and by whom.
 */
public class JdbcDeadLetters implements DeadLetters {

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    public JdbcDeadLetters(String url, String user, String password) {
        dataSource.setUrl(url);
        if (user != null && !user.isBlank()) {
            dataSource.setUser(user);
        }
        if (password != null && !password.isBlank()) {
            dataSource.setPassword(password);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select pg_advisory_xact_lock(7262830052)");
            s.execute("create table if not exists rp_dead_letters (id text primary key, letter text not null, "
                    + "state text not null default 'open', failed_at timestamptz not null default now(), "
                    + "changed_at timestamptz, changed_by text)");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalArgumentException("promotion.store-url: cannot use the database for dead letters ("
                    + e.getSQLState() + ")");
        }
    }

    @Override
    public String store(DeadLetter letter) {
        String json = PromotionJson.write(letter);
        CrashPoint.reached("dead-letter-write");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into rp_dead_letters (id, letter) values (?, ?)")) {
            s.setString(1, letter.id());
            s.setString(2, json);
            s.executeUpdate();
            return letter.id();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write a dead letter to PostgreSQL (" + e.getSQLState() + ")", e);
        }
    }

    @Override
    public List<DeadLetter> list() {
        return letters("select letter from rp_dead_letters where state = 'open' order by failed_at, id");
    }

    @Override
    public DeadLetter get(String id) {
        List<DeadLetter> found = letters("select letter from rp_dead_letters where id = ?", id);
        if (found.isEmpty()) {
            throw new NoSuchElementException("no dead letter by that id (dlq list shows them)");
        }
        return found.get(0);
    }

    @Override
    public DeadLetter takeForReplay(String id) {
        List<DeadLetter> taken = letters("update rp_dead_letters set state = 'replayed', changed_at = now() "
                + "where id = ? and state = 'open' returning letter", id);
        if (taken.isEmpty()) {
            throw new NoSuchElementException("no dead letter by that id (dlq list shows them)");
        }
        return taken.get(0);
    }

    @Override
    public void discard(String id, String by) {
        if (letters("update rp_dead_letters set state = 'discarded', changed_at = now(), changed_by = ? "
                + "where id = ? and state = 'open' returning letter", String.valueOf(by), id).isEmpty()) {
            throw new NoSuchElementException("no dead letter by that id (dlq list shows them)");
        }
    }

    @Override
    public String location() {
        return "table rp_dead_letters in " + dataSource.getUrl().replaceAll("password=[^&]*", "password=***");
    }

    private List<DeadLetter> letters(String sql, String... values) {
        List<DeadLetter> letters = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    letters.add(PromotionJson.mapper().readValue(rows.getString(1), DeadLetter.class));
                }
            }
            return letters;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read dead letters from PostgreSQL (" + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored dead letter cannot be read", e);
        }
    }
}
