package nl.classbridge.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address, checked once and the same way wherever one comes in: a guardian's address as
 * the teacher types it, the school's sender and reply-to in the configuration, the recipient of a
 * mail, the address a bounce names. Strict on purpose: one plain {@code local@domain} of ASCII
 * characters (no quoted local part, no comments, no second address), a domain of at least two
 * labels, nothing that could end up as a second header line. The domain is kept in lower case;
 * the local part as written, since mail servers may tell case apart there.
 *
 * @param local  the part before the {@code @}
 * @param domain the part after it, in lower case
 */
public record EmailAddress(String local, String domain) {
    /** The longest address a mail server must take (RFC 5321's path limit less the brackets). */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL = 64;
    /** A dot-atom: the characters RFC 5322 allows unquoted, in runs separated by single dots. */
    private static final Pattern LOCAL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** Labels of letters, digits and inner hyphens, at least two, the last not only digits. */
    private static final Pattern DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]*[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    public EmailAddress {
        if (!LOCAL.matcher(local).matches()
                || local.length() > MAX_LOCAL
                || !DOMAIN.matcher(domain).matches()
                || local.length() + 1 + domain.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not an email address");
        }
    }

    /** {@code typed} as an address, if it is exactly one: surrounding white space is ignored. */
    public static Optional<EmailAddress> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String candidate = typed.strip();
        int at = candidate.lastIndexOf('@');
        if (at < 1 || candidate.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String local = candidate.substring(0, at);
        String domain = candidate.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(local).matches()
                || local.length() > MAX_LOCAL
                || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(local, domain));
    }

    /**
     * An address with a name as a mail program shows it, such as {@code Groep 5 <groep5@school.nl>}
     * or {@code "De Zandbak, groep 5" <groep5@school.nl>}, or a plain address.
     *
     * @param name the display name, if one was given; without quotes, never with a line break
     */
    public record Named(Optional<String> name, EmailAddress address) {
        /** {@code text} as one address with an optional name, if it is exactly that. */
        public static Optional<Named> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String candidate = text.strip();
            if (candidate.chars().anyMatch(Character::isISOControl)) {
                return Optional.empty();
            }
            if (!candidate.endsWith(">")) {
                return EmailAddress.parse(candidate).map(address -> new Named(Optional.empty(), address));
            }
            int open = candidate.lastIndexOf('<');
            if (open < 0) {
                return Optional.empty();
            }
            Optional<String> name = displayName(candidate.substring(0, open).strip());
            if (name == null) {
                return Optional.empty();
            }
            return EmailAddress.parse(candidate.substring(open + 1, candidate.length() - 1))
                    .map(address -> new Named(name, address));
        }

        /** The name as given, its quotes taken off; null when it cannot be a name (a second address). */
        private static Optional<String> displayName(String raw) {
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
                String inner = raw.substring(1, raw.length() - 1);
                if (inner.replace("\\\"", "").contains("\"")) {
                    return null;
                }
                return Optional.of(inner.replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            // Unquoted, a name may not hold what would make it a list or another address.
            return raw.matches("[^<>@,;:\"\\\\]+") ? Optional.of(raw) : null;
        }
    }

    /**
     * Whether two addresses as they were written name the same mailbox: the domain's case never
     * matters, and mail servers ignore the local part's case in practice. False when either is not an
     * address.
     */
    public static boolean same(String one, String other) {
        Optional<EmailAddress> first = parse(one);
        Optional<EmailAddress> second = parse(other);
        return first.isPresent()
                && second.isPresent()
                && first.get().toString().equalsIgnoreCase(second.get().toString());
    }

    /** {@code local@domain}. */
    @Override
    public String toString() {
        return local + "@" + domain;
    }
}
