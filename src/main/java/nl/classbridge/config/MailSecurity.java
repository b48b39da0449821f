package nl.classbridge.config;

import java.util.Locale;

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
}
