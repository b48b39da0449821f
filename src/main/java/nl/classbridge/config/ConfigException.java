package nl.classbridge.config;

import java.util.List;
import java.util.Optional;

/**
 * The configuration cannot be used. {@link #getMessage()} is one line that names the key, the
 * offending value and what would be valid, e.g.
 * {@code mail.smtp.port: '70000' is not a port; use a whole number from 1 to 65535}. It never
 * contains a secret.
 *
 * <p>The loader checks every key before it gives up, so {@link #problems()} may list more than one
 * problem; the message is the first of them. The CLI exits with status 2 on this exception.
 */
public final class ConfigException extends Exception {

    // Plain nullable strings rather than Optionals: exceptions are Serializable, Optional is not.
    private final String key;
    private final String value;
    private final List<String> problems;

    ConfigException(List<Problem> problems) {
        super(problems.get(0).message());
        this.key = problems.get(0).key().orElse(null);
        this.value = problems.get(0).value().orElse(null);
        this.problems = List.copyOf(problems.stream().map(Problem::message).toList());
    }

    /** A problem with the file as a whole (missing, unreadable, not YAML). */
    static ConfigException ofFile(String message) {
        return new ConfigException(List.of(Problem.ofFile(message)));
    }

    /** The key at fault, e.g. {@code mail.smtp.port}; empty when the file as a whole is at fault. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The offending value as written; empty for secrets, unknown keys and file problems. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** Every problem found, one line each, the first being {@link #getMessage()}. */
    public List<String> problems() {
        return problems;
    }

    /** One problem found while loading; package-private so messages are only built here. */
    record Problem(Optional<String> key, Optional<String> value, String message) {

        static Problem ofFile(String message) {
            return new Problem(Optional.empty(), Optional.empty(), message);
        }

        static Problem ofKey(String key, String message) {
            return new Problem(Optional.of(key), Optional.empty(), key + ": " + message);
        }

        static Problem ofValue(String key, String value, String message) {
            return new Problem(Optional.of(key), Optional.of(value), key + ": " + message);
        }
    }
}
