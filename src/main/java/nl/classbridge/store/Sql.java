package nl.classbridge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Coded;

/**
 * Statements on one connection, always with bound parameters. Parameters follow the store's
 * conventions: {@link Instant} as epoch millis, dates and times as ISO text, {@link Coded}
 * values by their code, {@link Optional} unwrapped, booleans as 0/1.
 */
public final class Sql {
    private final Statements statements;

    Sql(Statements statements) {
        this.statements = statements;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        Statements.Entry entry = prepare(sql, false, params);
        try {
            List<T> rows = new ArrayList<>();
            try (ResultSet resultSet = entry.statement.executeQuery()) {
                Row row = new Row(resultSet);
                while (resultSet.next()) {
                    rows.add(mapper.map(row));
                }
            }
            statements.release(entry);
            return rows;
        } catch (SQLException | RuntimeException e) {
            statements.discard(sql, false, entry);
            throw e;
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = list(sql, mapper, params);
        if (rows.size() > 1) {
            throw new SQLException("expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    public long count(String sql, Object... params) throws SQLException {
        return one(sql, row -> row.longValue("n"), params).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
    public int update(String sql, Object... params) throws SQLException {
        Statements.Entry entry = prepare(sql, false, params);
        try {
            int changed = entry.statement.executeUpdate();
            statements.release(entry);
            return changed;
        } catch (SQLException | RuntimeException e) {
            statements.discard(sql, false, entry);
            throw e;
        }
    }

    /** Runs an INSERT and returns the new row's id. */
    public long insert(String sql, Object... params) throws SQLException {
        Statements.Entry entry = prepare(sql, true, params);
        try {
            entry.statement.executeUpdate();
            long id;
            try (ResultSet keys = entry.statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id returned by insert");
                }
                id = keys.getLong(1);
            }
            statements.release(entry);
            return id;
        } catch (SQLException | RuntimeException e) {
            statements.discard(sql, true, entry);
            throw e;
        }
    }

    /** A statement from the connection's cache with {@code params} bound (every parameter, every time). */
    private Statements.Entry prepare(String sql, boolean returnKeys, Object... params) throws SQLException {
        Statements.Entry entry = statements.take(sql, returnKeys);
        try {
            PreparedStatement statement = entry.statement;
            if (statement.getParameterMetaData().getParameterCount() != params.length) {
                throw new SQLException("expected "
                        + statement.getParameterMetaData().getParameterCount() + " parameters, got " + params.length);
            }
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return entry;
        } catch (SQLException | RuntimeException e) {
            statements.discard(sql, returnKeys, entry);
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        Object plain = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (plain == null) {
            statement.setNull(index, Types.NULL);
        } else if (plain instanceof Instant instant) {
            statement.setLong(index, instant.toEpochMilli());
        } else if (plain instanceof TemporalAccessor temporal) {
            statement.setString(index, temporal.toString());
        } else if (plain instanceof Coded coded) {
            statement.setString(index, coded.code());
        } else if (plain instanceof Boolean bool) {
            statement.setInt(index, bool ? 1 : 0);
        } else if (plain instanceof Enum<?>) {
            throw new SQLException("enum " + plain.getClass().getSimpleName() + " must implement Coded to be stored");
        } else {
            statement.setObject(index, plain);
        }
    }
}
