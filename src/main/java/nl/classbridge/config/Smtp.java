package nl.classbridge.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The outgoing mail server. Without a host, emails wait in the outbox.
 *
 * @param username empty means the server is used without logging in
 * @param password from {@code CLASSBRIDGE_MAIL_SMTP_PASSWORD}; empty when not set
 */
public record Smtp(Optional<String> host, int port, MailSecurity security, String username, Optional<Secret> password) {

    public Smtp {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** True when a host is set, so emails can actually be sent. */
    public boolean configured() {
        return host.isPresent();
    }
}
