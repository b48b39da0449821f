package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** A child in a class, known by first name or nickname only: the bot needs no more. */
public record Student(long id, long classId, String name, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 40;

    // Letters (any script), marks, spaces, dots, hyphens and apostrophes: enough for "Anne-Fleur",
    // "D'Angelo" or "Sam B.", not enough for a full name with a birth date or an e-mail address.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]*");

    /**
     * The name as it will be stored (trimmed, inner spaces folded), or empty when it is not a
     * plausible first name or nickname.
     */
    public static Optional<String> cleanName(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()
                || name.length() > MAX_NAME_LENGTH
                || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
