package nl.classbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, false, params);
                ResultSet resultSet = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            Row row = new Row(resultSet);
            while (resultSet.next()) {
                rows.add(mapper.map(row));
            }
            return rows;
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
        try (PreparedStatement statement = prepare(sql, false, params)) {
            return statement.executeUpdate();
        }
    }

    /** Runs an INSERT and returns the new row's id. */
    public long insert(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, true, params)) {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id returned by insert");
                }
                return keys.getLong(1);
            }
        }
    }

    private PreparedStatement prepare(String sql, boolean returnKeys, Object... params) throws SQLException {
        PreparedStatement statement = returnKeys
                ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
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
