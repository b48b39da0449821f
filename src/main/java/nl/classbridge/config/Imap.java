package nl.classbridge.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The mailbox where parents' email replies arrive, and how much of what arrives is trusted and
 * read. Without a host, replies are not read.
 *
 * @param password          from {@code CLASSBRIDGE_MAIL_IMAP_PASSWORD}; empty when not set
 * @param folder            the folder to read, usually {@code INBOX}
 * @param pollSeconds       seconds between checks when the server cannot push new mail (no IDLE)
 * @param keepDays          days a processed mail stays in the mailbox before it is deleted
 * @param maxMessageBytes   a larger mail is not read
 * @param trustedAuthservId the school's mail server as it names itself in {@code Authentication-Results};
 *                          empty when its verdicts are not used
 */
public record Imap(
        Optional<String> host,
        int port,
        MailSecurity security,
        String username,
        Optional<Secret> password,
        String folder,
        int pollSeconds,
        int keepDays,
        int maxMessageBytes,
        Optional<String> trustedAuthservId) {

    public Imap {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(trustedAuthservId, "trustedAuthservId");
    }

    /** True when a host is set, so replies can be read. */
    public boolean configured() {
        return host.isPresent();
    }
}
