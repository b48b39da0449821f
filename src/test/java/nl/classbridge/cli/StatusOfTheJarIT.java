package nl.classbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classbridge status} as monitoring runs it: the packaged jar in a JVM of its own, beside the
 * bot running in another, both on the same database; the exit code is what monitoring reads.
 */
@Timeout(300)
class StatusOfTheJarIT {
    @TempDir
    Path folder;

    @Test
    @DisplayName("status in its own process: exit 0 and 'all well' while the bot runs connected and reads mail;"
            + " exit 1 and 'not-running' once the bot has stopped; no family's data in either")
    void statusBesideTheBot() throws Exception {
        try (SchoolForTheJar school = new SchoolForTheJar(folder)) {
            school.seed(2, 1);
            JarProcess bot = school.startBot();

            JarProcess running = JarProcess.start(school.environment(), "status");
            int exit = running.awaitExit(SchoolForTheJar.PATIENCE);
            assertThat(exit).as(running.output()).isZero();
            assertThat(running.output())
                    .contains("ClassBridge: all well")
                    .contains("Running:      yes")
                    .contains("Discord:      connected")
                    .contains("Mail in:      read every 5 s")
                    .contains("Mail out:     on")
                    .doesNotContain("Kind000", "ouder000", "ouder002@example.org", "Groep 5");

            bot.terminate();
            bot.awaitExit(SchoolForTheJar.PATIENCE);
            JarProcess stopped = JarProcess.start(school.environment(), "status");
            assertThat(stopped.awaitExit(SchoolForTheJar.PATIENCE))
                    .as(stopped.output())
                    .isEqualTo(1);
            assertThat(stopped.output()).contains("ClassBridge: needs attention", "! not-running", "Running:      no");
        }
    }
}
