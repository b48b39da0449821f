package nl.classbridge.config;

import java.util.Objects;

/**
 * Log settings. Personal data is never logged, whatever the level.
 *
 * @param level one of TRACE, DEBUG, INFO, WARN, ERROR (upper case)
 */
public record Logging(String level) {

    public Logging {
        Objects.requireNonNull(level, "level");
    }
}
