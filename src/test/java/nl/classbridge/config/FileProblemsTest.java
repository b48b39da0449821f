package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A config file that cannot be used")
class FileProblemsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("with a password in it is refused, pointing to the environment variable, without the password")
    void passwordInFile() throws Exception {
        // GIVEN an SMTP password written in the file
        Path file = ConfigFiles.write(dir, "mail:\n  smtp:\n    host: smtp.school.nl\n    password: Hunter2-Geheim\n");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN the key and the right variable are named, the password nowhere
        assertThat(e.key()).contains("mail.smtp.password");
        assertThat(e.value()).isEmpty();
        assertThat(e.getMessage())
                .isEqualTo("mail.smtp.password: secrets are not read from the config file;"
                        + " remove it and set CLASSBRIDGE_MAIL_SMTP_PASSWORD in the environment (line 4 of " + file
                        + ")");
        assertThat(String.join(" ", e.problems()) + e).doesNotContain("Hunter2");
    }

    @Test
    @DisplayName("with the bot token in it is refused, pointing to DISCORD_TOKEN")
    void tokenInFile() throws Exception {
        // GIVEN the token written as a dotted key
        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(dir, "discord.token: MTA5.secret-token-text\n");

        // THEN DISCORD_TOKEN is named and the token is not shown
        assertThat(e.getMessage())
                .startsWith("discord.token: secrets are not read from the config file;"
                        + " remove it and set DISCORD_TOKEN in the environment");
        assertThat(e.getMessage()).doesNotContain("secret-token-text");
    }

    @Test
    @DisplayName("with any other key mentioning a password, token or secret is refused too")
    void secretLookingKey() throws Exception {
        // GIVEN a made-up key that clearly holds a secret
        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(dir, "mail:\n  imap:\n    app-token: abc123def\n");

        // THEN it is refused as a secret, not merely as unknown
        assertThat(e.key()).contains("mail.imap.app-token");
        assertThat(e.getMessage())
                .contains("secrets are not read from the config file")
                .contains("CLASSBRIDGE_MAIL_IMAP_PASSWORD")
                .doesNotContain("abc123def");
    }

    @Test
    @DisplayName("with a misspelt key is refused with a suggestion")
    void misspeltKey() throws Exception {
        // GIVEN two letters swapped
        Path file = ConfigFiles.write(dir, "school:\n  nmae: De Regenboog\n");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN the meant key is suggested
        assertThat(e.key()).contains("school.nmae");
        assertThat(e.getMessage())
                .isEqualTo("school.nmae: unknown setting; did you mean school.name? (line 2 of " + file + ")");
    }

    @Test
    @DisplayName("with a section left out is refused with the full key suggested")
    void sectionLeftOut() throws Exception {
        // GIVEN smtp written at the top instead of under mail
        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(dir, "smtp:\n  host: smtp.school.nl\n");

        // THEN mail.smtp is suggested
        assertThat(e.getMessage()).startsWith("smtp: unknown setting; did you mean mail.smtp?");
    }

    @Test
    @DisplayName("with an unknown key and no near miss is refused listing what the section has")
    void unknownKey() throws Exception {
        // GIVEN a key nothing resembles, holding what could be private
        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(dir, "school:\n  colour: pale-blue-private\n");

        // THEN the known keys of the section are listed and the value is not repeated
        assertThat(e.getMessage())
                .startsWith("school.colour: unknown setting; school has name, timezone," + " default-language");
        assertThat(e.getMessage()).doesNotContain("pale-blue-private");
        assertThat(e.value()).isEmpty();
    }

    @Test
    @DisplayName("with a list where one value belongs is refused naming the key")
    void listForValue() throws Exception {
        // GIVEN two hosts as a list
        // WHEN it is loaded
        ConfigException e =
                ConfigFiles.refused(dir, "mail:\n  smtp:\n    host:\n      - a.school.nl\n      - b.school.nl\n");

        // THEN the key is named
        assertThat(e.key()).contains("mail.smtp.host");
        assertThat(e.getMessage()).startsWith("mail.smtp.host: is a list; write a single value");
    }

    @Test
    @DisplayName("with keys under a single value, or a value for a section, is refused naming the key")
    void wrongShape() throws Exception {
        // GIVEN both mistakes
        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(dir, "school:\n  name:\n    short: Regenboog\nmail: yes\n");

        // THEN both are named
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).startsWith("school.name: expected a single value, not a section");
        assertThat(e.problems().get(1))
                .startsWith(
                        "mail: is a section, not a single value;" + " write its settings under it, such as mail.from");
    }

    @Test
    @DisplayName("setting a key twice is refused naming both lines")
    void duplicateKey() throws Exception {
        // GIVEN the port nested and dotted
        Path file = ConfigFiles.write(dir, "mail:\n  smtp:\n    port: 587\nmail.smtp.port: 465\n");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN both places are named
        assertThat(e.getMessage())
                .isEqualTo("mail.smtp.port: is set twice in " + file + ", on lines 3 and 4; keep one");
    }

    @Test
    @DisplayName("that does not exist is refused naming the path")
    void missingFile() {
        // GIVEN a path with no file
        Path file = dir.resolve("nowhere.yml");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN the path is named and no key is blamed
        assertThat(e.key()).isEmpty();
        assertThat(e.getMessage()).startsWith("config file " + file + " not found");
    }

    @Test
    @DisplayName("that is a directory is refused naming the path")
    void directory() {
        // GIVEN a directory
        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(dir, Map.of());

        // THEN it says so
        assertThat(e.getMessage()).isEqualTo("config file " + dir + " is a directory; point to the .yml file in it");
    }

    @Test
    @DisplayName("that is not valid YAML is refused naming the file and the line")
    void syntaxError() throws Exception {
        // GIVEN a key indented wrongly on line 3
        Path file = ConfigFiles.write(dir, "school:\n  name: De Regenboog\n timezone: Europe/Amsterdam\n");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN the file and line are named, on one line
        assertThat(e.key()).isEmpty();
        assertThat(e.getMessage())
                .startsWith(file + " line 3: not valid YAML (")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("with an unclosed quote is refused naming a line")
    void unclosedQuote() throws Exception {
        // GIVEN a quote that is never closed
        Path file = ConfigFiles.write(dir, "school:\n  name: \"De Regenboog\n");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN a line is named
        assertThat(e.getMessage())
                .matches(java.util.regex.Pattern.quote(file.toString()) + " line \\d+: not valid YAML .*");
    }

    @Test
    @DisplayName("that is a list instead of settings is refused")
    void notAMap() throws Exception {
        // GIVEN a YAML list
        Path file = ConfigFiles.write(dir, "- school\n- mail\n");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN it says what is expected
        assertThat(e.getMessage()).isEqualTo(file + " line 1: expected settings written as 'key: value' lines");
    }

    @Test
    @DisplayName("that is not UTF-8 is refused with how to fix it")
    void notUtf8() throws Exception {
        // GIVEN a name saved as Latin-1
        Path file = dir.resolve("latin1.yml");
        Files.write(file, "school:\n  name: Caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of());

        // THEN the encoding is named
        assertThat(e.getMessage()).isEqualTo("config file " + file + " is not UTF-8 text; save it as UTF-8");
    }
}
