package nl.classbridge.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.classbridge.domain.Student;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The name of the file {@code /prep} sends when the page does not fit one message. */
class PrepFileNameTest {
    private static final Instant NOW = Instant.parse("2026-10-05T10:00:00Z");

    @Test
    @DisplayName("GIVEN children called Sam, Zoë, Anne-Fleur, D'Angelo and يوسف WHEN their page goes as a file THEN its"
            + " name is in plain letters, and the child's number where the name has none")
    void plainLetters() {
        assertThat(PrepCommand.fileName(new Student(1, 1, "Sam", NOW))).isEqualTo("prep-sam.md");
        assertThat(PrepCommand.fileName(new Student(2, 1, "Zoë", NOW))).isEqualTo("prep-zoe.md");
        assertThat(PrepCommand.fileName(new Student(3, 1, "Anne-Fleur", NOW))).isEqualTo("prep-anne-fleur.md");
        assertThat(PrepCommand.fileName(new Student(4, 1, "D'Angelo", NOW))).isEqualTo("prep-d-angelo.md");
        assertThat(PrepCommand.fileName(new Student(5, 1, "يوسف", NOW))).isEqualTo("prep-5.md");
    }
}
