package nl.classbridge.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the SQLite database lives (key {@code database.path}).
 *
 * @param path the database file; a relative path starts at the working directory
 */
public record Store(Path path) {

    public Store {
        Objects.requireNonNull(path, "path");
    }
}
