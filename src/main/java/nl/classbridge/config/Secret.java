package nl.classbridge.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A password or token. It prints as {@code ****} wherever it ends up (logs, {@code toString()} of
 * records holding it, error messages), so only code that calls {@link #reveal()} ever sees it.
 * The mask does not depend on the value, so not even its length leaks.
 */
public final class Secret {

    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-empty secret value. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        return new Secret(value);
    }

    /** The secret itself, for the one call that needs it (logging in); never log the result. */
    public String reveal() {
        return value;
    }

    /** Always {@code ****}. */
    public String masked() {
        return MASK;
    }

    /** Always {@code ****}, so a secret is safe in string concatenation and logs. */
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        // Constant-time comparison: how long a comparison takes says nothing about the value.
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value.getBytes(StandardCharsets.UTF_8));
    }
}
