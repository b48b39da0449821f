package nl.classbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import nl.classbridge.domain.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dates and times in each language")
class DatesTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant FRIDAY = Instant.parse("2026-09-11T12:30:00Z");

    @Test
    @DisplayName("English ones are British, as the English texts are: day before month, a 24-hour clock")
    void british() {
        assertThat(Dates.day(FRIDAY, AMSTERDAM, Language.EN)).isEqualTo("Friday, 11 September 2026");
        assertThat(Dates.time(LocalTime.of(21, 0), Language.EN)).isEqualTo("21:00");
    }

    @Test
    @DisplayName("the other languages keep their own")
    void others() {
        assertThat(Dates.day(FRIDAY, AMSTERDAM, Language.NL)).isEqualTo("vrijdag 11 september 2026");
        assertThat(Dates.day(FRIDAY, AMSTERDAM, Language.TR)).isEqualTo("11 Eylül 2026 Cuma");
        assertThat(Dates.day(FRIDAY, AMSTERDAM, Language.PL)).isEqualTo("piątek, 11 września 2026");
        assertThat(Dates.time(LocalTime.of(9, 5), Language.NL)).isEqualTo("09:05");
    }

    @Test
    @DisplayName(
            "a day this school year goes without its year, so no sentence gets the Ukrainian 'р.' before its full stop")
    void dayAndMonth() {
        assertThat(Dates.dayAndMonth(FRIDAY, AMSTERDAM, Language.NL)).isEqualTo("vrijdag 11 september");
        assertThat(Dates.dayAndMonth(FRIDAY, AMSTERDAM, Language.EN)).isEqualTo("Friday 11 September");
        assertThat(Dates.dayAndMonth(FRIDAY, AMSTERDAM, Language.PL)).isEqualTo("piątek, 11 września");
        assertThat(Dates.dayAndMonth(FRIDAY, AMSTERDAM, Language.UK)).isEqualTo("пʼятниця, 11 вересня");
        assertThat(Dates.day(FRIDAY, AMSTERDAM, Language.UK)).contains("2026").endsWith("р.");
    }

    @Test
    @DisplayName("Arabic dates and times use Western digits, as the codes and numbers families type")
    void arabicDigits() {
        assertThat(Dates.dayAndMonth(FRIDAY, AMSTERDAM, Language.AR))
                .contains("11")
                .doesNotContain("١١");
        assertThat(Dates.time(LocalTime.of(21, 5), Language.AR)).contains("9:05");
    }

    @Test
    @DisplayName("the day is the class's: late on Friday evening in Amsterdam is already Saturday in UTC")
    void classTimeZone() {
        Instant lateFriday = Instant.parse("2026-09-11T22:30:00Z");
        assertThat(Dates.dayAndMonth(lateFriday, AMSTERDAM, Language.EN)).isEqualTo("Saturday 12 September");
        assertThat(Dates.dayAndMonth(lateFriday, ZoneId.of("UTC"), Language.EN)).isEqualTo("Friday 11 September");
    }
}
