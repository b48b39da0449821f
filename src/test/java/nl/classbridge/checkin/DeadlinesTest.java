package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.classbridge.domain.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The deadline rule: until and including the day families are told")
class DeadlinesTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    @DisplayName("a round for 7 days started on Tuesday morning is open through the next Tuesday, to its midnight")
    void afterDays() {
        Instant tuesdayMorning = Instant.parse("2026-09-01T07:00:00Z");
        Instant deadline = Deadlines.afterDays(tuesdayMorning, 7, AMSTERDAM);
        assertThat(deadline).isEqualTo(Instant.parse("2026-09-08T22:00:00Z"));
        assertThat(Deadlines.shown(deadline, AMSTERDAM, Language.NL)).isEqualTo("dinsdag 8 september");
        assertThat(Deadlines.shown(deadline, AMSTERDAM, Language.EN)).isEqualTo("Tuesday 8 September");
    }

    @Test
    @DisplayName("late in the evening counts as that day in the class's zone, and the day's end follows summer time")
    void classZoneAndSummerTime() {
        Instant lateMonday = Instant.parse("2026-10-19T21:30:00Z"); // 23:30 Monday in Amsterdam
        Instant deadline = Deadlines.afterDays(lateMonday, 7, AMSTERDAM);
        // Monday 26 October ends at midnight in winter time (UTC+1), the clocks went back on the 25th.
        assertThat(deadline).isEqualTo(Instant.parse("2026-10-26T23:00:00Z"));
        assertThat(Deadlines.endOf(LocalDate.of(2026, 10, 26), AMSTERDAM)).isEqualTo(deadline);
        assertThat(Deadlines.shown(deadline, AMSTERDAM, Language.NL)).isEqualTo("maandag 26 oktober");
    }

    @Test
    @DisplayName(
            "the questions before a conversation are open through the day before it, or until it starts when that day has passed")
    void beforeAConversation() {
        Instant meeting = Instant.parse("2026-09-08T13:30:00Z"); // Tuesday 15:30
        Instant monday = Instant.parse("2026-09-07T08:00:00Z");
        assertThat(Deadlines.before(meeting, monday, AMSTERDAM)).isEqualTo(Instant.parse("2026-09-07T22:00:00Z"));
        assertThat(Deadlines.shown(Deadlines.before(meeting, monday, AMSTERDAM), AMSTERDAM, Language.NL))
                .isEqualTo("maandag 7 september");
        Instant tuesdayMorning = Instant.parse("2026-09-08T06:00:00Z");
        assertThat(Deadlines.before(meeting, tuesdayMorning, AMSTERDAM)).isEqualTo(meeting);
    }
}
