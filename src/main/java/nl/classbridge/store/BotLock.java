package nl.classbridge.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An operating-system lock on {@code <database>.lock}, held while a {@link Database} is open: how
 * {@code restore} knows the bot runs. The OS lets go of it when the process ends, crashed or not,
 * so a stale lock file never blocks anything.
 */
public final class BotLock implements AutoCloseable {
    /** The lock files this process holds: a second open here is a test or a tool, not a second bot. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private BotLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code database}. */
    public static Path fileOf(Path database) {
        Path absolute = database.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /** Whether another process, not this one, holds the lock of {@code database}. */
    public static boolean heldByAnotherProcess(Path database) {
        return !HELD_HERE.contains(fileOf(database)) && held(database);
    }

    /** Whether a bot (another process, or an open Database in this one) has {@code database} open now. */
    public static boolean held(Path database) {
        Optional<BotLock> lock = tryTake(database);
        lock.ifPresent(BotLock::close);
        return lock.isEmpty();
    }

    /** The lock, or empty when another process (or another open Database in this one) holds it. */
    public static Optional<BotLock> tryTake(Path database) {
        Path file = fileOf(database);
        try {
            try {
                Backups.createPrivately(file);
            } catch (FileAlreadyExistsException alreadyThere) {
                // left by an earlier run: the file is only a handle, the lock is what counts
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                HELD_HERE.add(file);
                return Optional.of(new BotLock(file, channel, lock));
            } catch (OverlappingFileLockException heldInThisProcess) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new StoreException("cannot use the lock file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        HELD_HERE.remove(file);
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing: the OS drops the lock with the channel or the process anyway
        }
    }
}
