package nl.classbridge.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Dates;

/**
 * The one deadline rule of every round: "until and including". Families read a deadline as a day
 * ("tot en met vrijdag 11 september"), so a round stays open through the whole of that day in
 * the class's time zone and closes at the midnight after it; no text says "before", and no round
 * closes at some clock time on the day it names.
 */
public final class Deadlines {
    private Deadlines() {}

    /** The moment a round open through {@code lastDay} closes: the midnight after it. */
    public static Instant endOf(LocalDate lastDay, ZoneId zone) {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The deadline of a round started at {@code now} that families get {@code days} days for, today not counted. */
    public static Instant afterDays(Instant now, int days, ZoneId zone) {
        return endOf(now.atZone(zone).toLocalDate().plusDays(days), zone);
    }

    /**
     * The deadline of the questions before a conversation at {@code meeting}: through the day before
     * it, so the teacher can read the answers beforehand; a conversation so near that the day before
     * has passed keeps the questions open until it starts.
     */
    public static Instant before(Instant meeting, Instant now, ZoneId zone) {
        Instant dayBefore =
                meeting.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        return dayBefore.isAfter(now) ? dayBefore : meeting;
    }

    /**
     * The last day {@code deadline} leaves open, as a family or teacher reads it ("vrijdag 11
     * september"): a deadline at midnight ends the day before. Without a year, so no sentence gets
     * a "2026 р." before its full stop; a round is open for days, not years.
     */
    public static String shown(Instant deadline, ZoneId zone, Language language) {
        return Dates.dayAndMonth(deadline.minusNanos(1), zone, language);
    }
}
