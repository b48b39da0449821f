package nl.classbridge.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * A value with a stable short code, as written in the store, in config and in commands. The code
 * never changes when the Java name does.
 */
public interface Coded {
    String code();

    /** The constant of {@code type} whose code is {@code code}, if any. */
    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equals(code))
                .findFirst();
    }

    /** Like {@link #fromCode} for a code read from the store, where an unknown one is a bug. */
    static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
        return fromCode(type, code)
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " code: " + code));
    }
}
