package nl.classbridge.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The loaded {@link Settings} together with where each value came from, for the
 * {@code check-config} command and for start-up logging. Safe to print: secrets are masked.
 */
public final class EffectiveConfig {

    private final Settings settings;
    private final Map<ConfigKey<?>, Resolved<?>> values;
    private final List<String> warnings;

    EffectiveConfig(Settings settings, Map<ConfigKey<?>, Resolved<?>> values, List<String> warnings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.values = Map.copyOf(values);
        this.warnings = List.copyOf(warnings);
    }

    public Settings settings() {
        return settings;
    }

    /** The checked value of one key. */
    public <T> T value(ConfigKey<T> key) {
        return resolved(key).value();
    }

    /** Where one key's value came from. */
    public ConfigSource source(ConfigKey<?> key) {
        return resolved(key).source();
    }

    /**
     * Every key, in registry order, as {@code key = value   (from file)},
     * {@code (from environment CLASSBRIDGE_X)} or {@code (default)}. Secrets show as {@code ****}
     * when set and {@code (not set)} otherwise; empty optional values show as {@code (not set)}.
     */
    public List<String> describe() {
        return ConfigKey.all().stream().map(key -> resolved(key).describe()).toList();
    }

    /**
     * Things that are allowed but worth telling the school IT person, one line each, such as a
     * missing {@code DISCORD_TOKEN} or mail that will not be sent. Empty when all is well.
     */
    public List<String> warnings() {
        return warnings;
    }

    @SuppressWarnings("unchecked") // the loader stores each key's Resolved under that key
    private <T> Resolved<T> resolved(ConfigKey<T> key) {
        Resolved<?> found = values.get(Objects.requireNonNull(key, "key"));
        if (found == null) {
            throw new IllegalArgumentException("not a registered key: " + key);
        }
        return (Resolved<T>) found;
    }
}
