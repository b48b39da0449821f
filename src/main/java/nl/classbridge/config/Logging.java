package nl.classbridge.config;

import java.util.Objects;

/**
 * Log settings. Personal data is never logged, whatever the level.
 *
 * @param level one of TRACE, DEBUG, INFO, WARN, ERROR (upper case)
 * @param format {@code text} (readable lines) or {@code json} (one object per line, for log shippers)
 */
public record Logging(String level, String format) {

    public Logging {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(format, "format");
    }
}
