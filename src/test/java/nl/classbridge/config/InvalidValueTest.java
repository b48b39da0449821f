package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("An invalid value")
class InvalidValueTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("from the environment is refused naming key, value, what is valid and the variable")
    void fromEnvironment() throws Exception {
        // GIVEN a valid file and a time zone on Mars in the environment
        Path file = ConfigFiles.write(dir, "");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of("CLASSBRIDGE_SCHOOL_TIMEZONE", "Mars/Phobos"));

        // THEN the message says it all on one line
        assertThat(e.key()).contains("school.timezone");
        assertThat(e.value()).contains("Mars/Phobos");
        assertThat(e.getMessage())
                .isEqualTo("school.timezone: 'Mars/Phobos' is not a time zone;"
                        + " use a region id such as Europe/Amsterdam (from environment CLASSBRIDGE_SCHOOL_TIMEZONE)");
    }

    @Test
    @DisplayName("from the file is refused naming the line it is on")
    void fromFile() throws Exception {
        // GIVEN a port out of range on line 3
        Path file = ConfigFiles.write(dir, "mail:\n  smtp:\n    port: 70000\n");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN the message names key, value, valid range and line
        assertThat(e.getMessage())
                .isEqualTo("mail.smtp.port: '70000' is not a port;" + " use a whole number from 1 to 65535 (line 3 of "
                        + file + ")");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("school.timezone", "+02:00", "is a fixed offset, which ignores daylight saving time"),
                Arguments.of("school.timezone", "Amsterdam", "is not a time zone"),
                Arguments.of("school.default-language", "fr", "use one of nl, en, ar, tr, pl, uk"),
                Arguments.of("mail.smtp.port", "0", "is not a port; use a whole number from 1 to 65535"),
                Arguments.of("mail.imap.port", "imaps", "is not a port"),
                Arguments.of(
                        "mail.smtp.security", "tls", "is not a mail security setting; use one of none, starttls, ssl"),
                Arguments.of("mail.imap.security", "yes", "use one of none, starttls, ssl"),
                Arguments.of("discord.rest-url", "ftp://discord.com/api/", "is not an http or https URL"),
                Arguments.of(
                        "discord.guilds",
                        "123456789012345678, De Regenboog",
                        "holds 'De', which is not a server id (17 to 20 digits)"),
                Arguments.of("discord.guilds", "99999999999999999999", "is not a server id"),
                Arguments.of("discord.shards", "0", "is too small; use auto, or a whole number from 1 to 1024"),
                Arguments.of("discord.shards", "1025", "is too large; use auto, or a whole number from 1 to 1024"),
                Arguments.of("discord.shards", "recommended", "is not a whole number"),
                Arguments.of("discord.rest-url", "discord.com/api/v10", "is not an http or https URL"),
                Arguments.of("discord.rest-url", "https://exa mple.org/", "is not a URL"),
                Arguments.of("discord.gateway-url", "https://gateway.discord.gg", "is not a ws or wss URL"),
                Arguments.of("quiet-hours.start", "25:00", "is not a time of day; use a time as HH:mm"),
                Arguments.of("quiet-hours.end", "8pm", "is not a time of day"),
                Arguments.of("retention.months", "0", "is too small; use a whole number from 1 to 120"),
                Arguments.of("retention.months", "121", "is too large; use a whole number from 1 to 120"),
                Arguments.of("retention.months", "two years", "is not a whole number"),
                Arguments.of("retention.months", "-3", "is too small; use a whole number from 1 to 120"),
                Arguments.of("retention.highlight-months", "0", "is too small; use a whole number from 1 to 120"),
                Arguments.of("retention.highlight-months", "1200", "is too large; use a whole number from 1 to 120"),
                Arguments.of("updates.catch-up-hours", "-1", "is too small; use a whole number from 0 to 168"),
                Arguments.of("checkin.email-after-hours", "99999999999999", "is too large"),
                Arguments.of("mail.imap.poll-seconds", "1", "use a whole number from 5 to 3600"),
                Arguments.of(
                        "mail.reply-token",
                        "header",
                        "is not a place for the reply token; use one of plus-address, subject"),
                Arguments.of("mail.trusted-authserv-id", "mx.google.com; dmarc=pass", "is not a mail server's name"),
                Arguments.of("mail.max-message-bytes", "2MB", "is not a whole number"),
                Arguments.of(
                        "mail.max-message-bytes", "1000", "is too small; use a whole number from 65536 to 52428800"),
                Arguments.of("mail.imap.keep-days", "0", "is too small; use a whole number from 1 to 365"),
                Arguments.of("sandbox.port", "65536", "is too large; use a whole number from 0 to 65535"),
                Arguments.of("discord.dm-per-second", "0", "is too small; use a number above 0 and at most 50"),
                Arguments.of("discord.dm-per-second", "51", "is too large"),
                Arguments.of("discord.dm-per-second", "NaN", "is not a number"),
                Arguments.of(
                        "logging.level", "VERBOSE", "is not a log level; use one of TRACE, DEBUG, INFO, WARN, ERROR"),
                Arguments.of("logging.format", "xml", "is not a log format; use one of text, json"),
                Arguments.of("mail.from", "juf.anna@", "is not an email address"),
                Arguments.of("mail.from", "juf anna@school.nl", "is not an email address"),
                Arguments.of("mail.reply-to", "a@school.nl, b@school.nl", "is not an email address"),
                Arguments.of("mail.smtp.host", "smtp://smtp.school.nl", "is a URL, not a host name"),
                Arguments.of("mail.imap.host", "imap.school.nl:993", "is not a host name"),
                Arguments.of("discord.teacher-role", "x".repeat(101), "is too long"));
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @MethodSource("invalidValues")
    @DisplayName("is refused with the key, the value and what would be valid")
    void refused(String key, String value, String expected) throws Exception {
        // GIVEN the value in the environment variable for the key
        Path file = ConfigFiles.write(dir, "");
        String variable = ConfigKey.find(key).orElseThrow().environmentVariable();

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of(variable, value));

        // THEN the key, the value (shortened if long) and the hint are all named
        String shown = value.length() <= 80 ? value : value.substring(0, 80) + "...";
        assertThat(e.key()).contains(key);
        assertThat(e.value()).contains(value);
        assertThat(e.getMessage())
                .startsWith(key + ": '" + shown + "' ")
                .contains(expected)
                .contains("; use ")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("is one of several problems: all are listed, the first is the message")
    void allProblemsListed() throws Exception {
        // GIVEN two bad values in the file and one in the environment
        Path file = ConfigFiles.write(dir, "retention:\n  months: 0\nlogging:\n  level: loud\n");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of("CLASSBRIDGE_MAIL_SMTP_PORT", "x"));

        // THEN every problem is reported in registry order
        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).startsWith("mail.smtp.port: 'x' is not a port");
        assertThat(e.problems().get(1)).startsWith("retention.months: '0' is too small");
        assertThat(e.problems().get(2)).startsWith("logging.level: 'loud' is not a log level");
        assertThat(e.getMessage()).isEqualTo(e.problems().get(0));
    }

    @Test
    @DisplayName("written over several lines is shown on one line")
    void multiLineValue() throws Exception {
        // GIVEN a block scalar where one line is expected
        Path file = ConfigFiles.write(dir, "school:\n  name: |\n    De\n    Regenboog\n");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN the message stays on one line
        assertThat(e.getMessage())
                .isEqualTo("school.name: 'De\\nRegenboog' contains a line break or another"
                        + " control character; use one line of text of at most 100 characters (line 2 of " + file
                        + ")");
    }
}
