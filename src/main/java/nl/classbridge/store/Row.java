package nl.classbridge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/** One row of a query result, read with the store's conventions (instants as epoch millis). */
public final class Row {
    private final ResultSet resultSet;

    Row(ResultSet resultSet) {
        this.resultSet = resultSet;
    }

    public String string(String column) throws SQLException {
        return resultSet.getString(column);
    }

    public Optional<String> optionalString(String column) throws SQLException {
        return Optional.ofNullable(resultSet.getString(column));
    }

    public long longValue(String column) throws SQLException {
        return resultSet.getLong(column);
    }

    public int intValue(String column) throws SQLException {
        return resultSet.getInt(column);
    }

    public boolean bool(String column) throws SQLException {
        return resultSet.getInt(column) != 0;
    }

    public Optional<Long> optionalLong(String column) throws SQLException {
        long value = resultSet.getLong(column);
        return resultSet.wasNull() ? Optional.empty() : Optional.of(value);
    }

    public Instant instant(String column) throws SQLException {
        return Instant.ofEpochMilli(resultSet.getLong(column));
    }

    public Optional<Instant> optionalInstant(String column) throws SQLException {
        return optionalLong(column).map(Instant::ofEpochMilli);
    }

    public Optional<LocalDate> optionalDate(String column) throws SQLException {
        return optionalString(column).map(LocalDate::parse);
    }

    public Optional<LocalTime> optionalTime(String column) throws SQLException {
        return optionalString(column).map(LocalTime::parse);
    }
}
