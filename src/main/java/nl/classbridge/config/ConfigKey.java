package nl.classbridge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import nl.classbridge.domain.Language;

/**
 * The single list of known settings: each key with its default, its environment variable, a
 * one-line description and how its value is checked. The loader, unknown-key detection and
 * check-config's listing all work from {@link #all()}; add a setting here and nowhere else
 * (except the commented {@code config/classbridge.yml}).
 *
 * <p>The environment variable is {@code CLASSBRIDGE_} plus the key in upper case with {@code .}
 * and {@code -} turned into {@code _}; only the bot token keeps Discord's usual name,
 * {@code DISCORD_TOKEN}. Secrets are read from the environment only.
 *
 * @param <T> the type of the checked value
 */
public final class ConfigKey<T> {

    private static final String PREFIX = "CLASSBRIDGE_";
    /** Far beyond a school board: at Discord's advised 1,000 servers a shard, a million servers. */
    private static final int MAX_SHARDS = 1024;

    // Filled by the constants below, in declaration order, which is also check-config's order.
    private static final List<ConfigKey<?>> ALL = new ArrayList<>();

    public static final ConfigKey<String> SCHOOL_NAME = setting(
            "school.name",
            "Onze school",
            ValueTypes.text(100),
            "The school's name as parents know it; used in messages and emails");
    public static final ConfigKey<ZoneId> SCHOOL_TIMEZONE = setting(
            "school.timezone",
            "Europe/Amsterdam",
            ValueTypes.zone(),
            "The school's time zone; schedules and quiet hours follow it, daylight saving included");
    public static final ConfigKey<Language> SCHOOL_DEFAULT_LANGUAGE = setting(
            "school.default-language", "nl", ValueTypes.language(), "Language for families who have not chosen one");
    public static final ConfigKey<String> SCHOOL_PRIVACY_CONTACT = setting(
            "school.privacy-contact",
            "",
            ValueTypes.optionalText(200),
            "Whom parents ask about privacy, named in the privacy text for parents; empty: they ask the teacher");

    public static final ConfigKey<Path> DATABASE_PATH = setting(
            "database.path",
            "data/classbridge.db",
            ValueTypes.path("data/classbridge.db"),
            "The SQLite database file; a relative path starts at the working directory");

    public static final ConfigKey<Path> MESSAGES_FOLDER = setting(
            "texts.messages-folder",
            "messages",
            ValueTypes.path("messages"),
            "The message catalogue: one folder per language; a relative path starts at the working directory");
    public static final ConfigKey<Path> QUESTIONNAIRES_FOLDER = setting(
            "texts.questionnaires-folder",
            "config/questionnaires",
            ValueTypes.path("config/questionnaires"),
            "The questionnaires, one .yml file each; a relative path starts at the working directory");

    public static final ConfigKey<Optional<Secret>> DISCORD_TOKEN = secret(
            "discord.token",
            "DISCORD_TOKEN",
            ValueTypes.secret(true),
            "The bot token from the Discord developer portal (environment only)");
    public static final ConfigKey<URI> DISCORD_REST_URL = setting(
            "discord.rest-url",
            "https://discord.com/api/v10/",
            ValueTypes.url("an http or https URL", "https://discord.com/api/v10/", true, "http", "https"),
            "Discord's REST API; change only for the sandbox or a proxy");
    public static final ConfigKey<URI> DISCORD_GATEWAY_URL = setting(
            "discord.gateway-url",
            "wss://gateway.discord.gg",
            ValueTypes.url("a ws or wss URL", "wss://gateway.discord.gg", false, "ws", "wss"),
            "Discord's gateway (websocket); change only for the sandbox or a proxy");
    public static final ConfigKey<String> DISCORD_TEACHER_ROLE = setting(
            "discord.teacher-role",
            "Teacher",
            ValueTypes.text(100),
            "The role whose members may use teacher commands: its name or its numeric id");
    public static final ConfigKey<Double> DISCORD_DM_PER_SECOND = setting(
            "discord.dm-per-second",
            "2",
            ValueTypes.positiveNumber(50),
            "Most private messages sent per second; Discord frowns on bots that send many DMs quickly");
    public static final ConfigKey<List<Long>> DISCORD_GUILDS = setting(
            "discord.guilds",
            "",
            ValueTypes.guildIds(),
            "The servers (guild ids, comma-separated) the bot serves; empty: every server it is in (not advised)");
    public static final ConfigKey<OptionalInt> DISCORD_SHARDS = setting(
            "discord.shards",
            "auto",
            ValueTypes.shardCount(MAX_SHARDS),
            "Gateway connections (shards) to Discord: auto asks Discord how many; needed above 2,500 servers");

    public static final ConfigKey<String> MAIL_FROM = setting(
            "mail.from",
            "",
            ValueTypes.emailAddress(),
            "Sender of emails to parents, e.g. 'Groep 5 <groep5@school.nl>'; empty: no email");
    public static final ConfigKey<String> MAIL_REPLY_TO =
            setting("mail.reply-to", "", ValueTypes.emailAddress(), "Where parents' replies go; empty: to mail.from");

    public static final ConfigKey<Optional<String>> MAIL_SMTP_HOST =
            setting("mail.smtp.host", "", ValueTypes.host(), "Outgoing mail server; empty: emails wait in the outbox");
    public static final ConfigKey<Integer> MAIL_SMTP_PORT = setting(
            "mail.smtp.port", "587", ValueTypes.port(), "Outgoing mail port: usually 587 with starttls, 465 with ssl");
    public static final ConfigKey<MailSecurity> MAIL_SMTP_SECURITY =
            setting("mail.smtp.security", "starttls", mailSecurity(), "Outgoing mail encryption");
    public static final ConfigKey<String> MAIL_SMTP_USERNAME = setting(
            "mail.smtp.username", "", ValueTypes.optionalText(200), "Outgoing mail login name; empty: no login");
    public static final ConfigKey<Optional<Secret>> MAIL_SMTP_PASSWORD =
            secret("mail.smtp.password", null, ValueTypes.secret(false), "Outgoing mail password (environment only)");

    public static final ConfigKey<Optional<String>> MAIL_IMAP_HOST = setting(
            "mail.imap.host",
            "",
            ValueTypes.host(),
            "Mail server where parents' replies arrive; empty: replies are not read");
    public static final ConfigKey<Integer> MAIL_IMAP_PORT = setting(
            "mail.imap.port", "993", ValueTypes.port(), "Incoming mail port: usually 993 with ssl, 143 with starttls");
    public static final ConfigKey<MailSecurity> MAIL_IMAP_SECURITY =
            setting("mail.imap.security", "ssl", mailSecurity(), "Incoming mail encryption");
    public static final ConfigKey<String> MAIL_IMAP_USERNAME =
            setting("mail.imap.username", "", ValueTypes.optionalText(200), "Incoming mail login name");
    public static final ConfigKey<Optional<Secret>> MAIL_IMAP_PASSWORD =
            secret("mail.imap.password", null, ValueTypes.secret(false), "Incoming mail password (environment only)");
    public static final ConfigKey<String> MAIL_IMAP_FOLDER =
            setting("mail.imap.folder", "INBOX", ValueTypes.text(200), "Mail folder where replies are read");
    public static final ConfigKey<Integer> MAIL_IMAP_POLL_SECONDS = setting(
            "mail.imap.poll-seconds",
            "60",
            ValueTypes.wholeNumber(5, 3600),
            "Seconds between checks for replies when the server cannot push them");
    public static final ConfigKey<ReplyTokenPlace> MAIL_REPLY_TOKEN = setting(
            "mail.reply-token",
            "plus-address",
            ValueTypes.oneOf(
                    "a place for the reply token", List.of(ReplyTokenPlace.values()), ReplyTokenPlace::configName),
            "Where emails carry the family's reply token: plus-address (bot+TOKEN@ and the subject) or subject only");
    public static final ConfigKey<Optional<String>> MAIL_TRUSTED_AUTHSERV_ID = setting(
            "mail.trusted-authserv-id",
            "",
            ValueTypes.authservId(),
            "The school's mail server as named in Authentication-Results; a reply it says fails DMARC is held");
    public static final ConfigKey<Integer> MAIL_MAX_MESSAGE_BYTES = setting(
            "mail.max-message-bytes",
            "2097152",
            ValueTypes.wholeNumber(65_536, 52_428_800),
            "A received mail larger than this many bytes is not read; the teacher is told one came");
    public static final ConfigKey<Integer> MAIL_IMAP_KEEP_DAYS = setting(
            "mail.imap.keep-days",
            "30",
            ValueTypes.wholeNumber(1, 365),
            "Days a processed mail stays in the bot's mailbox before it is deleted");

    public static final ConfigKey<LocalTime> QUIET_HOURS_START = setting(
            "quiet-hours.start",
            "20:00",
            ValueTypes.time(),
            "From this time no DMs or emails go to parents; they wait in the outbox");
    public static final ConfigKey<LocalTime> QUIET_HOURS_END = setting(
            "quiet-hours.end",
            "08:00",
            ValueTypes.time(),
            "Until this time (next morning if before start); equal to start: no quiet hours");

    public static final ConfigKey<Integer> RETENTION_MONTHS = setting(
            "retention.months",
            "13",
            ValueTypes.wholeNumber(1, 120),
            "Months that answers, conversations, messages and the audit log are kept before they are deleted");
    public static final ConfigKey<Integer> RETENTION_HIGHLIGHT_MONTHS = setting(
            "retention.highlight-months",
            "13",
            ValueTypes.wholeNumber(1, 120),
            "Months that a highlight is kept after it went out in a class update");

    public static final ConfigKey<String> LOGGING_LEVEL = setting(
            "logging.level",
            "INFO",
            ValueTypes.oneOf("a log level", List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), s -> s),
            "How much the bot logs; personal data is never logged");
    public static final ConfigKey<String> LOGGING_FORMAT = setting(
            "logging.format",
            "text",
            ValueTypes.oneOf("a log format", List.of("text", "json"), s -> s),
            "text: one readable line per entry; json: one JSON object per line, for log shippers");

    public static final ConfigKey<LocalTime> UPDATES_REMINDER_TIME = setting(
            "updates.reminder-time",
            "15:00",
            ValueTypes.time(),
            "The day before an update with nothing queued, the teacher is reminded at this time");
    public static final ConfigKey<Integer> UPDATES_CATCH_UP_HOURS = setting(
            "updates.catch-up-hours",
            "12",
            ValueTypes.wholeNumber(0, 168),
            "After downtime, post a missed class update if it was due at most this many hours ago; 0: never");

    public static final ConfigKey<Integer> CHECKIN_EMAIL_AFTER_HOURS = setting(
            "checkin.email-after-hours",
            "48",
            ValueTypes.wholeNumber(1, 720),
            "Also email a check-in not answered on Discord after this many hours");

    public static final ConfigKey<TranslationProvider> TRANSLATION_PROVIDER = setting(
            "translation.provider",
            "none",
            ValueTypes.oneOf(
                    "a translation provider", List.of(TranslationProvider.values()), TranslationProvider::configName),
            "Machine translation of free text: none (nothing leaves the machine), libretranslate (the school's own"
                    + " server), deepl (DeepL's API)");
    public static final ConfigKey<Optional<URI>> TRANSLATION_URL = setting(
            "translation.url",
            "",
            ValueTypes.optionalUrl("https://translate.school.nl/"),
            "libretranslate: the server's address (required); deepl: another API server than DeepL's own");
    public static final ConfigKey<Optional<Secret>> TRANSLATION_API_KEY = secret(
            "translation.api-key",
            null,
            ValueTypes.secret(true),
            "The translation provider's API key (environment only)");
    public static final ConfigKey<Integer> TRANSLATION_TIMEOUT_MS = setting(
            "translation.timeout-ms",
            "3000",
            ValueTypes.wholeNumber(100, 60000),
            "Milliseconds to wait for a translation; after that the original goes out with a note");

    public static final ConfigKey<Integer> OPS_PORT = setting(
            "ops.port",
            "0",
            ValueTypes.wholeNumber(0, 65535),
            "Port of the health endpoint (GET /health, /metrics) on 127.0.0.1 only; 0: off");

    public static final ConfigKey<Integer> SANDBOX_PORT = setting(
            "sandbox.port",
            "8080",
            ValueTypes.wholeNumber(0, 65535),
            "Port of the sandbox's web page, on 127.0.0.1 only; 0: any free port");
    public static final ConfigKey<Path> SANDBOX_DATABASE = setting(
            "sandbox.database",
            "data/sandbox.db",
            ValueTypes.path("data/sandbox.db"),
            "The sandbox's own SQLite file, never the production database; --reset starts it over");

    private final String key;
    private final String defaultText;
    private final String environmentVariable;
    private final String description;
    private final ValueType<T> type;
    private final boolean secret;

    private ConfigKey(
            String key,
            String defaultText,
            String environmentVariable,
            String description,
            ValueType<T> type,
            boolean secret) {
        this.key = key;
        this.defaultText = defaultText;
        this.environmentVariable = environmentVariable;
        this.description = description;
        this.type = type;
        this.secret = secret;
    }

    private static <T> ConfigKey<T> setting(String key, String defaultText, ValueType<T> type, String description) {
        return register(new ConfigKey<>(key, defaultText, conventionalVariable(key), description, type, false));
    }

    /** A secret: no default, environment only; {@code variable} null means the conventional name. */
    private static <T> ConfigKey<T> secret(String key, String variable, ValueType<T> type, String description) {
        String name = variable == null ? conventionalVariable(key) : variable;
        return register(new ConfigKey<>(key, "", name, description, type, true));
    }

    private static <T> ConfigKey<T> register(ConfigKey<T> key) {
        ALL.add(key);
        return key;
    }

    private static ValueType<MailSecurity> mailSecurity() {
        return ValueTypes.oneOf("a mail security setting", List.of(MailSecurity.values()), MailSecurity::configName);
    }

    /** {@code CLASSBRIDGE_} + key upper-cased, {@code .} and {@code -} as {@code _}. */
    static String conventionalVariable(String key) {
        return PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Every known key, in the order check-config lists them. */
    public static List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The known key with this exact name, e.g. {@code mail.smtp.host}. */
    public static Optional<ConfigKey<?>> find(String key) {
        return ALL.stream().filter(k -> k.key.equals(key)).findFirst();
    }

    /** The dotted key, e.g. {@code mail.smtp.host}. */
    public String key() {
        return key;
    }

    /** The default as it would be written in the file; empty for "not set" and for secrets. */
    public String defaultValue() {
        return defaultText;
    }

    /** The environment variable that overrides (for secrets: provides) this key. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** One line for a school IT person: what the key does. */
    public String description() {
        return description;
    }

    /** What a valid value looks like, e.g. "a whole number from 1 to 120". */
    public String allowedValues() {
        return type.expected();
    }

    /** True for passwords and tokens: read from the environment only, never shown. */
    public boolean isSecret() {
        return secret;
    }

    ValueType<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return key;
    }
}
