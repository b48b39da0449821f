package nl.classbridge.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The mailbox where parents' email replies arrive. Without a host, replies are not read.
 *
 * @param password    from {@code CLASSBRIDGE_MAIL_IMAP_PASSWORD}; empty when not set
 * @param folder      the folder to read, usually {@code INBOX}
 * @param pollSeconds seconds between checks when the server cannot push new mail (no IDLE)
 */
public record Imap(
        Optional<String> host,
        int port,
        MailSecurity security,
        String username,
        Optional<Secret> password,
        String folder,
        int pollSeconds) {

    public Imap {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(folder, "folder");
    }

    /** True when a host is set, so replies can be read. */
    public boolean configured() {
        return host.isPresent();
    }
}
