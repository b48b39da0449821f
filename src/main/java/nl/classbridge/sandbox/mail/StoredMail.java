package nl.classbridge.sandbox.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import nl.classbridge.sandbox.mail.LocalMail.Mail;

/**
 * One mail the server stored, read into the {@link Mail} the page shows, with what the page needs
 * to sort and filter it but does not show.
 *
 * <p>Mail in the sandbox comes from the bot, but also from a test or a broken client, so reading it
 * is lenient throughout: a header that cannot be parsed strictly is read as well as it can be,
 * and a part that cannot be read is left out, so that the page always shows something.
 *
 * @param mail       the mail as the page shows it
 * @param receivedAt when the server received it: the order of a mailbox
 * @param recipients the addresses in To and Cc, in lower case: whose mailbox it is in
 */
record StoredMail(Mail mail, Instant receivedAt, Set<String> recipients) {
    /** For reading stored mail, as GreenMail reads it: a header in raw UTF-8 (SMTPUTF8, or sent anyway) is text. */
    private static final Session READING = readingSession();

    private static Session readingSession() {
        Properties reading = new Properties();
        reading.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(reading);
    }

    /**
     * Reads a private copy of the stored message's bytes: the bot reads the same stored message over
     * IMAP, and parsing it here must not change or race with it. Throws only when not even those
     * bytes can be had.
     */
    static StoredMail read(MimeMessage stored) throws MessagingException, IOException {
        byte[] raw = rawBytes(stored);
        Instant receivedAt = Optional.ofNullable(stored.getReceivedDate())
                .map(Date::toInstant)
                .orElseGet(Instant::now);
        MimeMessage message = new MimeMessage(READING, new ByteArrayInputStream(raw));
        List<InternetAddress> fromList = Addresses.inHeader(message, "From");
        String fromAddress = fromList.isEmpty() ? "" : fromList.get(0).getAddress();
        String from = fromList.isEmpty() ? decodedHeader(message, "From") : Addresses.display(fromList.get(0));
        List<InternetAddress> replyToList = Addresses.inHeader(message, "Reply-To");
        String replyTo =
                replyToList.isEmpty() ? fromAddress : replyToList.get(0).getAddress();
        List<String> to = Addresses.inHeader(message, "To").stream()
                .map(InternetAddress::getAddress)
                .toList();
        List<String> cc = Addresses.inHeader(message, "Cc").stream()
                .map(InternetAddress::getAddress)
                .toList();
        Set<String> recipients = new HashSet<>();
        for (String address : to) {
            recipients.add(address.toLowerCase(Locale.ROOT));
        }
        for (String address : cc) {
            recipients.add(address.toLowerCase(Locale.ROOT));
        }
        MailText text = MailText.of(message);
        Mail mail = new Mail(
                id(raw),
                from,
                fromAddress,
                to,
                replyTo,
                subject(message),
                sentAt(message, receivedAt),
                unfoldedHeader(message, "Message-ID"),
                unfoldedHeader(message, "References"),
                text.plain(),
                text.html(),
                text.language());
        return new StoredMail(mail, receivedAt, Set.copyOf(recipients));
    }

    /** The stored message as it was received: header lines and undecoded body, nothing changed. */
    private static byte[] rawBytes(MimeMessage stored) throws MessagingException, IOException {
        // Not writeTo: on a message that was never saved it would make up new headers first.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Enumeration<String> lines = stored.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            // GreenMail parses received mail with mail.mime.allowutf8: 8-bit header bytes were read as UTF-8.
            out.write(lines.nextElement().getBytes(StandardCharsets.UTF_8));
            out.write('\r');
            out.write('\n');
        }
        out.write('\r');
        out.write('\n');
        try (InputStream body = stored.getRawInputStream()) {
            body.transferTo(out);
        }
        return out.toByteArray();
    }

    /** 16 hex digits of the SHA-256 of the bytes: the same mail gives the same id, every time and in every copy. */
    private static String id(byte[] raw) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String decodedHeader(MimeMessage message, String name) {
        String raw = unfoldedHeader(message, name);
        try {
            return MimeUtility.decodeText(raw);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return raw;
        }
    }

    private static String unfoldedHeader(MimeMessage message, String name) {
        try {
            String raw = message.getHeader(name, " ");
            return raw == null ? "" : MimeUtility.unfold(raw).strip();
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    // Like the bot's ReplyParser.subject, but it never throws and falls back to the header as it came.
    private static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            if (subject == null) {
                return "";
            }
            if (subject.contains("=?")) {
                subject = MimeUtility.decodeText(subject); // a word the strict decoder left as it was
            }
            return subject;
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            return decodedHeader(message, "Subject");
        }
    }

    private static Instant sentAt(MimeMessage message, Instant receivedAt) {
        try {
            Date date = message.getSentDate();
            return date == null ? receivedAt : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return receivedAt;
        }
    }
}
