package nl.classbridge.messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import nl.classbridge.domain.Language;

/** Dates as a family or teacher reads them, in their language and the class's time zone. */
public final class Dates {
    private Dates() {
    }

    /** "vrijdag 12 september 2026", "Friday, September 12, 2026", ... */
    public static String day(Instant instant, ZoneId zone, Language language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale()).format(instant.atZone(zone));
    }
}
