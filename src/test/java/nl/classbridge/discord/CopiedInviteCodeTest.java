package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.sandbox.discord.LocalUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invite code copied out of right-to-left text (issue 17), with the real bot on the local
 * Discord server: in an Arabic class the invite text shows the /join line as a code span, with
 * no direction isolate inside it, so a parent who copies the code joins; codes with the invisible
 * marks a phone's copy and paste brings along join as well.
 */
class CopiedInviteCodeTest {
    private static final Pattern CODE_SPAN = Pattern.compile("`(/join code:[^`]+)`");

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
    @DisplayName(
            "the Arabic invite shows /join as a code span without invisible marks, and the code copied from it joins")
    void copiedFromArabicText() {
        String invite = school.teacher("invite", Map.of("student", "Sam"));
        Matcher span = CODE_SPAN.matcher(invite);
        assertThat(span.find()).as("a /join code span in: " + invite).isTrue();
        // What the parent copies holds no direction isolate or mark: they stay outside the span.
        assertThat(span.group(1).chars().filter(c -> Character.getType(c) == Character.FORMAT))
                .as("invisible characters in " + span.group(1))
                .isEmpty();
        String copied = span.group(1).substring(span.group(1).indexOf("code:") + "code:".length());

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

    @Test
    @DisplayName("a parent who copies the whole Arabic line with the code, words, number and marks around it, joins")
    void copiedWithItsLine() {
        String invite = school.teacher("invite", Map.of("student", "Sam"));
        // The code's line with the step above it, as a finger selects them on a phone; Discord shows the code span
        // without its backticks, and a slash command's option is one line.
        java.util.List<String> lines = invite.lines().toList();
        int at = java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).contains("code:"))
                .findFirst()
                .orElseThrow();
        String line =
                String.join(" ", lines.subList(Math.max(0, at - 1), at + 1)).replace("`", "");
        assertThat(line).as("the Arabic words around the code").containsPattern("\\p{IsArabic}");

        LocalUser parent = school.parent("ouder.sam");
        String reply = school.command(parent, school.discord.directChannel(parent), "join", Map.of("code", line));

        assertThat(reply).contains("Sam");
    }
}
