package io.releasepipeline.promotion;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL database as the stores use it (promotions, keys, claims, journal, dead letters): its data source,
 * its tables created once under an advisory lock, statements with parameters, JSON rows read into records. Plain
 * JDBC: the stores need conditional writes ("where outcome is null", "on conflict ... where") that a repository
 * abstraction would hide.
 */
public final class PostgresDatabase {

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    public PostgresDatabase(String url, String user, String password) {
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
    }

    /**
     * Creates what is missing. Runtimes starting together on an empty database take turns (an advisory lock):
     * concurrent "create table if not exists" can fail on PostgreSQL's catalog.
     */
    public void schema(String... statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select pg_advisory_xact_lock(7262830051)");
            for (String statement : statements) {
                s.execute(statement);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalArgumentException("promotion.store-url: cannot use the database (" + e.getSQLState()
                    + "); check the URL, promotion.store-user and PROMOTION_STORE_PASSWORD");
        }
    }

    /** Runs an insert, update or delete; answers the rows it changed. */
    public int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, values)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot write to PostgreSQL", e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... values) {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, values);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        } catch (SQLException e) {
            throw failure("cannot read from PostgreSQL", e);
        }
    }

    /** The first column of every row, JSON read as {@code type}. */
    public <T> List<T> json(String sql, Class<T> type, Object... values) {
        List<T> found = new ArrayList<>();
        for (String json : strings(sql, values)) {
            try {
                found.add(PromotionJson.mapper().readValue(json, type));
            } catch (IOException e) {
                // a corrupt row, not an outage: retrying would not help
                throw new IllegalStateException("a stored " + type.getSimpleName() + " cannot be read", e);
            }
        }
        return found;
    }

    /**
     * Rows of (id, JSON) read as {@code type}; a row whose JSON cannot be read is handed to {@code corrupt} (its id)
     * and left out, so one bad row never hides the others.
     */
    public <T> List<T> jsonRows(String sql, Class<T> type, java.util.function.Consumer<String> corrupt,
                                Object... values) {
        List<T> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, values);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                try {
                    found.add(PromotionJson.mapper().readValue(rows.getString(2), type));
                } catch (IOException | IllegalArgumentException e) {
                    corrupt.accept(id);
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("cannot read from PostgreSQL", e);
        }
    }

    /**
     * A failed statement: the database unreachable, shutting down or out of resources (SQLState classes 08, 57P, 53)
     * is an outage, to wait out; anything else (a constraint, a bad statement) is no outage, and retrying it would
     * never end.
     */
    public static IllegalStateException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = what + " (" + (state.isEmpty() ? "no SQLState" : state) + ")";
        return state.isEmpty() || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                ? new StoreUnavailable(message, e) : new IllegalStateException(message, e);
    }

    /** A connection for a statement of its own (close it). */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Where a table is, for people (never a password). */
    public String location(String table) {
        return "table " + table + " in " + dataSource.getUrl().replaceAll("password=[^&]*", "password=***");
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
        return s;
    }
}
