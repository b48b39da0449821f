package nl.classbridge.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * The one SQLite database of a ClassBridge installation.
 *
 * <p>SQLite allows one writer at a time, so all writes go through one connection behind a lock,
 * each in a {@code BEGIN IMMEDIATE} transaction: a writer never waits halfway through for another
 * and no {@code SQLITE_BUSY} escapes from within the process. Reads use a small pool of their own
 * connections, which WAL mode lets run beside the writer. A {@link #write} or {@link #read} on a
 * thread that is already inside {@link #transaction} joins that transaction, so repositories can
 * be combined into one atomic change without knowing of each other.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    /** Held while open, so that {@code restore} can tell the bot runs; empty if another holds it. */
    private final Optional<BotLock> lock;

    private final Statements writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Statements> readers;
    private final List<Statements> allReaders = new ArrayList<>();
    /** Work to do once the current thread's outermost transaction has committed. */
    private final ThreadLocal<List<Runnable>> afterCommit = ThreadLocal.withInitial(ArrayList::new);

    private Database(Path file, Optional<BotLock> lock, Connection writer, List<Connection> readerConnections) {
        this.file = file;
        this.lock = lock;
        this.writer = new Statements(writer);
        readerConnections.forEach(reader -> allReaders.add(new Statements(reader)));
        this.readers = new ArrayBlockingQueue<>(readerConnections.size(), false, allReaders);
    }

    /**
     * Opens (creating if needed) the database at {@code file} and brings its schema up to date.
     * A new file and its folder are made readable by the owner only: the file holds parents'
     * answers. An existing database with pending migrations is first backed up into
     * {@code backups/} next to it ({@link Migrations#migrate}).
     */
    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath();
        Optional<BotLock> lock = Optional.empty();
        try {
            createPrivately(absolute);
            lock = BotLock.tryTake(absolute);
            if (lock.isEmpty() && BotLock.heldByAnotherProcess(absolute)) {
                // Two bots on one database would both send and both read the mailbox.
                LOG.warn(
                        "Another process has the database {} open: run one bot per database;"
                                + " `classbridge status` shows whether a bot runs",
                        absolute);
            }
            SQLiteDataSource dataSource = dataSource(absolute);
            Migrations.migrate(dataSource, absolute, Instant.now());
            Connection writer = dataSource.getConnection();
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Connection reader = dataSource.getConnection();
                try (Statement statement = reader.createStatement()) {
                    // A reader that tries to write is a bug; SQLite refuses it instead of racing the writer.
                    statement.execute("PRAGMA query_only = ON");
                }
                readers.add(reader);
            }
            return new Database(absolute, lock, writer, readers);
        } catch (SQLException | IOException | RuntimeException e) {
            lock.ifPresent(BotLock::close);
            if (e instanceof RuntimeException unchanged) {
                throw unchanged;
            }
            throw new StoreException("cannot open the database at " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing database only to look, for {@code classbridge status} beside a running bot:
     * no lock taken, no migration, every connection query-only. A missing file is refused, not made.
     */
    public static Database openToLook(Path file) {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new StoreException("there is no database at " + absolute);
        }
        try {
            SQLiteDataSource dataSource = dataSource(absolute);
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Connection connection = dataSource.getConnection();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA query_only = ON");
                }
                connections.add(connection);
            }
            return new Database(absolute, Optional.empty(), connections.get(0), connections.subList(1, 2));
        } catch (SQLException e) {
            throw new StoreException("cannot read the database at " + absolute + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs read-only work; inside a transaction on this thread it sees that transaction's changes. */
    public <T> T read(SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return run(writer, work);
        }
        Statements connection = takeReader();
        try {
            return run(connection, work);
        } finally {
            readers.add(connection);
        }
    }

    /** Runs one write as its own transaction, or as part of the transaction this thread is in. */
    public <T> T write(SqlWork<T> work) {
        return transaction(() -> run(writer, work));
    }

    /** Runs a write that returns nothing. */
    public void execute(SqlWork<?> work) {
        write(work);
    }

    /**
     * Runs {@code work} as one atomic transaction: every {@link #write} inside it commits together
     * or not at all. Nested calls join the outer transaction.
     */
    public <T> T transaction(Supplier<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return work.get();
        }
        T result;
        writeLock.lock();
        try {
            begin();
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                afterCommit.get().clear();
                rollback(e);
                throw e;
            }
            commit();
        } finally {
            writeLock.unlock();
        }
        runAfterCommit();
        return result;
    }

    /**
     * Runs {@code action} once what this thread is writing is visible to everyone: right away
     * outside a transaction, else after the outermost transaction commits (never if it rolls
     * back). For waking a worker that will read the new rows.
     */
    public void afterCommit(Runnable action) {
        if (writeLock.isHeldByCurrentThread()) {
            afterCommit.get().add(action);
        } else {
            action.run();
        }
    }

    private void runAfterCommit() {
        List<Runnable> actions = List.copyOf(afterCommit.get());
        afterCommit.get().clear();
        actions.forEach(Runnable::run);
    }

    /** Runs atomic work that returns nothing. */
    public void inTransaction(Runnable work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Makes deleted data unrecoverable from the files: copies what is in the WAL into the database
     * and empties the WAL (its old frames still hold deleted rows), rebuilds the file without free
     * pages ({@code VACUUM}), and empties the WAL again. Slow on a large database (it rewrites the
     * file); for after an erasure, not for every delete. Refused inside a transaction.
     */
    public void compact() {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("compact() cannot run inside a transaction");
        }
        writeLock.lock();
        // VACUUM refuses to run while a statement of the connection is not reset ("SQL statements in
        // progress"), as a kept INSERT ... RETURN_GENERATED_KEYS can be: close the kept ones first.
        writer.close(); // closes quietly: it cannot throw past the lock
        try (Statement statement = writer.connection().createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            statement.execute("VACUUM");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new StoreException("cannot compact the database: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            writer.close();
            closeQuietly(writer.connection());
            allReaders.forEach(reader -> {
                reader.close();
                closeQuietly(reader.connection());
            });
        } finally {
            lock.ifPresent(BotLock::close);
            writeLock.unlock();
        }
    }

    private void begin() {
        try {
            new Sql(writer).update("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw new StoreException("cannot start a write transaction: " + e.getMessage(), e);
        }
    }

    private void commit() {
        try {
            new Sql(writer).update("COMMIT");
        } catch (SQLException e) {
            rollback(e);
            throw new StoreException("cannot commit: " + e.getMessage(), e);
        }
    }

    private void rollback(Throwable cause) {
        try (Statement statement = writer.connection().createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back by itself (on some errors); that is fine.
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    private Statements takeReader() {
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
    }

    private static <T> T run(Statements connection, SqlWork<T> work) {
        try {
            return work.apply(new Sql(connection));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static StoreException translate(SQLException e) {
        if (e.getErrorCode() == SQLiteErrorCode.SQLITE_CONSTRAINT.code
                || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT"))) {
            return new ConstraintViolation(e);
        }
        return new StoreException("database error: " + e.getMessage(), e);
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // A deleted row's bytes are overwritten with zeros, not left in a free page: what a family
        // asks to be forgotten must be gone from the file, not only from the queries.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "ON");
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    private static void createPrivately(Path file) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path folder = file.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        try {
            if (posix) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException alreadyThere) {
            // An existing database keeps the permissions its owner gave it.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing at shut-down: nothing left to do with the error.
        }
    }
}
