package nl.classbridge.sandbox.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.sandbox.mail.LocalMail.Mail;

/**
 * A family's reply to a mail from the bot, written the way a mail program writes one: the quoted
 * original under the typed answer, "Re:" in the subject, and In-Reply-To and References pointing
 * at the original. The bot matches a reply to its round by those headers and leaves the quote out
 * of the family's words, so the sandbox must write them as real mail programs do, or it would test
 * something no family sends.
 */
final class FamilyReply {
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(\\s*re\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final DateTimeFormatter MAIL_DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final int MESSAGE_ID_BYTES = 12;

    private FamilyReply() {}

    /** See {@link LocalMail#quote(Mail, String)}. */
    static String quote(Mail original, String attributionLine) {
        Objects.requireNonNull(original, "original");
        StringBuilder body = new StringBuilder("\n\n");
        body.append(LINE_BREAKS
                .matcher(Objects.requireNonNull(attributionLine, "attributionLine"))
                .replaceAll(" "));
        String text = original.plain().replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        for (String line : text.split("\n", -1)) {
            body.append('\n').append(line.isBlank() ? ">" : "> " + line);
        }
        return body.toString();
    }

    /**
     * The reply, ready to send: from {@code fromAddress} to the original's Reply-To, subject
     * "Re: ...", In-Reply-To and References pointing at the original, a new Message-ID, Date from
     * {@code clock} in its zone, {@code body} as plain UTF-8 text.
     *
     * @throws IllegalArgumentException when the original has no Message-ID, or an address is not one address
     */
    static MimeMessage write(
            Session session, String fromAddress, Mail original, String body, Clock clock, SecureRandom random)
            throws MessagingException {
        Matcher bracketed = MESSAGE_ID.matcher(original.messageId());
        String inReplyTo = bracketed.find() ? bracketed.group() : singleLine(original.messageId());
        if (inReplyTo.isEmpty()) {
            throw new IllegalArgumentException("The original mail has no Message-ID, so a reply could not refer to it");
        }
        InternetAddress from = Addresses.internet(Addresses.single("fromAddress", fromAddress));
        String replyTo = original.replyTo().isBlank() ? original.fromAddress() : original.replyTo();
        InternetAddress to = Addresses.internet(Addresses.single("the original's Reply-To", replyTo));
        String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        String messageId = "<sandbox-reply." + LocalMail.randomHex(random, MESSAGE_ID_BYTES) + "@" + domain + ">";
        MimeMessage reply = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Our own id, not one from Jakarta Mail's look-up of this machine's name.
                setHeader("Message-ID", messageId);
            }
        };
        reply.setFrom(from);
        reply.setRecipient(Message.RecipientType.TO, to);
        reply.setSubject(replySubject(original.subject()), "UTF-8");
        // In the clock's zone, as the family's own computer would write it.
        reply.setHeader("Date", MAIL_DATE.format(ZonedDateTime.ofInstant(clock.instant(), clock.getZone())));
        reply.setHeader("In-Reply-To", inReplyTo);
        reply.setHeader("References", MimeUtility.fold("References: ".length(), references(original, inReplyTo)));
        reply.setText(body, "UTF-8", "plain");
        reply.saveChanges();
        return reply;
    }

    /** Only the ids of the original's References, as a mail program keeps them: nothing else travels on. */
    private static String references(Mail original, String inReplyTo) {
        StringBuilder references = new StringBuilder();
        Matcher ids = MESSAGE_ID.matcher(original.references());
        while (ids.find()) {
            if (!ids.group().equals(inReplyTo)) {
                references.append(ids.group()).append(' ');
            }
        }
        return references.append(inReplyTo).toString();
    }

    /** "Re: " and the subject on one line, however many "Re:" it had. */
    static String replySubject(String subject) {
        String clean = REPLY_PREFIX.matcher(singleLine(subject)).replaceFirst("");
        return "Re: " + clean;
    }

    /** The text with each run of CR and LF made one space, trimmed: a header value cannot start a new header. */
    private static String singleLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }
}
