package nl.classbridge.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The rhythm of a class's positive updates: a weekday and a local time, every week or every other
 * week, possibly paused for a holiday. The next run is stored so that a restart neither skips
 * nor repeats one.
 */
public record UpdateSchedule(
        long classId,
        DayOfWeek day,
        LocalTime time,
        int everyWeeks,
        Optional<LocalDate> pausedUntil,
        Optional<String> pauseReason,
        Instant nextRunAt,
        Optional<Instant> lastRunAt) {

    /**
     * The first run strictly after {@code after}: the next {@link #day} at {@link #time} local
     * time in {@code zone}. Local time is kept across daylight-saving switches; a time that does
     * not exist on the day of the spring switch moves forward with the gap.
     */
    public static Instant firstRunAfter(Instant after, DayOfWeek day, LocalTime time, ZoneId zone) {
        ZonedDateTime local = after.atZone(zone);
        LocalDate date = local.toLocalDate().with(TemporalAdjusters.nextOrSame(day));
        ZonedDateTime candidate = ZonedDateTime.of(date, time, zone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = ZonedDateTime.of(date.plusWeeks(1), time, zone);
        }
        return candidate.toInstant();
    }

    /** The run after {@code previous}, {@link #everyWeeks} later at the same local time. */
    public Instant runAfter(Instant previous, ZoneId zone) {
        LocalDate date = previous.atZone(zone).toLocalDate().plusWeeks(everyWeeks);
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /** Whether the run at {@code run} falls in a pause. */
    public boolean pausedOn(Instant run, ZoneId zone) {
        return pausedUntil
                .map(until -> !run.atZone(zone).toLocalDate().isAfter(until))
                .orElse(false);
    }
}
