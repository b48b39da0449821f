package nl.classbridge.config;

/** One setting's checked value and where it came from. */
record Resolved<T>(ConfigKey<T> key, T value, ConfigSource source) {

    /** {@code key = value   (source)}; secrets show as {@code ****} or {@code (not set)}. */
    String describe() {
        return key.key() + " = " + key.type().format(value) + "   (" + source.label(key) + ")";
    }
}
