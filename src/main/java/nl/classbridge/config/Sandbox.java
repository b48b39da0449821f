package nl.classbridge.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The local sandbox ({@code classbridge sandbox}): the whole bot on this machine, with a web page.
 *
 * @param port     the page's port on 127.0.0.1; 0 takes any free port
 * @param database the sandbox's own SQLite file, kept apart from {@code database.path}
 */
public record Sandbox(int port, Path database) {

    public Sandbox {
        Objects.requireNonNull(database, "database");
    }
}
