package nl.classbridge.config;

import java.util.Objects;
import nl.classbridge.domain.QuietHours;

/**
 * Everything ClassBridge is configured with, checked and typed. Built by {@link ConfigLoader};
 * immutable, so it can be handed to every part of the bot through constructors.
 *
 * <p>{@code toString()} is safe to log: secrets print as {@code ****}.
 */
public record Settings(
        School school,
        Store database,
        Texts texts,
        Discord discord,
        Mail mail,
        QuietHours quietHours,
        Retention retention,
        Logging logging,
        Updates updates,
        Checkin checkin,
        Translation translation,
        Ops ops,
        Sandbox sandbox) {

    public Settings {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(checkin, "checkin");
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(sandbox, "sandbox");
    }
}
