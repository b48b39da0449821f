package nl.classbridge.config;

import static nl.classbridge.config.ConfigKey.CHECKIN_EMAIL_AFTER_HOURS;
import static nl.classbridge.config.ConfigKey.DATABASE_PATH;
import static nl.classbridge.config.ConfigKey.DISCORD_DM_PER_SECOND;
import static nl.classbridge.config.ConfigKey.DISCORD_GATEWAY_URL;
import static nl.classbridge.config.ConfigKey.DISCORD_GUILDS;
import static nl.classbridge.config.ConfigKey.DISCORD_REST_URL;
import static nl.classbridge.config.ConfigKey.DISCORD_SHARDS;
import static nl.classbridge.config.ConfigKey.DISCORD_TEACHER_ROLE;
import static nl.classbridge.config.ConfigKey.DISCORD_TOKEN;
import static nl.classbridge.config.ConfigKey.LOGGING_FORMAT;
import static nl.classbridge.config.ConfigKey.LOGGING_LEVEL;
import static nl.classbridge.config.ConfigKey.MAIL_FROM;
import static nl.classbridge.config.ConfigKey.MAIL_IMAP_FOLDER;
import static nl.classbridge.config.ConfigKey.MAIL_IMAP_HOST;
import static nl.classbridge.config.ConfigKey.MAIL_IMAP_KEEP_DAYS;
import static nl.classbridge.config.ConfigKey.MAIL_IMAP_PASSWORD;
import static nl.classbridge.config.ConfigKey.MAIL_IMAP_POLL_SECONDS;
import static nl.classbridge.config.ConfigKey.MAIL_IMAP_PORT;
import static nl.classbridge.config.ConfigKey.MAIL_IMAP_SECURITY;
import static nl.classbridge.config.ConfigKey.MAIL_IMAP_USERNAME;
import static nl.classbridge.config.ConfigKey.MAIL_MAX_MESSAGE_BYTES;
import static nl.classbridge.config.ConfigKey.MAIL_REPLY_TO;
import static nl.classbridge.config.ConfigKey.MAIL_REPLY_TOKEN;
import static nl.classbridge.config.ConfigKey.MAIL_SMTP_HOST;
import static nl.classbridge.config.ConfigKey.MAIL_SMTP_PASSWORD;
import static nl.classbridge.config.ConfigKey.MAIL_SMTP_PORT;
import static nl.classbridge.config.ConfigKey.MAIL_SMTP_SECURITY;
import static nl.classbridge.config.ConfigKey.MAIL_SMTP_USERNAME;
import static nl.classbridge.config.ConfigKey.MAIL_TRUSTED_AUTHSERV_ID;
import static nl.classbridge.config.ConfigKey.MESSAGES_FOLDER;
import static nl.classbridge.config.ConfigKey.OPS_PORT;
import static nl.classbridge.config.ConfigKey.QUESTIONNAIRES_FOLDER;
import static nl.classbridge.config.ConfigKey.QUIET_HOURS_END;
import static nl.classbridge.config.ConfigKey.QUIET_HOURS_START;
import static nl.classbridge.config.ConfigKey.RETENTION_HIGHLIGHT_MONTHS;
import static nl.classbridge.config.ConfigKey.RETENTION_MONTHS;
import static nl.classbridge.config.ConfigKey.SANDBOX_DATABASE;
import static nl.classbridge.config.ConfigKey.SANDBOX_PORT;
import static nl.classbridge.config.ConfigKey.SCHOOL_DEFAULT_LANGUAGE;
import static nl.classbridge.config.ConfigKey.SCHOOL_NAME;
import static nl.classbridge.config.ConfigKey.SCHOOL_PRIVACY_CONTACT;
import static nl.classbridge.config.ConfigKey.SCHOOL_TIMEZONE;
import static nl.classbridge.config.ConfigKey.TRANSLATION_API_KEY;
import static nl.classbridge.config.ConfigKey.TRANSLATION_PROVIDER;
import static nl.classbridge.config.ConfigKey.TRANSLATION_TIMEOUT_MS;
import static nl.classbridge.config.ConfigKey.TRANSLATION_URL;
import static nl.classbridge.config.ConfigKey.UPDATES_CATCH_UP_HOURS;
import static nl.classbridge.config.ConfigKey.UPDATES_REMINDER_TIME;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.classbridge.config.ConfigException.Problem;
import nl.classbridge.domain.QuietHours;

/**
 * Reads the config file, applies environment overrides and defaults, and checks every value,
 * in that order of precedence: environment, then file, then default. It only reads and checks:
 * nothing is connected, created or started.
 *
 * <p>An environment variable or file value that is empty or blank counts as not set, so the
 * default applies; this keeps {@code KEY=} lines in container set-ups harmless.
 */
public final class ConfigLoader {

    private static final int LONGEST_VALUE_SHOWN = 80;

    private ConfigLoader() {}

    /**
     * Loads and checks the settings.
     *
     * @param file the YAML config file, e.g. {@code config/classbridge.yml}
     * @param env  the environment, usually {@code System.getenv()}; tests pass their own map
     * @throws ConfigException naming the first problem; {@link ConfigException#problems()} has all
     */
    public static Settings load(Path file, Map<String, String> env) throws ConfigException {
        return loadEffective(file, env).settings();
    }

    /** Like {@link #load}, keeping where each value came from and the warnings, for check-config. */
    public static EffectiveConfig loadEffective(Path file, Map<String, String> env) throws ConfigException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(env, "env");
        List<Problem> problems = new ArrayList<>();
        Map<String, ConfigFile.Entry> fileValues = ConfigFile.read(file, problems);
        return resolve(file, fileValues, env, problems);
    }

    /** Every key at its default, no secrets: for tests and the sandbox. */
    public static Settings defaults() {
        try {
            return resolve(null, Map.of(), Map.of(), new ArrayList<>()).settings(); // no file
        } catch (ConfigException e) {
            throw new IllegalStateException("the built-in defaults do not pass their own checks", e);
        }
    }

    private static EffectiveConfig resolve(
            Path file, Map<String, ConfigFile.Entry> fileValues, Map<String, String> env, List<Problem> problems)
            throws ConfigException {
        Map<ConfigKey<?>, Resolved<?>> values = new LinkedHashMap<>();
        for (ConfigKey<?> key : ConfigKey.all()) {
            resolveKey(key, file, fileValues, env, problems).ifPresent(r -> values.put(key, r));
        }
        if (problems.isEmpty()) {
            together(values, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Settings settings = assemble(values);
        return new EffectiveConfig(settings, values, ConfigWarnings.of(settings, env));
    }

    /** Values that are each valid but do not go together. */
    private static void together(Map<ConfigKey<?>, Resolved<?>> values, List<Problem> problems) {
        if (get(values, TRANSLATION_PROVIDER) == TranslationProvider.LIBRETRANSLATE
                && get(values, TRANSLATION_URL).isEmpty()) {
            problems.add(Problem.ofKey(
                    TRANSLATION_URL.key(),
                    "is required for translation.provider libretranslate: set the address of the school's"
                            + " LibreTranslate server, such as http://127.0.0.1:5000/"));
        }
    }

    private static <T> Optional<Resolved<T>> resolveKey(
            ConfigKey<T> key,
            Path file,
            Map<String, ConfigFile.Entry> fileValues,
            Map<String, String> env,
            List<Problem> problems) {
        String fromEnv = env.get(key.environmentVariable());
        ConfigFile.Entry fromFile = key.isSecret() ? null : fileValues.get(key.key());
        ConfigSource source;
        String text;
        String where;
        if (fromEnv != null && !fromEnv.isBlank()) {
            source = ConfigSource.ENVIRONMENT;
            text = key.isSecret() ? fromEnv : fromEnv.strip(); // the secret's type decides on trimming
            where = " (from environment " + key.environmentVariable() + ")";
        } else if (fromFile != null && !fromFile.text().isBlank()) {
            source = ConfigSource.FILE;
            text = fromFile.text().strip();
            where = " (line " + fromFile.line() + " of " + file + ")";
        } else {
            source = ConfigSource.DEFAULT;
            text = key.defaultValue();
            where = "";
        }
        try {
            return Optional.of(new Resolved<>(key, key.type().parse(text), source));
        } catch (InvalidValue e) {
            if (source == ConfigSource.DEFAULT || key.isSecret()) {
                // Secrets are never refused, so their text can never reach a message.
                throw new IllegalStateException(key + " cannot take " + source + " text: " + e.problem(), e);
            }
            problems.add(Problem.ofValue(
                    key.key(),
                    text,
                    "'" + shown(text) + "' " + e.problem() + "; use "
                            + key.type().expected() + where));
            return Optional.empty();
        }
    }

    /** The value on one short line, whatever was written. */
    private static String shown(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() <= LONGEST_VALUE_SHOWN ? oneLine : oneLine.substring(0, LONGEST_VALUE_SHOWN) + "...";
    }

    private static Settings assemble(Map<ConfigKey<?>, Resolved<?>> values) {
        return new Settings(
                new School(
                        get(values, SCHOOL_NAME),
                        get(values, SCHOOL_TIMEZONE),
                        get(values, SCHOOL_DEFAULT_LANGUAGE),
                        get(values, SCHOOL_PRIVACY_CONTACT)),
                new Store(get(values, DATABASE_PATH)),
                new Texts(get(values, MESSAGES_FOLDER), get(values, QUESTIONNAIRES_FOLDER)),
                new Discord(
                        get(values, DISCORD_TOKEN),
                        get(values, DISCORD_REST_URL),
                        get(values, DISCORD_GATEWAY_URL),
                        get(values, DISCORD_TEACHER_ROLE),
                        get(values, DISCORD_DM_PER_SECOND),
                        get(values, DISCORD_GUILDS),
                        get(values, DISCORD_SHARDS)),
                new Mail(
                        get(values, MAIL_FROM),
                        get(values, MAIL_REPLY_TO),
                        get(values, MAIL_REPLY_TOKEN),
                        new Smtp(
                                get(values, MAIL_SMTP_HOST),
                                get(values, MAIL_SMTP_PORT),
                                get(values, MAIL_SMTP_SECURITY),
                                get(values, MAIL_SMTP_USERNAME),
                                get(values, MAIL_SMTP_PASSWORD)),
                        new Imap(
                                get(values, MAIL_IMAP_HOST),
                                get(values, MAIL_IMAP_PORT),
                                get(values, MAIL_IMAP_SECURITY),
                                get(values, MAIL_IMAP_USERNAME),
                                get(values, MAIL_IMAP_PASSWORD),
                                get(values, MAIL_IMAP_FOLDER),
                                get(values, MAIL_IMAP_POLL_SECONDS),
                                get(values, MAIL_IMAP_KEEP_DAYS),
                                get(values, MAIL_MAX_MESSAGE_BYTES),
                                get(values, MAIL_TRUSTED_AUTHSERV_ID))),
                new QuietHours(get(values, QUIET_HOURS_START), get(values, QUIET_HOURS_END)),
                new Retention(get(values, RETENTION_MONTHS), get(values, RETENTION_HIGHLIGHT_MONTHS)),
                new Logging(get(values, LOGGING_LEVEL), get(values, LOGGING_FORMAT)),
                new Updates(get(values, UPDATES_CATCH_UP_HOURS), get(values, UPDATES_REMINDER_TIME)),
                new Checkin(get(values, CHECKIN_EMAIL_AFTER_HOURS)),
                new Translation(
                        get(values, TRANSLATION_PROVIDER),
                        get(values, TRANSLATION_URL),
                        get(values, TRANSLATION_API_KEY),
                        java.time.Duration.ofMillis(get(values, TRANSLATION_TIMEOUT_MS))),
                new Ops(get(values, OPS_PORT)),
                new Sandbox(get(values, SANDBOX_PORT), get(values, SANDBOX_DATABASE)));
    }

    @SuppressWarnings("unchecked") // resolve() stores each key's Resolved under that key
    private static <T> T get(Map<ConfigKey<?>, Resolved<?>> values, ConfigKey<T> key) {
        return ((Resolved<T>) values.get(key)).value();
    }
}
