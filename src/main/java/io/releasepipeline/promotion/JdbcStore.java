package io.releasepipeline.promotion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL as the store, for production and for several runtimes sharing one database: promotion snapshots, the
 * journal and the deploy claims in three tables (created when missing). A claim is an insert on a primary key, so
 * of two runtimes claiming one deploy exactly one wins. (Camel's JDBC idempotent repository answers only "seen
 * or not"; a claim must also tell a runtime resuming its own promotion from a competitor, hence plain JDBC.)
 */
public class JdbcStore implements PromotionStore {

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    public JdbcStore(String url, String user, String password) {
        try {
            dataSource.setUrl(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("promotion.store-url=" + url
                    + " is not a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database)");
        }
        if (user != null && !user.isBlank()) {
            dataSource.setUser(user);
        }
        if (password != null && !password.isBlank()) {
            dataSource.setPassword(password);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists rp_promotions (id text primary key, snapshot text not null, "
                    + "outcome text, updated_at timestamptz not null default now())");
            s.execute("create table if not exists rp_journal (seq bigserial primary key, line text not null, "
                    + "written_at timestamptz not null default now())");
            s.execute("create table if not exists rp_deploy_claims (claim_key text primary key, "
                    + "promotion_id text not null, claimed_at timestamptz not null default now())");
        } catch (SQLException e) {
            throw new IllegalArgumentException("promotion.store-url: cannot use the database (" + e.getSQLState()
                    + "); check the URL, promotion.store-user and PROMOTION_STORE_PASSWORD");
        }
    }

    @Override
    public void save(PromotionSnapshot snapshot) {
        update("insert into rp_promotions (id, snapshot, outcome) values (?, ?, ?) on conflict (id) do update "
                + "set snapshot = excluded.snapshot, outcome = excluded.outcome, updated_at = now()",
                snapshot.id(), PromotionJson.write(snapshot),
                snapshot.outcome() == null ? null : snapshot.outcome().name());
    }

    @Override
    public List<PromotionSnapshot> inFlight() {
        return select("select snapshot from rp_promotions where outcome is null");
    }

    @Override
    public List<PromotionSnapshot> all() {
        return select("select snapshot from rp_promotions order by updated_at desc limit 1000");
    }

    private List<PromotionSnapshot> select(String sql) {
        List<PromotionSnapshot> snapshots = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                snapshots.add(PromotionJson.mapper().readValue(rows.getString(1), PromotionSnapshot.class));
            }
            return snapshots;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read promotions from PostgreSQL (" + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored promotion cannot be read", e);
        }
    }

    @Override
    public void appendJournal(String jsonLine) {
        update("insert into rp_journal (line) values (?)", jsonLine);
    }

    @Override
    public boolean claimDeploy(String key, String promotionId) {
        update("insert into rp_deploy_claims (claim_key, promotion_id) values (?, ?) on conflict do nothing",
                key, promotionId);
        // a claim whose promotion has ended (or is unknown) is free again
        update("update rp_deploy_claims set promotion_id = ?, claimed_at = now() where claim_key = ? and "
                + "promotion_id <> ? and not exists (select 1 from rp_promotions p where p.id = "
                + "rp_deploy_claims.promotion_id and p.outcome is null)", promotionId, key, promotionId);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select promotion_id from rp_deploy_claims where claim_key = ?")) {
            s.setString(1, key);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() && rows.getString(1).equals(promotionId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a deploy claim from PostgreSQL (" + e.getSQLState() + ")", e);
        }
    }

    @Override
    public String journalLocation() {
        return "table rp_journal in " + dataSource.getUrl().replaceAll("password=[^&]*", "password=***");
    }

    /** The journal's lines, oldest first (for tests and the command line). */
    public List<String> journal() {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select line from rp_journal order by seq");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal from PostgreSQL (" + e.getSQLState() + ")", e);
        }
    }

    private void update(String sql, String... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to PostgreSQL (" + e.getSQLState() + ")", e);
        }
    }
}
