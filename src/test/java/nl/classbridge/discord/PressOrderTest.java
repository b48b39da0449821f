package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One parent's presses are handled in the order they were made, also when they come faster than
 * the bot answers and beside another parent's: real JDA against the local Discord server, real
 * SQLite. Each parent presses 1, 2, 3, 4, 5, 1, ... so a press handled after a later one would
 * leave another value stored.
 */
class PressOrderTest {
    private static final int FAMILIES = 2;
    private static final int PRESSES = 60;

    @TempDir
    Path folder;

    @Test
    @DisplayName(
            "GIVEN two parents at a scale question WHEN each presses 30 times at once THEN each parent's last press is what is stored")
    void lastPressWins() throws Exception {
        try (PressingFamilies pressing = PressingFamilies.start(folder, FAMILIES, Map.of())) {
            PressingFamilies.Burst burst = pressing.burst(PRESSES, FAMILIES);

            for (int who = 0; who < FAMILIES; who++) {
                int last = PRESSES - FAMILIES + who;
                assertThat(pressing.storedAnswer(who))
                        .as("parent " + who + "'s stored answer")
                        .isEqualTo(String.valueOf(PressingFamilies.valueOf(last, FAMILIES)));
            }
            assertThat(burst.presses())
                    .allSatisfy(press -> assertThat(press.response()).isPresent());
        }
    }
}
