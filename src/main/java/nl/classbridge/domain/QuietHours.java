package nl.classbridge.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * The hours in which no private message or email goes out to parents; messages wait in the
 * outbox until the quiet hours end. Times are wall-clock times in the school's time zone. The
 * school sets them in config; a family may agree its own in its communication plan.
 *
 * <p>The period runs from {@code start} (inclusive) to {@code end} (exclusive) and may wrap past
 * midnight: start 20:00, end 08:00 is quiet from 20:00 in the evening to 08:00 the next morning.
 * Equal start and end mean there are no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** True when start and end are equal: messages may go out at any hour. */
    public boolean off() {
        return start.equals(end);
    }

    /** Whether the wall-clock time {@code t} falls in the quiet hours. */
    public boolean contains(LocalTime t) {
        Objects.requireNonNull(t, "t");
        if (off()) {
            return false;
        }
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }

    /**
     * The first instant at or after {@code t} that is not in the quiet hours: {@code t} itself if
     * it is allowed, else the moment the quiet hours end, in {@code t}'s zone.
     *
     * <p>If the end time does not exist that day (the clock jumps over it when daylight saving
     * time starts), the quiet hours end at the jump, because from then on the clock shows a
     * later time than {@code end}.
     */
    public ZonedDateTime nextAllowed(ZonedDateTime t) {
        Objects.requireNonNull(t, "t");
        LocalTime now = t.toLocalTime();
        if (!contains(now)) {
            return t;
        }
        // In the evening part of a wrapping period the quiet hours end tomorrow.
        boolean endsTomorrow = start.isAfter(end) && !now.isBefore(start);
        LocalDate day = endsTomorrow ? t.toLocalDate().plusDays(1) : t.toLocalDate();
        LocalDateTime endOfQuiet = day.atTime(end);
        ZoneOffsetTransition transition = t.getZone().getRules().getTransition(endOfQuiet);
        if (transition != null && transition.isGap()) {
            return ZonedDateTime.ofInstant(transition.getInstant(), t.getZone());
        }
        // In an overlap (clocks go back) the earlier offset is the first time the clock shows end.
        return ZonedDateTime.ofLocal(endOfQuiet, t.getZone(), null);
    }
}
