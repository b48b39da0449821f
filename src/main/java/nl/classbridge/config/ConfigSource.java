package nl.classbridge.config;

/** Where a setting's effective value came from. */
public enum ConfigSource {
    /** The config file. */
    FILE,
    /** An environment variable, which wins over the file. */
    ENVIRONMENT,
    /** Neither was set: the built-in default (for a secret: not set). */
    DEFAULT;

    /** "from file", "from environment CLASSBRIDGE_X" or "default", as shown by check-config. */
    String label(ConfigKey<?> key) {
        return switch (this) {
            case FILE -> "from file";
            case ENVIRONMENT -> "from environment " + key.environmentVariable();
            case DEFAULT -> "default";
        };
    }
}
