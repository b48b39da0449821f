package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Secrets")
class SecretMaskingTest {

    private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.very-secret-bot-token";
    private static final String SMTP_PASSWORD = "smtp-Wachtwoord-42";
    private static final String IMAP_PASSWORD = "imap-Wachtwoord-43";

    @TempDir
    Path dir;

    @Test
    @DisplayName("print as **** whatever their value and length, and reveal() gives the value")
    void secretPrintsMasked() {
        // GIVEN two secrets of different lengths
        Secret short1 = Secret.of("a");
        Secret long1 = Secret.of(TOKEN);

        // WHEN / THEN they print the same, and only reveal() shows the value
        assertThat(short1).hasToString("****");
        assertThat(long1).hasToString("****");
        assertThat(long1.masked()).isEqualTo("****");
        assertThat("token=" + long1).isEqualTo("token=****");
        assertThat(long1.reveal()).isEqualTo(TOKEN);
    }

    @Test
    @DisplayName("are equal by value, and cannot be empty")
    void equality() {
        // GIVEN / WHEN / THEN
        assertThat(Secret.of(TOKEN)).isEqualTo(Secret.of(TOKEN)).hasSameHashCodeAs(Secret.of(TOKEN));
        assertThat(Secret.of(TOKEN)).isNotEqualTo(Secret.of(TOKEN + "x"));
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("never appear in describe(), warnings() or the settings' toString()")
    void neverShown() throws Exception {
        // GIVEN all three secrets in the environment
        Path file = ConfigFiles.write(
                dir,
                "mail:\n  smtp:\n    host: smtp.school.nl\n    username: groep5\n"
                        + "  imap:\n    host: imap.school.nl\n    username: groep5\n");
        Map<String, String> env = Map.of(
                "DISCORD_TOKEN", TOKEN,
                "CLASSBRIDGE_MAIL_SMTP_PASSWORD", SMTP_PASSWORD,
                "CLASSBRIDGE_MAIL_IMAP_PASSWORD", IMAP_PASSWORD);

        // WHEN everything printable is gathered
        EffectiveConfig config = ConfigLoader.loadEffective(file, env);
        String printed =
                String.join("\n", config.describe()) + String.join("\n", config.warnings()) + config.settings();

        // THEN no secret is in it, and set secrets show as ****
        assertThat(printed).doesNotContain(TOKEN, SMTP_PASSWORD, IMAP_PASSWORD, "very-secret", "Wachtwoord");
        assertThat(config.describe())
                .contains(
                        "discord.token = ****   (from environment DISCORD_TOKEN)",
                        "mail.smtp.password = ****   (from environment CLASSBRIDGE_MAIL_SMTP_PASSWORD)",
                        "mail.imap.password = ****   (from environment CLASSBRIDGE_MAIL_IMAP_PASSWORD)");
        assertThat(config.settings().discord().token().orElseThrow().reveal()).isEqualTo(TOKEN);
    }

    @Test
    @DisplayName("that are not set show as (not set)")
    void notSet() throws Exception {
        // GIVEN no secrets
        Path file = ConfigFiles.write(dir, "");

        // WHEN the configuration is described
        var lines = ConfigLoader.loadEffective(file, Map.of()).describe();

        // THEN they say so
        assertThat(lines)
                .contains(
                        "discord.token = (not set)   (default)",
                        "mail.smtp.password = (not set)   (default)",
                        "mail.imap.password = (not set)   (default)");
    }

    @Test
    @DisplayName("never appear in a refusal, even when another value is invalid")
    void notInErrors() throws Exception {
        // GIVEN a token and an invalid value
        Path file = ConfigFiles.write(dir, "");

        // WHEN it is loaded
        ConfigException e = ConfigFiles.refused(file, Map.of("DISCORD_TOKEN", TOKEN, "CLASSBRIDGE_LOGGING_LEVEL", "x"));

        // THEN only the invalid value is named
        assertThat(String.join("\n", e.problems())).doesNotContain(TOKEN);
    }
}
