package nl.classbridge.store;

import java.sql.SQLException;

/** Work done on one connection of the store; may throw {@link SQLException}. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Sql sql) throws SQLException;
}
