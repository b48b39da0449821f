package nl.classbridge.sandbox.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail addresses, read two ways. What the sandbox is given (the bot's address, a family's) is
 * checked strictly, because it goes into the headers of a mail that is sent. What a stored mail
 * holds is read leniently, because the page must show what it can of any mail that arrived.
 */
final class Addresses {
    // Only something@something counts as an address; none of these characters is part of a plain one.
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>(),;:@\"\\[\\]]+@[^\\s<>(),;:@\"\\[\\]]+");

    private Addresses() {}

    /**
     * The bare address in {@code text}, which must be one address with a domain, on one line (a
     * header value with a line break in it could start a new header).
     *
     * @param what what the text is, for the exception's message
     * @throws IllegalArgumentException when it is not
     */
    static String single(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must be one line");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(text.strip(), true);
            if (parsed.length != 1 || parsed[0].isGroup()) {
                throw new IllegalArgumentException(what + " must be exactly one email address");
            }
            String bare = parsed[0].getAddress();
            int at = bare.lastIndexOf('@');
            if (at <= 0 || at == bare.length() - 1) {
                throw new IllegalArgumentException(what + " must be an email address with a domain");
            }
            return bare;
        } catch (AddressException e) {
            throw new IllegalArgumentException(what + " is not an email address", e);
        }
    }

    /** A bare address that {@link #single} accepted, as Jakarta Mail takes it. */
    static InternetAddress internet(String bare) {
        try {
            return new InternetAddress(bare, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an email address", e);
        }
    }

    /** The addresses in a header, leniently: what a strict parser refuses is looked for as bare addresses. */
    static List<InternetAddress> inHeader(MimeMessage message, String header) {
        String raw;
        try {
            raw = message.getHeader(header, ",");
        } catch (MessagingException | RuntimeException e) {
            return List.of();
        }
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String unfolded = MimeUtility.unfold(raw);
        List<InternetAddress> found = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(unfolded, false)) {
                if (address.isGroup()) {
                    for (InternetAddress member : address.getGroup(false)) {
                        addIfAddress(found, member);
                    }
                } else {
                    addIfAddress(found, address);
                }
            }
            return found;
        } catch (AddressException | RuntimeException e) {
            found.clear();
            Matcher bare = BARE_ADDRESS.matcher(unfolded);
            while (bare.find()) {
                try {
                    found.add(new InternetAddress(bare.group(), false));
                } catch (AddressException ignored) {
                    // not even a bare address: leave it out
                }
            }
            return found;
        }
    }

    private static void addIfAddress(List<InternetAddress> found, InternetAddress address) {
        // The lenient parser hands back whatever it found; only something@something counts as an address.
        if (address.getAddress() != null
                && BARE_ADDRESS.matcher(address.getAddress()).matches()) {
            found.add(address);
        }
    }

    /** The address as a mail program shows it, e.g. {@code Groep 5 <groep5@school.example>}. */
    static String display(InternetAddress address) {
        String personal = address.getPersonal();
        return personal == null || personal.isBlank()
                ? address.getAddress()
                : personal + " <" + address.getAddress() + ">";
    }
}
