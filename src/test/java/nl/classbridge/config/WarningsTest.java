package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Warnings")
class WarningsTest {

    private static final Map<String, String> ALL_SECRETS = Map.of(
            "DISCORD_TOKEN", "t",
            "CLASSBRIDGE_MAIL_SMTP_PASSWORD", "p",
            "CLASSBRIDGE_MAIL_IMAP_PASSWORD", "q");

    @TempDir
    Path dir;

    private List<String> warnings(String yaml, Map<String, String> env) throws Exception {
        return ConfigLoader.loadEffective(ConfigFiles.write(dir, yaml), env).warnings();
    }

    @Test
    @DisplayName("are empty for a complete set-up")
    void complete() throws Exception {
        // GIVEN Discord and both mail servers fully set up
        String yaml = """
                discord: {guilds: "123456789012345678"}
                mail:
                  from: "Groep 5 <groep5@school.nl>"
                  smtp: {host: smtp.school.nl, port: 587, security: starttls, username: groep5}
                  imap: {host: imap.school.nl, port: 993, security: ssl, username: groep5}
                """;

        // WHEN / THEN nothing to say
        assertThat(warnings(yaml, ALL_SECRETS)).isEmpty();
    }

    @Test
    @DisplayName("explain how to get a bot token when DISCORD_TOKEN is missing")
    void missingToken() throws Exception {
        // GIVEN no token / WHEN loaded / THEN the first warning explains
        assertThat(warnings("", Map.of()).get(0))
                .startsWith("DISCORD_TOKEN is not set: the bot cannot log in to Discord;")
                .contains("https://discord.com/developers/applications");
    }

    @Test
    @DisplayName("GIVEN no servers in discord.guilds WHEN loaded THEN a warning says the bot serves every server;"
            + " listed servers are read in order, once, and silence it")
    void guilds() throws Exception {
        // GIVEN / WHEN no servers listed
        List<String> none = warnings("", ALL_SECRETS);

        // THEN the warning says what that means and what to do
        assertThat(none)
                .contains(
                        "discord.guilds is empty: the bot serves every Discord server it is added to,"
                                + " and registers its teacher commands for all of them; list the school's server ids in discord.guilds");

        // GIVEN / WHEN two servers, one twice, in the environment
        Map<String, String> env = new java.util.HashMap<>(ALL_SECRETS);
        env.put("CLASSBRIDGE_DISCORD_GUILDS", "223456789012345678, 123456789012345678 223456789012345678");
        EffectiveConfig listed = ConfigLoader.loadEffective(ConfigFiles.write(dir, ""), env);

        // THEN both are served, in order, and nothing else is
        assertThat(listed.settings().discord().guilds()).containsExactly(223456789012345678L, 123456789012345678L);
        assertThat(listed.settings().discord().serves(123456789012345678L)).isTrue();
        assertThat(listed.settings().discord().serves(323456789012345678L)).isFalse();
        assertThat(listed.warnings()).noneMatch(w -> w.startsWith("discord.guilds"));
        assertThat(listed.describe())
                .contains("discord.guilds = 223456789012345678, 123456789012345678"
                        + "   (from environment CLASSBRIDGE_DISCORD_GUILDS)");
    }

    @Test
    @DisplayName("point out a port that does not fit the security setting")
    void portSecurityMismatch() throws Exception {
        // GIVEN SMTP on the SSL port with starttls, IMAP on the STARTTLS port with ssl
        String yaml = """
                discord: {guilds: "123456789012345678"}
                mail:
                  from: groep5@school.nl
                  smtp: {host: smtp.school.nl, port: 465, username: groep5}
                  imap: {host: imap.school.nl, port: 143, username: groep5}
                """;

        // WHEN / THEN
        assertThat(warnings(yaml, ALL_SECRETS))
                .containsExactly(
                        "mail.smtp.port is 465, which usually needs mail.smtp.security ssl, not starttls",
                        "mail.imap.port is 143, which usually needs mail.imap.security starttls, not ssl");
    }

    @Test
    @DisplayName("point out unencrypted mail and Discord traffic, except to this machine")
    void unencrypted() throws Exception {
        // GIVEN plain SMTP to a remote host, plain IMAP to localhost, and plain HTTP to a remote Discord
        String yaml = """
                discord: {rest-url: "http://discord.example.org/api/v10/", gateway-url: "ws://127.0.0.1:8081",
                          guilds: "123456789012345678"}
                mail:
                  from: groep5@school.nl
                  smtp: {host: smtp.school.nl, port: 25, security: none, username: groep5}
                  imap: {host: localhost, port: 3143, security: none, username: groep5}
                """;

        // WHEN / THEN only the remote ones are named
        assertThat(warnings(yaml, ALL_SECRETS))
                .containsExactly(
                        "discord.rest-url uses http: the bot token crosses the network unencrypted; use https",
                        "mail.smtp.security is none: passwords and parents' emails cross the network unencrypted;"
                                + " use starttls or ssl");
    }

    @Test
    @DisplayName("point out a login without password, a server without sender, and quiet hours that are off")
    void incomplete() throws Exception {
        // GIVEN SMTP with a user but no password and no sender, IMAP without user, no quiet hours
        String yaml = """
                discord: {guilds: "123456789012345678"}
                mail:
                  smtp: {host: smtp.school.nl, username: groep5}
                  imap: {host: imap.school.nl}
                quiet-hours: {start: "08:00", end: "08:00"}
                """;

        // WHEN / THEN
        assertThat(warnings(yaml, Map.of("DISCORD_TOKEN", "t")))
                .containsExactly(
                        "mail.from is not set: emails need a sender address; set mail.from",
                        "mail.smtp.username is set but CLASSBRIDGE_MAIL_SMTP_PASSWORD is not:"
                                + " the mail server will probably refuse the login",
                        "mail.imap.username is not set: the mail server needs a login to read replies",
                        "quiet-hours.start equals quiet-hours.end: there are no quiet hours,"
                                + " so parents may get messages at night");
    }
}
