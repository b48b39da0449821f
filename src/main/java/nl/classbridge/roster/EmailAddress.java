package nl.classbridge.roster;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * A guardian's email address as a teacher types it: checked strictly (one plain address, a
 * domain with a dot, nothing that could end up in a mail header), stored trimmed with the domain
 * in lower case.
 */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    public static Optional<String> clean(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String candidate = typed.strip();
        if (candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
                || candidate.contains("<") || candidate.contains(",")) {
            return Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(candidate, true);
            address.validate();
            String plain = address.getAddress();
            int at = plain.lastIndexOf('@');
            if (at < 1 || !plain.substring(at + 1).contains(".") || plain.endsWith(".")) {
                return Optional.empty();
            }
            return Optional.of(plain.substring(0, at) + "@" + plain.substring(at + 1).toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
