package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The key registry")
class ConfigKeyTest {

    @Test
    @DisplayName("holds the documented keys, in check-config's order")
    void documentedKeys() {
        // GIVEN / WHEN the registry
        List<String> keys = ConfigKey.all().stream().map(ConfigKey::key).toList();

        // THEN it has every key the README documents
        assertThat(keys)
                .containsExactly(
                        "school.name",
                        "school.timezone",
                        "school.default-language",
                        "school.privacy-contact",
                        "database.path",
                        "texts.messages-folder",
                        "texts.questionnaires-folder",
                        "discord.token",
                        "discord.rest-url",
                        "discord.gateway-url",
                        "discord.teacher-role",
                        "discord.dm-per-second",
                        "discord.guilds",
                        "discord.shards",
                        "mail.from",
                        "mail.reply-to",
                        "mail.smtp.host",
                        "mail.smtp.port",
                        "mail.smtp.security",
                        "mail.smtp.username",
                        "mail.smtp.password",
                        "mail.imap.host",
                        "mail.imap.port",
                        "mail.imap.security",
                        "mail.imap.username",
                        "mail.imap.password",
                        "mail.imap.folder",
                        "mail.imap.poll-seconds",
                        "mail.reply-token",
                        "mail.trusted-authserv-id",
                        "mail.max-message-bytes",
                        "mail.imap.keep-days",
                        "quiet-hours.start",
                        "quiet-hours.end",
                        "retention.months",
                        "retention.highlight-months",
                        "logging.level",
                        "logging.format",
                        "updates.reminder-time",
                        "updates.catch-up-hours",
                        "checkin.email-after-hours",
                        "translation.provider",
                        "translation.url",
                        "translation.api-key",
                        "translation.timeout-ms",
                        "ops.port",
                        "sandbox.port",
                        "sandbox.database");
    }

    @Test
    @DisplayName("names environment variables CLASSBRIDGE_ + key, with DISCORD_TOKEN as the one exception")
    void environmentVariables() {
        // GIVEN / WHEN / THEN
        assertThat(ConfigKey.DISCORD_REST_URL.environmentVariable()).isEqualTo("CLASSBRIDGE_DISCORD_REST_URL");
        assertThat(ConfigKey.QUIET_HOURS_START.environmentVariable()).isEqualTo("CLASSBRIDGE_QUIET_HOURS_START");
        assertThat(ConfigKey.MAIL_SMTP_PASSWORD.environmentVariable()).isEqualTo("CLASSBRIDGE_MAIL_SMTP_PASSWORD");
        assertThat(ConfigKey.DISCORD_TOKEN.environmentVariable()).isEqualTo("DISCORD_TOKEN");
        assertThat(ConfigKey.all())
                .filteredOn(k -> k != ConfigKey.DISCORD_TOKEN)
                .allMatch(k -> k.environmentVariable()
                        .equals("CLASSBRIDGE_"
                                + k.key()
                                        .toUpperCase(Locale.ROOT)
                                        .replace('.', '_')
                                        .replace('-', '_')));
    }

    @Test
    @DisplayName("marks exactly the token, the two passwords and the translation key as secrets, without defaults")
    void secrets() {
        // GIVEN / WHEN / THEN
        assertThat(ConfigKey.all())
                .filteredOn(ConfigKey::isSecret)
                .containsExactly(
                        ConfigKey.DISCORD_TOKEN,
                        ConfigKey.MAIL_SMTP_PASSWORD,
                        ConfigKey.MAIL_IMAP_PASSWORD,
                        ConfigKey.TRANSLATION_API_KEY)
                .allMatch(k -> k.defaultValue().isEmpty());
        assertThat(ConfigKey.all())
                .filteredOn(k -> ConfigFile.looksSecret(k.key()))
                .allMatch(ConfigKey::isSecret);
    }

    @Test
    @DisplayName("gives every key a one-line description and a hint at valid values")
    void descriptions() {
        // GIVEN / WHEN / THEN
        assertThat(ConfigKey.all()).allSatisfy(k -> {
            assertThat(k.description()).isNotBlank().doesNotContain("\n");
            assertThat(k.allowedValues()).isNotBlank();
        });
        assertThat(ConfigKey.RETENTION_MONTHS.allowedValues()).isEqualTo("a whole number from 1 to 120");
        assertThat(ConfigKey.find("mail.smtp.port")).containsSame(ConfigKey.MAIL_SMTP_PORT);
        assertThat(ConfigKey.find("mail.smtp")).isEmpty();
    }
}
