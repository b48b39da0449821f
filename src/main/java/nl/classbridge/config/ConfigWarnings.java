package nl.classbridge.config;

import static nl.classbridge.config.ConfigKey.TRANSLATION_API_KEY;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings that are allowed but probably not what the school wants, one line each, said at
 * start-up and by check-config. Refusing them would stop a half-configured bot that is still
 * useful (Discord without email, for instance).
 */
final class ConfigWarnings {

    private static final String PREFIX = "CLASSBRIDGE_";

    private final List<String> lines = new ArrayList<>();

    private ConfigWarnings() {}

    static List<String> of(Settings settings, Map<String, String> env) {
        ConfigWarnings w = new ConfigWarnings();
        w.discord(settings.discord());
        w.mail(settings.mail());
        if (settings.quietHours().off()) {
            w.lines.add("quiet-hours.start equals quiet-hours.end: there are no quiet hours,"
                    + " so parents may get messages at night");
        }
        w.translation(settings.translation());
        w.environment(env);
        return List.copyOf(w.lines);
    }

    private void discord(Discord discord) {
        if (discord.token().isEmpty()) {
            lines.add("DISCORD_TOKEN is not set: the bot cannot log in to Discord; create an application at"
                    + " https://discord.com/developers/applications, copy the token under Bot > Reset Token"
                    + " and set DISCORD_TOKEN in the environment");
        }
        if (discord.guilds().isEmpty()) {
            lines.add("discord.guilds is empty: the bot serves every Discord server it is added to, and registers"
                    + " its teacher commands for all of them; list the school's server ids in discord.guilds");
        }
        unencrypted("discord.rest-url", discord.restUrl(), "http", "https");
        unencrypted("discord.gateway-url", discord.gatewayUrl(), "ws", "wss");
    }

    private void unencrypted(String key, URI url, String plain, String secure) {
        if (url.getScheme().equalsIgnoreCase(plain) && !loopback(url.getHost())) {
            lines.add(key + " uses " + plain + ": the bot token crosses the network unencrypted; use " + secure);
        }
    }

    private void translation(Translation translation) {
        String key = TRANSLATION_API_KEY.environmentVariable();
        if (translation.provider() == TranslationProvider.NONE) {
            if (translation.url().isPresent() || translation.apiKey().isPresent()) {
                lines.add("translation.provider is none: translation.url and " + key + " are not used");
            }
            return;
        }
        translation.url().ifPresent(url -> {
            if (url.getScheme().equalsIgnoreCase("http") && !loopback(url.getHost())) {
                lines.add("translation.url uses http: what teachers and families write crosses the network"
                        + " unencrypted; use https, or run the translation server on this machine (127.0.0.1)");
            }
        });
        if (translation.provider() == TranslationProvider.DEEPL
                && translation.apiKey().isEmpty()) {
            lines.add(key + " is not set: DeepL needs the school's key; until it is set nothing is translated"
                    + " and texts go out as written, with a note");
        }
    }

    private void mail(Mail mail) {
        Smtp smtp = mail.smtp();
        Imap imap = mail.imap();
        if (!smtp.configured()) {
            lines.add("mail.smtp.host is not set: emails stay queued in the outbox until SMTP is configured");
        } else {
            if (mail.from().isEmpty()) {
                lines.add("mail.from is not set: emails need a sender address; set mail.from");
            }
            login("mail.smtp", smtp.username(), smtp.password(), false);
            security("mail.smtp", smtp.host().get(), smtp.port(), smtp.security(), 465, List.of(25, 587));
        }
        if (!imap.configured()) {
            lines.add("mail.imap.host is not set: parents' email replies are not read");
        } else {
            login("mail.imap", imap.username(), imap.password(), true);
            security("mail.imap", imap.host().get(), imap.port(), imap.security(), 993, List.of(143));
        }
    }

    private void login(String section, String username, Optional<Secret> password, boolean required) {
        String variable = ConfigKey.conventionalVariable(section + ".password");
        if (username.isEmpty() && required) {
            lines.add(section + ".username is not set: the mail server needs a login to read replies");
        } else if (username.isEmpty() && password.isPresent()) {
            lines.add(variable + " is set but " + section + ".username is not: the password is not used");
        }
        if (!username.isEmpty() && password.isEmpty()) {
            lines.add(section + ".username is set but " + variable
                    + " is not: the mail server will probably refuse the login");
        }
    }

    private void security(
            String section, String host, int port, MailSecurity security, int sslPort, List<Integer> startTlsPorts) {
        if (security == MailSecurity.NONE && !loopback(host)) {
            lines.add(section + ".security is none: passwords and parents' emails cross the network"
                    + " unencrypted; use starttls or ssl");
        } else if (port == sslPort && security != MailSecurity.SSL) {
            lines.add(section + ".port is " + port + ", which usually needs " + section + ".security ssl, not "
                    + security.configName());
        } else if (startTlsPorts.contains(port) && security == MailSecurity.SSL) {
            lines.add(
                    section + ".port is " + port + ", which usually needs " + section + ".security starttls, not ssl");
        }
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    /** Variables that look meant for ClassBridge but are not read: likely typos. */
    private void environment(Map<String, String> env) {
        Map<String, ConfigKey<?>> byVariable = new LinkedHashMap<>();
        ConfigKey.all().forEach(k -> byVariable.put(k.environmentVariable(), k));
        for (ConfigKey<?> key : ConfigKey.all()) {
            String conventional = ConfigKey.conventionalVariable(key.key());
            if (!conventional.equals(key.environmentVariable()) && env.containsKey(conventional)) {
                lines.add(conventional + " is ignored: " + key.key() + " is read from " + key.environmentVariable());
            }
        }
        // Candidates without the common prefix, so "SMTP_HOST" can be matched to "MAIL_SMTP_HOST".
        Map<String, String> shortNames = new LinkedHashMap<>();
        byVariable.keySet().forEach(v -> shortNames.put(v.startsWith(PREFIX) ? v.substring(PREFIX.length()) : v, v));
        env.keySet().stream()
                .filter(v -> v.startsWith(PREFIX) && !byVariable.containsKey(v))
                .sorted()
                .forEach(v -> NearMiss.suggest(v.substring(PREFIX.length()), shortNames.keySet(), '_')
                        .ifPresent(meant -> lines.add(v + " is not a ClassBridge setting and is ignored; did you mean "
                                + shortNames.get(meant) + "?")));
    }
}
