package nl.classbridge.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a mail connection is protected; written {@code none}, {@code starttls} or {@code ssl} in config. */
public enum MailSecurity {
    /** Plain text; only sensible for a mail server on the same machine, such as the sandbox. */
    NONE,
    /** Starts plain and upgrades to TLS; usual on SMTP port 587 and IMAP port 143. */
    STARTTLS,
    /** TLS from the first byte; usual on SMTP port 465 and IMAP port 993. */
    SSL;

    /** The word used in the config file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive lookup of a config word. */
    public static Optional<MailSecurity> fromConfigName(String text) {
        return Arrays.stream(values())
                .filter(s -> s.configName().equalsIgnoreCase(text.trim()))
                .findFirst();
    }

    /** "none, starttls, ssl": for messages that say what would be valid. */
    public static String configNames() {
        return Arrays.stream(values()).map(MailSecurity::configName).collect(Collectors.joining(", "));
    }
}
