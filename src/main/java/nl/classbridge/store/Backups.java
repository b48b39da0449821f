package nl.classbridge.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of the database made with SQLite's online backup API: consistent while the bot keeps
 * writing (in WAL mode the copy reads one snapshot beside the writer), with no external tool.
 * Every copy is created readable by its owner only: it holds the same parents' answers.
 */
public final class Backups {
    /** How many automatic backups before an upgrade are kept in {@code backups/}. */
    public static final int KEPT = 5;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Backups() {}

    /**
     * Copies {@code database} to the new file {@code target} (refused when it exists) and returns
     * its size in bytes.
     */
    public static long copy(Path database, Path target) {
        if (!Files.isRegularFile(database)) {
            throw new StoreException("there is no database at " + database, null);
        }
        try {
            createPrivately(target);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                    Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.executeUpdate("backup to " + quoted(target));
            }
            return Files.size(target);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot back up the database to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the contents of {@code backup} into {@code database} through the same API, in place:
     * for undoing a failed upgrade while no other connection of this process is open.
     */
    static void putBack(Path backup, Path database) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.executeUpdate("restore from " + quoted(backup));
        } catch (SQLException e) {
            throw new StoreException("cannot put back " + backup + ": " + e.getMessage(), e);
        }
    }

    /** The folder of automatic backups: {@code backups/} next to the database file. */
    public static Path folderOf(Path database) {
        return database.toAbsolutePath().resolveSibling("backups");
    }

    /**
     * Takes the automatic backup before an upgrade from {@code fromVersion}, named after that version
     * and {@code now}, and keeps only the newest {@link #KEPT}.
     */
    static Path beforeUpgrade(Path database, String fromVersion, Instant now) {
        Path folder = folderOf(database);
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new StoreException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        String base = "classbridge-V" + fromVersion + "-" + STAMP.format(now);
        Path target = folder.resolve(base + ".db");
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(base + "-" + n + ".db");
        }
        copy(database, target);
        prune(folder);
        return target;
    }

    /** The automatic backups in {@code folder}, oldest first (by the time in their name). */
    public static List<Path> automatic(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("classbridge-V\\d+-.*\\.db"))
                    .sorted(java.util.Comparator.comparing(Backups::stamp))
                    .toList();
        } catch (IOException e) {
            throw new StoreException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String stamp(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.indexOf('-', "classbridge-V".length()) + 1);
    }

    private static void prune(Path folder) {
        List<Path> all = automatic(folder);
        for (Path old : all.subList(0, Math.max(0, all.size() - KEPT))) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new StoreException("cannot remove the old backup " + old + ": " + e.getMessage(), e);
            }
        }
    }

    /** Creates {@code file} empty and owner-only; refused when it exists. */
    static void createPrivately(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Makes an existing file owner-only, where the file system knows of owners. */
    static void makePrivate(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String quoted(Path file) {
        String path = file.toAbsolutePath().toString();
        if (path.contains("\"")) {
            throw new StoreException("a backup path may not contain a double quote: " + path, null);
        }
        return "\"" + path + "\"";
    }
}
