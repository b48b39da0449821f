package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import nl.classbridge.domain.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Environment variables")
class EnvironmentTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("override the file, dashed keys included")
    void overrideTheFile() throws Exception {
        // GIVEN a file with some values
        Path file = ConfigFiles.write(dir, """
                school:
                  default-language: nl
                discord:
                  rest-url: https://discord.com/api/v10/
                mail:
                  smtp:
                    host: smtp.school.nl
                    port: 587
                quiet-hours:
                  start: "20:00"
                updates:
                  catch-up-hours: 12
                """);
        // AND environment variables for the same keys
        Map<String, String> env = Map.of(
                "CLASSBRIDGE_SCHOOL_DEFAULT_LANGUAGE", "tr",
                "CLASSBRIDGE_DISCORD_REST_URL", "http://127.0.0.1:9000/api/v10/",
                "CLASSBRIDGE_MAIL_SMTP_PORT", " 2525 ",
                "CLASSBRIDGE_QUIET_HOURS_START", "21:00",
                "CLASSBRIDGE_UPDATES_CATCH_UP_HOURS", "0");

        // WHEN it is loaded
        EffectiveConfig config = ConfigLoader.loadEffective(file, env);
        Settings settings = config.settings();

        // THEN the environment wins, and the file still counts for the rest
        assertThat(settings.school().defaultLanguage()).isEqualTo(Language.TR);
        assertThat(settings.discord().restUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/api/v10/"));
        assertThat(settings.mail().smtp().port()).isEqualTo(2525);
        assertThat(settings.mail().smtp().host()).contains("smtp.school.nl");
        assertThat(settings.quietHours().start()).isEqualTo(LocalTime.of(21, 0));
        assertThat(settings.updates().catchUpHours()).isZero();
        assertThat(config.source(ConfigKey.DISCORD_REST_URL)).isEqualTo(ConfigSource.ENVIRONMENT);
        assertThat(config.source(ConfigKey.MAIL_SMTP_HOST)).isEqualTo(ConfigSource.FILE);
        assertThat(config.describe())
                .contains(
                        "discord.rest-url = http://127.0.0.1:9000/api/v10/   (from environment CLASSBRIDGE_DISCORD_REST_URL)",
                        "updates.catch-up-hours = 0   (from environment CLASSBRIDGE_UPDATES_CATCH_UP_HOURS)");
    }

    @Test
    @DisplayName("override defaults for keys the file leaves out")
    void overrideDefaults() throws Exception {
        // GIVEN an empty file and an environment that sets the zone
        Path file = ConfigFiles.write(dir, "");

        // WHEN it is loaded
        Settings settings = ConfigLoader.load(file, Map.of("CLASSBRIDGE_SCHOOL_TIMEZONE", "Europe/Brussels"));

        // THEN the environment value is used
        assertThat(settings.school().timezone().getId()).isEqualTo("Europe/Brussels");
    }

    @Test
    @DisplayName("that are empty count as not set, so KEY= lines in container files are harmless")
    void emptyIsNotSet() throws Exception {
        // GIVEN a file value and an empty variable for the same key
        Path file = ConfigFiles.write(dir, "mail:\n  smtp:\n    port: 465\n");

        // WHEN it is loaded with empty variables
        Settings settings = ConfigLoader.load(file, Map.of("CLASSBRIDGE_MAIL_SMTP_PORT", "", "DISCORD_TOKEN", " "));

        // THEN the file value stays and the token is not set
        assertThat(settings.mail().smtp().port()).isEqualTo(465);
        assertThat(settings.discord().token()).isEmpty();
    }

    @Test
    @DisplayName("are the only source of secrets")
    void secrets() throws Exception {
        // GIVEN the three secrets in the environment
        Path file = ConfigFiles.write(dir, "");
        Map<String, String> env = Map.of(
                "DISCORD_TOKEN", "token-from-env\n",
                "CLASSBRIDGE_MAIL_SMTP_PASSWORD", " smtp pass ",
                "CLASSBRIDGE_MAIL_IMAP_PASSWORD", "imap-pass");

        // WHEN it is loaded
        Settings settings = ConfigLoader.load(file, env);

        // THEN the token is trimmed (a pasted newline would break the login) and passwords are kept as given
        assertThat(settings.discord().token()).contains(Secret.of("token-from-env"));
        assertThat(settings.mail().smtp().password()).contains(Secret.of(" smtp pass "));
        assertThat(settings.mail().imap().password().map(Secret::reveal)).contains("imap-pass");
    }

    @Test
    @DisplayName("with a name close to a setting's are reported as probable typos")
    void typosAreWarned() throws Exception {
        // GIVEN misspelt variables, one with its section left out, and one for another purpose
        Path file = ConfigFiles.write(dir, "");
        Map<String, String> env = Map.of(
                "CLASSBRIDGE_MAIL_SMTP_HOTS", "smtp.school.nl",
                "CLASSBRIDGE_SMTP_PASSWORD", "x",
                "CLASSBRIDGE_DISCORD_TOKEN", "x",
                "CLASSBRIDGE_CONFIG", "/etc/classbridge.yml");

        // WHEN it is loaded
        var warnings = ConfigLoader.loadEffective(file, env).warnings();

        // THEN the likely meant name is given, and unrelated variables are left alone
        assertThat(warnings)
                .contains(
                        "CLASSBRIDGE_MAIL_SMTP_HOTS is not a ClassBridge setting and is ignored;"
                                + " did you mean CLASSBRIDGE_MAIL_SMTP_HOST?",
                        "CLASSBRIDGE_SMTP_PASSWORD is not a ClassBridge setting and is ignored;"
                                + " did you mean CLASSBRIDGE_MAIL_SMTP_PASSWORD?",
                        "CLASSBRIDGE_DISCORD_TOKEN is ignored: discord.token is read from DISCORD_TOKEN");
        assertThat(warnings).noneMatch(w -> w.contains("CLASSBRIDGE_CONFIG"));
    }
}
