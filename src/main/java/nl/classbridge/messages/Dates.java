package nl.classbridge.messages;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import nl.classbridge.domain.Language;

/**
 * Dates and times as a family or teacher reads them, in their language (ICU's formats, from
 * CLDR) and the class's time zone. A date is always a value of its own in the sentence around
 * it ("Laatste dag: {deadline}"): no text glues a case ending or a suffix to it.
 */
public final class Dates {
    /** "vrijdag 11 september 2026", "Friday 11 September 2026", "пʼятниця, 11 вересня 2026 р." */
    private static final Map<Language, DateFormat> FULL = formats(Style.FULL);
    /** "vrijdag 11 september", "Friday 11 September", "piątek, 11 września": a day this school year. */
    private static final Map<Language, DateFormat> DAY_AND_MONTH = formats(Style.DAY_AND_MONTH);
    /** "14:30", "14:30", "2:30 م": the time of day as the language writes it. */
    private static final Map<Language, DateFormat> TIME = formats(Style.TIME);

    private enum Style {
        FULL,
        DAY_AND_MONTH,
        TIME
    }

    private Dates() {}

    /** "14:30", "2:30 م", ...: a time of day as {@code language} writes it. */
    public static String time(LocalTime time, Language language) {
        return format(
                TIME,
                language,
                Date.from(time.atDate(java.time.LocalDate.EPOCH).toInstant(ZoneOffset.UTC)),
                ZoneOffset.UTC);
    }

    /** "vrijdag 11 september 2026", "Friday 11 September 2026", ... */
    public static String day(Instant instant, ZoneId zone, Language language) {
        return format(FULL, language, Date.from(instant), zone);
    }

    /** "vrijdag 11 september", "Friday 11 September", ...: a day near enough that its year goes without saying. */
    public static String dayAndMonth(Instant instant, ZoneId zone, Language language) {
        return format(DAY_AND_MONTH, language, Date.from(instant), zone);
    }

    private static String format(Map<Language, DateFormat> formats, Language language, Date date, ZoneId zone) {
        DateFormat format = formats.get(language);
        // Made once per language (making one costs more than using it); ICU's formats are not safe to share while
        // formatting.
        synchronized (format) {
            format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
            return format.format(date);
        }
    }

    private static Map<Language, DateFormat> formats(Style style) {
        Map<Language, DateFormat> formats = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            ULocale locale = ULocale.forLocale(language.locale());
            formats.put(
                    language,
                    switch (style) {
                        case FULL -> DateFormat.getDateInstance(DateFormat.FULL, locale);
                        case DAY_AND_MONTH ->
                            DateFormat.getInstanceForSkeleton(
                                    DateFormat.WEEKDAY + DateFormat.DAY + DateFormat.MONTH, locale);
                        case TIME -> DateFormat.getInstanceForSkeleton(DateFormat.HOUR_MINUTE, locale);
                    });
        }
        return formats;
    }
}
