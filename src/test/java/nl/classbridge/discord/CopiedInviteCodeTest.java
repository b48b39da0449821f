package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import nl.classbridge.sandbox.discord.LocalUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invite code copied out of right-to-left text (issue 17), with the real bot on the local
 * Discord server: in an Arabic class the invite text holds the code between direction isolates,
 * and a parent who copies the code as it stands there joins, as do codes with other invisible
 * marks a phone's copy and paste brings along.
 */
class CopiedInviteCodeTest {
    @TempDir
    Path folder;

    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.teacher("class setup", Map.of("name", "Groep 5", "language", "ar"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Mila"));
    }

    @AfterEach
    void stop() {
        school.close();
    }

    @Test
    @DisplayName("the code copied from the Arabic invite's /join line, isolates and all, joins the parent")
    void copiedFromArabicText() {
        String invite = school.teacher("invite", Map.of("student", "Sam"));
        String line = invite.lines()
                .filter(l -> l.contains("/join"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no /join line in: " + invite));
        String copied = line.substring(line.indexOf("code:") + "code:".length());
        // What the parent copies carries the invisible marks of the right-to-left text.
        assertThat(copied.chars().filter(c -> Character.getType(c) == Character.FORMAT))
                .as("the copied code holds direction marks")
                .isNotEmpty();

        LocalUser parent = school.parent("ouder.sam");
        String reply = school.command(parent, school.discord.directChannel(parent), "join", Map.of("code", copied));

        assertThat(reply).contains("Sam");
    }

    @Test
    @DisplayName(
            "zero-width spaces, a right-to-left mark and a no-break space around or inside a code are no part of it")
    void invisibleMarks() {
        String code = school.inviteCode("Mila");
        String pasted = "\u200F\u2068 " + code.substring(0, 5) + "\u200B-\u00A0" + code.substring(6) + "\u2069\uFEFF";
        LocalUser parent = school.parent("ouder.mila");

        String reply = school.command(parent, school.discord.directChannel(parent), "join", Map.of("code", pasted));

        assertThat(reply).contains("Mila");
    }
}
