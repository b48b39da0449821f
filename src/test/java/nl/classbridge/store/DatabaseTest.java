package nl.classbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("an empty file is migrated to the full schema, and opening it again changes nothing")
    void migratesFromEmptyFile() throws Exception {
        Path file = folder.resolve("data/classbridge.db");
        List<String> tables;
        try (Database database = Database.open(file)) {
            tables = tableNames(database);
        }
        assertThat(tables)
                .contains(
                        "school_class",
                        "student",
                        "guardian",
                        "guardian_student",
                        "invite_code",
                        "highlight",
                        "update_schedule",
                        "questionnaire_version",
                        "checkin_round",
                        "checkin_request",
                        "question_sent",
                        "answer",
                        "delivery",
                        "agreement",
                        "audit_log",
                        "join_attempt",
                        "mail_seen",
                        "flyway_schema_history");

        try (Database again = Database.open(file)) {
            long migrations;
            try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
                migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                        .count();
            }
            assertThat(count(again, "SELECT COUNT(*) AS n FROM flyway_schema_history WHERE success = 1"))
                    .isEqualTo(migrations);
            assertThat(tableNames(again)).isEqualTo(tables);
        }
    }

    @Test
    @DisplayName("the database file and its new folder are readable by the owner only")
    void fileIsPrivate() throws Exception {
        Path file = folder.resolve("private/classbridge.db");
        try (Database ignored = Database.open(file)) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(file.getParent()))
                    .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        }
    }

    @Test
    @DisplayName("every connection runs in WAL mode with foreign keys on and a busy timeout")
    void pragmas() {
        try (TestStore store = new TestStore(folder)) {
            String journalMode = store.database
                    .read(sql -> sql.one("PRAGMA journal_mode", r -> r.string("journal_mode")))
                    .orElseThrow();
            assertThat(journalMode).isEqualTo("wal");
            assertThat(count(store.database, "SELECT foreign_keys AS n FROM pragma_foreign_keys"))
                    .isEqualTo(1);
            assertThat(countInWrite(store.database, "SELECT foreign_keys AS n FROM pragma_foreign_keys"))
                    .isEqualTo(1);
            assertThat(count(store.database, "SELECT timeout AS n FROM pragma_busy_timeout"))
                    .isPositive();
            assertThat(count(store.database, "SELECT synchronous AS n FROM pragma_synchronous"))
                    .isEqualTo(1); // NORMAL
        }
    }

    @Test
    @DisplayName("a deleted row's text is gone from the database file and its WAL after compact()")
    void deletedBytesAreGone() throws Exception {
        try (TestStore store = new TestStore(folder)) {
            assertThat(countInWrite(store.database, "SELECT secure_delete AS n FROM pragma_secure_delete"))
                    .isEqualTo(1);
            String secret = "vergeet-mij-" + "x".repeat(40) + "@example.nl";
            long kept = store.guardians
                    .addEmail("blijft@example.nl", java.util.Optional.empty(), TestStore.T0)
                    .id();
            long gone = store.guardians
                    .addEmail(secret, java.util.Optional.empty(), TestStore.T0)
                    .id();
            assertThat(bytesOnDisk(store.database.file())).contains(secret);

            store.guardians.remove(gone);
            store.database.compact();

            assertThat(bytesOnDisk(store.database.file()))
                    .doesNotContain(secret)
                    .contains("blijft@example.nl");
            assertThat(store.guardians.find(kept)).isPresent();
            assertThatThrownBy(() -> store.database.inTransaction(store.database::compact))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /** The database file and its WAL, as one string of Latin-1 characters (byte for byte). */
    private static String bytesOnDisk(Path file) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        for (Path part : List.of(file, file.resolveSibling(file.getFileName() + "-wal"))) {
            if (Files.exists(part)) {
                all.append(new String(Files.readAllBytes(part), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    @DisplayName("every reference that removing a row makes SQLite follow has an index, so removal does not scan")
    void referencesAreIndexed() {
        // Rows of these parents are rarely removed, or their tables stay small: a scan is cheap there.
        Set<String> scanned = Set.of(
                "delivery.class_id", "invite_code.used_by_guardian_id", "checkin_round.questionnaire_version_id");
        try (TestStore store = new TestStore(folder)) {
            List<String> unindexed = new ArrayList<>();
            for (String table : tableNames(store.database)) {
                // The first column of each index, and a rowid key, which is its own index.
                List<String> leading = store.database.read(
                        sql -> sql.list("""
                        SELECT (SELECT name FROM pragma_index_info(il.name) WHERE seqno = 0) AS col
                        FROM pragma_index_list(?) il
                        UNION SELECT name AS col FROM pragma_table_info(?) WHERE pk = 1""", row -> row.optionalString("col").orElse(""), table, table));
                List<String> referencing = store.database.read(sql -> sql.list(
                        "SELECT \"from\" AS col FROM pragma_foreign_key_list(?)", row -> row.string("col"), table));
                for (String column : referencing) {
                    if (!leading.contains(column) && !scanned.contains(table + "." + column)) {
                        unindexed.add(table + "." + column);
                    }
                }
            }
            assertThat(unindexed).isEmpty();
        }
    }

    @Test
    @DisplayName("foreign keys are enforced: a student of a class that does not exist is refused")
    void foreignKeysEnforced() {
        try (TestStore store = new TestStore(folder)) {
            assertThatThrownBy(() -> store.students.add(424242, "Sam", TestStore.T0))
                    .isInstanceOf(ConstraintViolation.class);
            assertThat(count(store.database, "SELECT COUNT(*) AS n FROM student"))
                    .isZero();
        }
    }

    @Test
    @DisplayName("a failing transaction leaves nothing behind; its writes are seen inside it before commit")
    void transactionIsAtomic() {
        try (TestStore store = new TestStore(folder)) {
            SchoolClass schoolClass = store.aClass();
            assertThatThrownBy(() -> store.database.inTransaction(() -> {
                        store.students.add(schoolClass.id(), "Sam", TestStore.T0);
                        assertThat(store.students.findByName(schoolClass.id(), "sam"))
                                .isPresent();
                        store.students.add(schoolClass.id(), "SAM", TestStore.T0); // same name: refused
                    }))
                    .isInstanceOf(ConstraintViolation.class);

            assertThat(store.students.inClass(schoolClass.id())).isEmpty();
            store.students.add(schoolClass.id(), "Sam", TestStore.T0);
            assertThat(store.students.inClass(schoolClass.id())).hasSize(1);
        }
    }

    @Test
    @DisplayName("two threads doing 1,000 writes each finish with every write stored and no SQLITE_BUSY")
    void concurrentWritersInOneProcess() throws Exception {
        try (TestStore store = new TestStore(folder)) {
            SchoolClass schoolClass = store.aClass();
            runWriters(
                    2,
                    1000,
                    (thread, i) -> store.highlights.add(
                            schoolClass.id(),
                            nl.classbridge.domain.HighlightKind.LEARNING,
                            "t" + thread + "-" + i,
                            TestStore.TEACHER,
                            TestStore.T0));
            assertThat(count(store.database, "SELECT COUNT(*) AS n FROM highlight"))
                    .isEqualTo(2000);
        }
    }

    @Test
    @DisplayName("two stores on one file (as two processes would be) write 1,000 times each without SQLITE_BUSY")
    void concurrentWritersOnTwoConnections() throws Exception {
        try (TestStore first = new TestStore(folder);
                TestStore second = new TestStore(folder)) {
            SchoolClass schoolClass = first.aClass();
            TestStore[] stores = {first, second};
            runWriters(
                    2,
                    1000,
                    (thread, i) -> stores[thread].database.inTransaction(() -> stores[thread].highlights.add(
                            schoolClass.id(),
                            nl.classbridge.domain.HighlightKind.TOGETHER,
                            "t" + thread + "-" + i,
                            TestStore.TEACHER,
                            TestStore.T0)));
            assertThat(count(second.database, "SELECT COUNT(*) AS n FROM highlight"))
                    .isEqualTo(2000);
        }
    }

    @Test
    @DisplayName("reads run beside a long write transaction and see only committed data")
    void readsDoNotWaitForWriter() throws Exception {
        try (TestStore store = new TestStore(folder)) {
            SchoolClass schoolClass = store.aClass();
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch readDone = new CountDownLatch(1);
            ExecutorService executor = Executors.newSingleThreadExecutor();
            Future<?> writer = executor.submit(() -> store.database.inTransaction(() -> {
                store.students.add(schoolClass.id(), "Noor", TestStore.T0);
                inside.countDown();
                await(readDone);
            }));
            await(inside);
            assertThat(store.students.inClass(schoolClass.id())).isEmpty();
            readDone.countDown();
            writer.get(10, TimeUnit.SECONDS);
            executor.shutdown();
            assertThat(store.students.inClass(schoolClass.id()))
                    .extracting(s -> s.name())
                    .containsExactly("Noor");
        }
    }

    @Test
    @DisplayName(
            "after-commit work runs once the outermost transaction commits, at once outside one, never on rollback")
    void afterCommit() {
        try (TestStore store = new TestStore(folder)) {
            SchoolClass schoolClass = store.aClass();
            List<String> seen = new ArrayList<>();
            store.database.afterCommit(() -> seen.add("outside"));
            assertThat(seen).containsExactly("outside");

            store.database.inTransaction(() -> {
                store.database.inTransaction(() -> store.database.afterCommit(() -> seen.add(
                        "committed:" + store.students.inClass(schoolClass.id()).size())));
                store.students.add(schoolClass.id(), "Sam", TestStore.T0);
                assertThat(seen).containsExactly("outside");
            });
            assertThat(seen).containsExactly("outside", "committed:1");

            assertThatThrownBy(() -> store.database.inTransaction(() -> {
                        store.database.afterCommit(() -> seen.add("rolled back"));
                        throw new IllegalStateException("boom");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            store.database.inTransaction(() -> {});
            assertThat(seen).containsExactly("outside", "committed:1");
        }
    }

    interface Write {
        void run(int thread, int i);
    }

    private static void runWriters(int threads, int writesEach, Write write) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(executor.submit(() -> {
                await(start);
                for (int i = 0; i < writesEach; i++) {
                    write.run(thread, i);
                }
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS); // rethrows any StoreException (e.g. SQLITE_BUSY)
        }
        executor.shutdown();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static long count(Database database, String sql) {
        return database.read(s -> s.count(sql));
    }

    private static long countInWrite(Database database, String sql) {
        return database.write(s -> s.count(sql));
    }

    private static List<String> tableNames(Database database) {
        return database.read(sql -> sql.list(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                row -> row.string("name")));
    }
}
