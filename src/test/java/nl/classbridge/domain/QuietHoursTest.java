package nl.classbridge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Quiet hours")
class QuietHoursTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final QuietHours EVENING_TO_MORNING = new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0));

    @ParameterizedTest(name = "{0} quiet: {1}")
    @CsvSource({
        "19:59, false",
        "20:00, true",
        "23:59, true",
        "00:00, true",
        "03:00, true",
        "07:59, true",
        "08:00, false",
        "12:00, false"
    })
    @DisplayName("from 20:00 to 08:00 wrap past midnight")
    void wrapPastMidnight(String time, boolean quiet) {
        // GIVEN quiet hours 20:00-08:00 / WHEN a time is checked / THEN the night counts as quiet
        assertThat(EVENING_TO_MORNING.contains(LocalTime.parse(time))).isEqualTo(quiet);
    }

    @Test
    @DisplayName("within one day hold from start up to, not including, end")
    void withinOneDay() {
        // GIVEN quiet hours over lunch
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));

        // WHEN / THEN
        assertThat(lunch.contains(LocalTime.of(11, 59))).isFalse();
        assertThat(lunch.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(lunch.contains(LocalTime.of(12, 59))).isTrue();
        assertThat(lunch.contains(LocalTime.of(13, 0))).isFalse();
    }

    @Test
    @DisplayName("with equal start and end are off")
    void off() {
        // GIVEN start equal to end
        QuietHours none = new QuietHours(LocalTime.of(20, 0), LocalTime.of(20, 0));
        ZonedDateTime evening = ZonedDateTime.of(2025, 5, 1, 20, 0, 0, 0, AMSTERDAM);

        // WHEN / THEN nothing is quiet
        assertThat(none.off()).isTrue();
        assertThat(none.contains(LocalTime.of(20, 0))).isFalse();
        assertThat(none.nextAllowed(evening)).isEqualTo(evening);
    }

    @Test
    @DisplayName("let an allowed moment through unchanged")
    void allowedUnchanged() {
        // GIVEN a school-day afternoon
        ZonedDateTime afternoon = ZonedDateTime.of(2025, 5, 1, 15, 30, 12, 0, AMSTERDAM);

        // WHEN / THEN it is allowed as is
        assertThat(EVENING_TO_MORNING.nextAllowed(afternoon)).isEqualTo(afternoon);
    }

    @Test
    @DisplayName("in the evening hold messages until 08:00 the next morning, across midnight and the year")
    void eveningToNextMorning() {
        // GIVEN New Year's Eve, late
        ZonedDateTime late = ZonedDateTime.of(2025, 12, 31, 23, 30, 0, 0, AMSTERDAM);

        // WHEN the next allowed moment is asked
        ZonedDateTime next = EVENING_TO_MORNING.nextAllowed(late);

        // THEN it is 08:00 on New Year's Day
        assertThat(next).isEqualTo(ZonedDateTime.of(2026, 1, 1, 8, 0, 0, 0, AMSTERDAM));
    }

    @Test
    @DisplayName("after midnight hold messages until 08:00 the same day")
    void earlyMorning() {
        // GIVEN 05:00
        ZonedDateTime early = ZonedDateTime.of(2025, 5, 2, 5, 0, 0, 0, AMSTERDAM);

        // WHEN / THEN 08:00 that day
        assertThat(EVENING_TO_MORNING.nextAllowed(early))
                .isEqualTo(ZonedDateTime.of(2025, 5, 2, 8, 0, 0, 0, AMSTERDAM));
    }

    @Test
    @DisplayName("end at 08:00 wall-clock time on the night summer time starts (one hour shorter)")
    void springForward() {
        // GIVEN Saturday evening before the clocks go forward (30 March 2025, 02:00 -> 03:00)
        ZonedDateTime saturday = ZonedDateTime.of(2025, 3, 29, 22, 0, 0, 0, AMSTERDAM);

        // WHEN the next allowed moment is asked
        ZonedDateTime next = EVENING_TO_MORNING.nextAllowed(saturday);

        // THEN it is 08:00 summer time, 9 hours later rather than 10
        assertThat(next.toLocalDateTime()).isEqualTo("2025-03-30T08:00");
        assertThat(next.toInstant()).isEqualTo(Instant.parse("2025-03-30T06:00:00Z"));
        assertThat(Duration.between(saturday, next)).isEqualTo(Duration.ofHours(9));
    }

    @Test
    @DisplayName("end at 08:00 wall-clock time on the night winter time starts (one hour longer)")
    void fallBack() {
        // GIVEN Saturday evening before the clocks go back (26 October 2025, 03:00 -> 02:00)
        ZonedDateTime saturday = ZonedDateTime.of(2025, 10, 25, 21, 0, 0, 0, AMSTERDAM);

        // WHEN the next allowed moment is asked
        ZonedDateTime next = EVENING_TO_MORNING.nextAllowed(saturday);

        // THEN it is 08:00 winter time, 12 hours later rather than 11
        assertThat(next.toInstant()).isEqualTo(Instant.parse("2025-10-26T07:00:00Z"));
        assertThat(Duration.between(saturday, next)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    @DisplayName("that end at a time the clock skips end when the clock jumps")
    void endInGap() {
        // GIVEN quiet hours ending 02:30, which does not exist on 30 March 2025 in Amsterdam
        QuietHours untilHalfPastTwo = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
        ZonedDateTime night = ZonedDateTime.of(2025, 3, 30, 1, 0, 0, 0, AMSTERDAM);

        // WHEN the next allowed moment is asked
        ZonedDateTime next = untilHalfPastTwo.nextAllowed(night);

        // THEN it is the jump itself: 03:00 summer time, the first moment the clock shows 02:30 or later
        assertThat(next.toInstant()).isEqualTo(Instant.parse("2025-03-30T01:00:00Z"));
        assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(3, 0));
        assertThat(untilHalfPastTwo.contains(next.toLocalTime())).isFalse();
    }
}
