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
 */
public record School(String name, ZoneId timezone, Language defaultLanguage) {

    public School {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }
}
