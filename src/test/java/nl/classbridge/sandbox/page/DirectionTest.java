package nl.classbridge.sandbox.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DirectionTest {
    @Test
    @DisplayName("A message's direction is its first strong letter outside isolates: an Arabic sentence that"
            + " starts with an isolated Latin name is right to left; no letter at all leaves it to the browser")
    void firstStrongLetterOutsideIsolates() {
        assertThat(Direction.of("رسالة من \u2068Juf Vera\u2069")).isEqualTo("rtl");
        assertThat(Direction.of("\u2068Juf Vera\u2069، رسالة")).isEqualTo("rtl");
        assertThat(Direction.of("\u200F`/join code:7KQ2`")).isEqualTo("rtl");
        assertThat(Direction.of("Gelukt! 🙂 Je bent nu aangemeld")).isEqualTo("ltr");
        assertThat(Direction.of("12:30 🙂")).isEqualTo("auto");
    }

    @Test
    @DisplayName("In a right-to-left mail only a line that is Latin through and through, such as a code or a"
            + " command, is set apart left to right; a signature of isolated values keeps the mail's direction")
    void leftToRightLines() {
        assertThat(Direction.leftToRightOnly("/join code:7KQ2MX4P")).isTrue();
        assertThat(Direction.leftToRightOnly("FORGET ME 123456")).isTrue();
        assertThat(Direction.leftToRightOnly("اكتبوا /join code:7KQ2MX4P")).isFalse();
        assertThat(Direction.leftToRightOnly("\u2068Juf Vera\u2069، \u2068Groep 5\u2069"))
                .isFalse();
        assertThat(Direction.leftToRightOnly("123456")).isFalse();
        assertThat(Direction.leftToRightOnly("—")).isFalse();
    }
}
