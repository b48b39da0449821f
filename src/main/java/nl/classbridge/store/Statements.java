package nl.classbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one connection, kept for reuse: SQLite then compiles each statement
 * once per connection instead of once per use, and the driver reads its column names once. Used by
 * one thread at a time (the connection's), so unsynchronised. A statement still in use (a query run
 * while another with the same text is being read) is never handed out twice: the second use gets a
 * statement of its own, closed after it.
 */
final class Statements implements AutoCloseable {
    /** More than the store's distinct statements, so in practice nothing is evicted. */
    private static final int CAPACITY = 256;

    private final Connection connection;
    private final Map<String, Entry> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() > CAPACITY && !eldest.getValue().inUse) {
                eldest.getValue().closeQuietly();
                return true;
            }
            return false;
        }
    };

    Statements(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** A statement for {@code sql}; give it back with {@link #release}. */
    Entry take(String sql, boolean returnKeys) throws SQLException {
        String key = returnKeys ? "K" + sql : "Q" + sql;
        Entry entry = cache.get(key);
        if (entry != null && !entry.inUse) {
            entry.inUse = true;
            return entry;
        }
        PreparedStatement statement = returnKeys
                ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql);
        Entry fresh = new Entry(statement, entry == null);
        fresh.inUse = true;
        if (entry == null) {
            cache.put(key, fresh);
        }
        return fresh;
    }

    /** Gives a statement back after use: kept for the next use, or closed if it was a one-off. */
    void release(Entry entry) {
        entry.inUse = false;
        if (!entry.cached) {
            entry.closeQuietly();
        }
    }

    /** Drops a statement that failed: the next use prepares it anew. */
    void discard(String sql, boolean returnKeys, Entry entry) {
        entry.inUse = false;
        if (entry.cached) {
            cache.remove(returnKeys ? "K" + sql : "Q" + sql);
        }
        entry.closeQuietly();
    }

    @Override
    public void close() {
        cache.values().forEach(Entry::closeQuietly);
        cache.clear();
    }

    /** A prepared statement and whether it is in use now. */
    static final class Entry {
        final PreparedStatement statement;
        final boolean cached;
        boolean inUse;

        Entry(PreparedStatement statement, boolean cached) {
            this.statement = statement;
            this.cached = cached;
        }

        void closeQuietly() {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection is closing, or the statement was already finalised
            }
        }
    }
}
