package nl.classbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prepared statements each connection keeps (see {@link Statements}), on a real SQLite file. */
class StatementsTest {
    private static final String COUNT = "SELECT COUNT(*) AS n FROM scratch";
    private static final String INSERT = "INSERT INTO scratch (v) VALUES (?)";

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("classbridge.db"));
        database.execute(sql -> sql.update("CREATE TABLE scratch (id INTEGER PRIMARY KEY, v INTEGER NOT NULL UNIQUE)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName(
            "GIVEN every reader kept the statement of a read WHEN a write commits THEN the same read on each reader sees it")
    void keptStatementsSeeNewRows() {
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // twice round the pool of readers
            before.add(database.read(sql -> sql.count(COUNT)));
        }
        database.execute(sql -> sql.insert(INSERT, 7));
        List<Long> after = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            after.add(database.read(sql -> sql.count(COUNT)));
        }

        assertThat(before).containsOnly(0L);
        assertThat(after).as("no kept statement holds an old snapshot").containsOnly(1L);
    }

    @Test
    @DisplayName("GIVEN a query WHEN its row mapper runs the same query THEN both get their rows")
    void sameQueryInsideItself() {
        database.execute(sql -> {
            sql.insert(INSERT, 1);
            return sql.insert(INSERT, 2);
        });
        String all = "SELECT v FROM scratch ORDER BY v";

        List<String> pairs = database.read(sql -> sql.list(
                all,
                row -> row.longValue("v") + ":"
                        + sql.list(all, inner -> inner.longValue("v")).size()));

        assertThat(pairs).containsExactly("1:2", "2:2");
    }

    @Test
    @DisplayName(
            "GIVEN an insert that broke a constraint WHEN the same insert runs with a good value THEN it is stored")
    void failedStatementIsPreparedAgain() {
        database.execute(sql -> sql.insert(INSERT, 1));

        assertThatThrownBy(() -> database.execute(sql -> sql.insert(INSERT, 1)))
                .isInstanceOf(ConstraintViolation.class);
        long id = database.write(sql -> sql.insert(INSERT, 2));
        long count = database.read(sql -> sql.count(COUNT));

        assertThat(id).isEqualTo(2);
        assertThat(count).isEqualTo(2);
    }

    @Test
    @DisplayName(
            "GIVEN a statement with one parameter WHEN it is given two THEN it fails, and the next right use works")
    void wrongParameterCount() {
        assertThatThrownBy(() -> database.execute(sql -> sql.insert(INSERT, 1, 2)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("expected 1 parameters, got 2");

        database.execute(sql -> sql.insert(INSERT, 3));
        long count = database.read(sql -> sql.count(COUNT));

        assertThat(count).isEqualTo(1);
    }
}
