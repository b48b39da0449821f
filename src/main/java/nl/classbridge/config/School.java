package nl.classbridge.config;

import java.time.ZoneId;
import java.util.Objects;
import nl.classbridge.domain.Language;

/**
 * The school the bot serves.
 *
 * @param name            the name parents know the school by
 * @param timezone        a region zone (never a fixed offset), so schedules follow daylight saving time
 * @param defaultLanguage the language for families who have not chosen one
 * @param privacyContact  whom parents ask about privacy, as the privacy text names them; empty: the teacher
 */
public record School(String name, ZoneId timezone, Language defaultLanguage, String privacyContact) {

    public School {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(privacyContact, "privacyContact");
    }

    /** A school without a privacy contact of its own (the sandbox's made-up school). */
    public School(String name, ZoneId timezone, Language defaultLanguage) {
        this(name, timezone, defaultLanguage, "");
    }
}
