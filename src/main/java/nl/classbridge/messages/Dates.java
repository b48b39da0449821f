package nl.classbridge.messages;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Map;
import nl.classbridge.domain.Language;

/** Dates as a family or teacher reads them, in their language and the class's time zone. */
public final class Dates {
    /** Built once per language: making a localized formatter costs more than formatting with it. */
    private static final Map<Language, DateTimeFormatter> FULL = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            FULL.put(
                    language,
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale()));
        }
    }

    private Dates() {}

    /** "14:30", "2:30 PM", ...: a time of day as {@code language} writes it. */
    public static String time(LocalTime time, Language language) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(language.locale())
                .format(time);
    }

    /** "vrijdag 12 september 2026", "Friday, September 12, 2026", ... */
    public static String day(Instant instant, ZoneId zone, Language language) {
        return FULL.get(language).format(instant.atZone(zone));
    }
}
