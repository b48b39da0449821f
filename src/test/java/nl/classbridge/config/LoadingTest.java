package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Loading a config file")
class LoadingTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a nearly empty file takes the defaults for everything it leaves out")
    void defaultsForMissingKeys() throws Exception {
        // GIVEN a file that only names the school
        Path file = ConfigFiles.write(dir, "school:\n  name: De Regenboog\n");

        // WHEN it is loaded
        EffectiveConfig config = ConfigLoader.loadEffective(file, Map.of());
        Settings settings = config.settings();

        // THEN the name is from the file and the rest are the documented defaults
        assertThat(settings.school().name()).isEqualTo("De Regenboog");
        assertThat(config.source(ConfigKey.SCHOOL_NAME)).isEqualTo(ConfigSource.FILE);
        assertThat(settings.school().timezone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(settings.school().defaultLanguage()).isEqualTo(Language.NL);
        assertThat(settings.database().path()).isEqualTo(Path.of("data/classbridge.db"));
        assertThat(settings.discord().token()).isEmpty();
        assertThat(settings.discord().restUrl()).isEqualTo(URI.create("https://discord.com/api/v10/"));
        assertThat(settings.discord().gatewayUrl()).isEqualTo(URI.create("wss://gateway.discord.gg"));
        assertThat(settings.discord().teacherRole()).isEqualTo("Teacher");
        assertThat(settings.discord().dmPerSecond()).isEqualTo(2.0);
        assertThat(settings.discord().shards()).isEmpty();
        assertThat(settings.mail().from()).isEmpty();
        assertThat(settings.mail().replyTo()).isEmpty();
        assertThat(settings.mail().smtp())
                .isEqualTo(new Smtp(Optional.empty(), 587, MailSecurity.STARTTLS, "", Optional.empty()));
        assertThat(settings.mail().smtp().configured()).isFalse();
        assertThat(settings.mail().imap())
                .isEqualTo(new Imap(
                        Optional.empty(),
                        993,
                        MailSecurity.SSL,
                        "",
                        Optional.empty(),
                        "INBOX",
                        60,
                        30,
                        2_097_152,
                        Optional.empty()));
        assertThat(settings.mail().replyToken()).isEqualTo(ReplyTokenPlace.PLUS_ADDRESS);
        assertThat(settings.quietHours()).isEqualTo(new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0)));
        assertThat(settings.retention().months()).isEqualTo(13);
        assertThat(settings.retention().highlightMonths()).isEqualTo(13);
        assertThat(settings.logging().level()).isEqualTo("INFO");
        assertThat(settings.logging().format()).isEqualTo("text");
        assertThat(settings.updates().catchUpHours()).isEqualTo(12);
        assertThat(settings.checkin().emailAfterHours()).isEqualTo(48);
        assertThat(config.source(ConfigKey.SCHOOL_TIMEZONE)).isEqualTo(ConfigSource.DEFAULT);
    }

    @Test
    @DisplayName("an empty file, or one with only comments, gives the defaults")
    void emptyFile() throws Exception {
        // GIVEN a file with only a comment
        Path file = ConfigFiles.write(dir, "# nothing set yet\n");

        // WHEN it is loaded
        Settings settings = ConfigLoader.load(file, Map.of());

        // THEN it equals the defaults
        assertThat(settings).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    @DisplayName("an empty value takes the default")
    void emptyValueIsDefault() throws Exception {
        // GIVEN keys written without a value
        Path file = ConfigFiles.write(dir, "mail:\n  smtp:\n    port:\n    host: \"\"\nretention:\n  months: ~\n");

        // WHEN it is loaded
        EffectiveConfig config = ConfigLoader.loadEffective(file, Map.of());

        // THEN the defaults apply
        assertThat(config.settings().mail().smtp().port()).isEqualTo(587);
        assertThat(config.settings().retention().months()).isEqualTo(13);
        assertThat(config.source(ConfigKey.MAIL_SMTP_PORT)).isEqualTo(ConfigSource.DEFAULT);
    }

    @Test
    @DisplayName("dotted keys and nested sections may be mixed")
    void dottedAndNested() throws Exception {
        // GIVEN one key nested and one written with dots
        Path file = ConfigFiles.write(
                dir, "mail:\n  smtp:\n    host: smtp.school.nl\nmail.smtp.port: 465\n" + "mail.smtp.security: SSL\n");

        // WHEN it is loaded
        Smtp smtp = ConfigLoader.load(file, Map.of()).mail().smtp();

        // THEN both are read
        assertThat(smtp.host()).contains("smtp.school.nl");
        assertThat(smtp.configured()).isTrue();
        assertThat(smtp.port()).isEqualTo(465);
        assertThat(smtp.security()).isEqualTo(MailSecurity.SSL);
    }

    @Test
    @DisplayName("values are read as written, not as YAML guesses them (unquoted times, yes, long ids)")
    void valuesAsWritten() throws Exception {
        // GIVEN unquoted values YAML 1.1 would turn into numbers or booleans
        Path file = ConfigFiles.write(
                dir,
                "school:\n  name: yes\nquiet-hours:\n  start: 21:30\n  end: 7:00\n"
                        + "discord:\n  teacher-role: 123456789012345678\n");

        // WHEN it is loaded
        Settings settings = ConfigLoader.load(file, Map.of());

        // THEN the text is what counts
        assertThat(settings.school().name()).isEqualTo("yes");
        assertThat(settings.quietHours()).isEqualTo(new QuietHours(LocalTime.of(21, 30), LocalTime.of(7, 0)));
        assertThat(settings.discord().teacherRole()).isEqualTo("123456789012345678");
        assertThat(settings.discord().teacherRoleId()).contains("123456789012345678");
    }

    @Test
    @DisplayName("lenient where the meaning is clear: case of words and zones, a missing final slash")
    void normalisedValues() throws Exception {
        // GIVEN values in another case and a REST URL without final slash
        Path file = ConfigFiles.write(
                dir,
                "school:\n  timezone: europe/amsterdam\n  default-language: EN\n"
                        + "logging:\n  level: debug\n  format: JSON\ndiscord:\n  rest-url: http://127.0.0.1:8080/api/v10\n");

        // WHEN it is loaded
        Settings settings = ConfigLoader.load(file, Map.of());

        // THEN they are taken in their canonical form
        assertThat(settings.school().timezone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(settings.school().defaultLanguage()).isEqualTo(Language.EN);
        assertThat(settings.logging().level()).isEqualTo("DEBUG");
        assertThat(settings.logging().format()).isEqualTo("json");
        assertThat(settings.discord().restUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/api/v10/"));
        assertThat(settings.discord().teacherRoleId()).isEmpty();
    }

    @Test
    @DisplayName("discord.shards is auto (ask Discord) or a fixed count, and check-config shows which")
    void shards() throws Exception {
        // GIVEN the word auto in any case, and a fixed count
        Path file = ConfigFiles.write(dir, "discord:\n  shards: AUTO\n");

        // WHEN each is loaded
        EffectiveConfig auto = ConfigLoader.loadEffective(file, Map.of());
        EffectiveConfig fixed = ConfigLoader.loadEffective(file, Map.of("CLASSBRIDGE_DISCORD_SHARDS", "4"));

        // THEN auto leaves the count to Discord, a number fixes it, and both are shown as written
        assertThat(auto.settings().discord().shards()).isEmpty();
        assertThat(auto.describe()).contains("discord.shards = auto   (from file)");
        assertThat(fixed.settings().discord().shards()).hasValue(4);
        assertThat(fixed.describe()).contains("discord.shards = 4   (from environment CLASSBRIDGE_DISCORD_SHARDS)");
    }

    @Test
    @DisplayName("UTC is accepted as a time zone")
    void utc() throws Exception {
        // GIVEN UTC
        Path file = ConfigFiles.write(dir, "school:\n  timezone: UTC\n");

        // WHEN it is loaded / THEN it is kept
        assertThat(ConfigLoader.load(file, Map.of()).school().timezone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    @DisplayName("a file saved by Windows Notepad with a byte order mark loads")
    void byteOrderMark() throws Exception {
        // GIVEN a UTF-8 file with a BOM and a non-ASCII name
        Path file = dir.resolve("bom.yml");
        Files.writeString(file, "\uFEFFschool:\n  name: Basisschool Het Kompas – Zuid\n", StandardCharsets.UTF_8);

        // WHEN it is loaded / THEN the name is intact
        assertThat(ConfigLoader.load(file, Map.of()).school().name()).isEqualTo("Basisschool Het Kompas – Zuid");
    }

    @Test
    @DisplayName("describe() lists every key with its value and its source")
    void describe() throws Exception {
        // GIVEN one key from the file and one from the environment
        Path file = ConfigFiles.write(dir, "school:\n  name: De Regenboog\n");
        Map<String, String> env = Map.of("CLASSBRIDGE_MAIL_SMTP_PORT", "465");

        // WHEN the effective configuration is described
        var lines = ConfigLoader.loadEffective(file, env).describe();

        // THEN each key has one line, in registry order, saying where its value came from
        assertThat(lines).hasSize(ConfigKey.all().size());
        assertThat(lines.get(0)).isEqualTo("school.name = De Regenboog   (from file)");
        assertThat(lines)
                .contains(
                        "school.timezone = Europe/Amsterdam   (default)",
                        "discord.dm-per-second = 2   (default)",
                        "mail.smtp.host = (not set)   (default)",
                        "mail.smtp.port = 465   (from environment CLASSBRIDGE_MAIL_SMTP_PORT)",
                        "mail.smtp.security = starttls   (default)",
                        "quiet-hours.start = 20:00   (default)",
                        "discord.token = (not set)   (default)");
    }
}
