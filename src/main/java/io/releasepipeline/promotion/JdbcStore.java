package io.releasepipeline.promotion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL as the store, for production and for several runtimes sharing one database: promotion snapshots, the
 * journal and the deploy claims in three tables (created when missing). A claim is an insert on a primary key, so
 * of two runtimes claiming one deploy exactly one wins. (Camel's JDBC idempotent repository answers only "seen
 * or not"; a claim must also tell a runtime resuming its own promotion from a competitor, hence plain JDBC.)
 */
public class JdbcStore implements PromotionStore {

    private final PostgresDatabase db;
    /** This runtime, as the owner of the promotions it runs. */
    private final String owner = java.util.UUID.randomUUID().toString();
    private final long leaseMillis;

    public JdbcStore(String url, String user, String password) {
        this(url, user, password, java.time.Duration.ofSeconds(30));
    }

    /**
     * @param lease how long a promotion stays this runtime's without a save or a renewal: another runtime takes over
     *              a promotion whose lease expired (its owner died or stalled)
     */
    public JdbcStore(String url, String user, String password, java.time.Duration lease) {
        this(new PostgresDatabase(url, user, password), lease);
    }

    public JdbcStore(PostgresDatabase db, java.time.Duration lease) {
        this.leaseMillis = lease.toMillis();
        this.db = db;
        db.schema("create table if not exists rp_promotions (id text primary key, snapshot text not null, "
                        + "outcome text, updated_at timestamptz not null default now())",
                // ownership: the runtime that runs a promotion and until when (renewed by its heartbeat)
                "alter table rp_promotions add column if not exists owner text, "
                        + "add column if not exists lease_until timestamptz",
                "create table if not exists rp_journal (seq bigserial primary key, line text not null, "
                        + "written_at timestamptz not null default now())",
                // a line is kept once, however often its write is retried (lines written before: no hash)
                "alter table rp_journal add column if not exists line_hash text",
                "create unique index if not exists rp_journal_line_hash on rp_journal (line_hash)",
                "create table if not exists rp_deploy_claims (claim_key text primary key, "
                        + "promotion_id text not null, claimed_at timestamptz not null default now())",
                // the promotion packaged its items (a package created or a create in doubt): its item claims stay
                "alter table rp_promotions add column if not exists packaged boolean not null default false",
                // a row whose snapshot cannot be read is set aside (flagged), never fatal to the others
                "alter table rp_promotions add column if not exists quarantined boolean not null default false",
                "create table if not exists rp_item_claims (item_key text primary key, promotion_id text not null, "
                        + "claimed_at timestamptz not null default now())",
                "create table if not exists rp_one_time_values (value text primary key, "
                        + "valid_until timestamptz not null)",
                "create table if not exists rp_idempotency_keys (idempotency_key text primary key, "
                        + "promotion_id text not null, request_hash text not null, accepted_at timestamptz not null)");
    }

    @Override
    public void save(PromotionSnapshot snapshot) {
        // fenced: written only while this runtime owns the promotion (or nobody does), and never after its outcome
        int written = db.update("insert into rp_promotions (id, snapshot, outcome, owner, lease_until, packaged) "
                + "values (?, ?, ?, ?, now() + ? * interval '1 millisecond', ?) on conflict (id) do update "
                + "set snapshot = excluded.snapshot, outcome = excluded.outcome, updated_at = now(), "
                + "owner = excluded.owner, lease_until = excluded.lease_until, packaged = excluded.packaged, "
                + "quarantined = false "
                + "where rp_promotions.outcome is null "
                + "and (rp_promotions.owner = excluded.owner or rp_promotions.owner is null "
                + "or rp_promotions.lease_until < now())",
                snapshot.id(), PromotionJson.write(snapshot),
                snapshot.outcome() == null ? null : snapshot.outcome().name(), owner, leaseMillis,
                snapshot.isPackaged());
        if (written == 0 && !alreadyStored(snapshot)) {
            throw new LeaseLost(snapshot.id());
        }
    }

    /**
     * Claims are fenced like saves: a runtime whose lease lapsed (a long store outage, a long pause) and whose
     * promotion another runtime took over claims nothing more for it.
     */
    private void requireOwnership(String promotionId) {
        if (db.strings("select id from rp_promotions where id = ? and (owner = ? or owner is null)", promotionId,
                owner).isEmpty()) {
            throw new LeaseLost(promotionId);
        }
    }

    /**
     * Whether this runtime's save is in the store already: a retry after a write that committed but whose answer was
     * lost finds its own outcome there, which is no lost lease.
     */
    private boolean alreadyStored(PromotionSnapshot snapshot) {
        return snapshot.outcome() != null && !db.strings("select id from rp_promotions where id = ? and owner = ? "
                + "and outcome = ?", snapshot.id(), owner, snapshot.outcome().name()).isEmpty();
    }

    @Override
    public List<PromotionSnapshot> inFlight() {
        return snapshots("select id, snapshot from rp_promotions where outcome is null and not quarantined");
    }

    @Override
    public List<PromotionSnapshot> takeOver() {
        // one statement takes each expired lease: two runtimes scanning at once never take the same promotion
        return snapshots("update rp_promotions set owner = ?, lease_until = now() + ? * interval '1 millisecond' "
                + "where outcome is null and not quarantined and (owner is null or lease_until < now()) "
                + "returning id, snapshot", owner, leaseMillis);
    }

    @Override
    public void releaseLeases() {
        db.update("update rp_promotions set lease_until = now() where owner = ? and outcome is null", owner);
    }

    @Override
    public void renewLeases() {
        db.update("update rp_promotions set lease_until = now() + ? * interval '1 millisecond' where owner = ? "
                + "and outcome is null", leaseMillis, owner);
    }

    @Override
    public List<PromotionSnapshot> all() {
        return snapshots("select id, snapshot from rp_promotions where not quarantined order by updated_at desc "
                + "limit 1000");
    }

    @Override
    public void appendJournal(String jsonLine) {
        // a line written again (a retry after a write whose answer was lost) is the same line: kept once
        db.update("insert into rp_journal (line, line_hash) values (?, md5(?)) on conflict (line_hash) do nothing",
                jsonLine, jsonLine);
    }

    @Override
    public boolean claimDeploy(String key, String promotionId) {
        requireOwnership(promotionId);
        db.update("insert into rp_deploy_claims (claim_key, promotion_id) values (?, ?) on conflict do nothing",
                key, promotionId);
        // a claim whose promotion has ended (or is unknown) is free again
        db.update("update rp_deploy_claims set promotion_id = ?, claimed_at = now() where claim_key = ? and "
                + "promotion_id <> ? and not exists (select 1 from rp_promotions p where p.id = "
                + "rp_deploy_claims.promotion_id and p.outcome is null)", promotionId, key, promotionId);
        return db.strings("select promotion_id from rp_deploy_claims where claim_key = ?", key)
                .equals(List.of(promotionId));
    }

    @Override
    public boolean firstUse(String value, java.time.Duration window) {
        db.update("delete from rp_one_time_values where valid_until < now()");
        return db.update("insert into rp_one_time_values (value, valid_until) values (?, now() + ? * interval "
                + "'1 millisecond') on conflict (value) do nothing", value, window.toMillis()) == 1;
    }

    @Override
    public java.util.Map<String, String> claimItems(List<String> itemKeys, String promotionId) {
        requireOwnership(promotionId);
        java.util.Map<String, String> held = new java.util.LinkedHashMap<>();
        for (String key : itemKeys) {
            // one statement per item: new, its own, or left by a promotion that ended without packaging it
            List<String> taken = db.strings("insert into rp_item_claims (item_key, promotion_id) values (?, ?) "
                    + "on conflict (item_key) do update set promotion_id = excluded.promotion_id, claimed_at = now() "
                    + "where rp_item_claims.promotion_id = excluded.promotion_id or not exists (select 1 from "
                    + "rp_promotions p where p.id = rp_item_claims.promotion_id and (p.outcome is null or p.packaged)) "
                    + "returning promotion_id", key, promotionId);
            if (taken.isEmpty()) {
                db.strings("select promotion_id from rp_item_claims where item_key = ?", key)
                        .forEach(holder -> held.put(key, holder));
            }
        }
        return held;
    }

    @Override
    public IdempotencyKey takeKey(IdempotencyKey candidate, java.time.Duration retention,
                                  PromotionSnapshot accepted) {
        // the primary key makes one runtime win; a key past its retention is taken over in the same statement; the
        // promotion is saved in the same transaction, so a runtime dying in between leaves neither
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            IdempotencyKey held = takeKey(c, candidate, retention);
            if (held == null) {
                try (PreparedStatement save = c.prepareStatement("insert into rp_promotions (id, snapshot, owner, "
                        + "lease_until) values (?, ?, ?, now() + ? * interval '1 millisecond')")) {
                    save.setString(1, accepted.id());
                    save.setString(2, PromotionJson.write(accepted));
                    save.setString(3, owner);
                    save.setLong(4, leaseMillis);
                    save.executeUpdate();
                }
            }
            c.commit();
            return held;
        } catch (SQLException e) {
            throw PostgresDatabase.failure("cannot take an idempotency key in PostgreSQL", e);
        }
    }

    private static IdempotencyKey takeKey(Connection c, IdempotencyKey candidate, java.time.Duration retention)
            throws SQLException {
        try (PreparedStatement take = c.prepareStatement("insert into rp_idempotency_keys (idempotency_key, "
                + "promotion_id, request_hash, accepted_at) values (?, ?, ?, ?) on conflict (idempotency_key) "
                + "do update set promotion_id = excluded.promotion_id, request_hash = excluded.request_hash, "
                + "accepted_at = excluded.accepted_at where rp_idempotency_keys.accepted_at < ? "
                + "returning promotion_id")) {
            take.setString(1, candidate.key());
            take.setString(2, candidate.promotionId());
            take.setString(3, candidate.requestHash());
            take.setTimestamp(4, java.sql.Timestamp.from(candidate.acceptedAt()));
            take.setTimestamp(5, java.sql.Timestamp.from(candidate.acceptedAt().minus(retention)));
            try (ResultSet taken = take.executeQuery()) {
                if (taken.next()) {
                    return null;
                }
            }
            try (PreparedStatement held = c.prepareStatement("select promotion_id, request_hash, accepted_at from "
                    + "rp_idempotency_keys where idempotency_key = ?")) {
                held.setString(1, candidate.key());
                try (ResultSet row = held.executeQuery()) {
                    row.next();
                    return new IdempotencyKey(candidate.key(), row.getString(1), row.getString(2),
                            row.getTimestamp(3).toInstant());
                }
            }
        }
    }

    @Override
    public List<PromotionSnapshot> recent(int limit) {
        return snapshots("select id, snapshot from rp_promotions where not quarantined order by updated_at desc "
                + "limit ?", limit);
    }

    @Override
    public PromotionSnapshot find(String id) {
        List<PromotionSnapshot> found = snapshots("select id, snapshot from rp_promotions where id = ? "
                + "and not quarantined", id);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public List<String> quarantined() {
        return db.strings("select id from rp_promotions where quarantined order by id");
    }

    /** Snapshots of rows (id, snapshot); an unreadable one is flagged quarantined with one WARN and left out. */
    private List<PromotionSnapshot> snapshots(String sql, Object... values) {
        return db.jsonRows(sql, PromotionSnapshot.class, id -> {
            db.update("update rp_promotions set quarantined = true where id = ?", id);
            org.slf4j.LoggerFactory.getLogger(JdbcStore.class).warn("promotion row {} in {} cannot be read: set "
                    + "aside (quarantined = true); status --quarantined lists what was set aside", id,
                    db.location("rp_promotions"));
        }, values);
    }

    @Override
    public String journalLocation() {
        return db.location("rp_journal");
    }

    /** The journal's lines, oldest first (for tests and the command line). */
    public List<String> journal() {
        return db.strings("select line from rp_journal order by seq");
    }
}
