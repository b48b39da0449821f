package nl.classbridge.mail.reply;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.domain.EmailAddress;
import nl.classbridge.mail.reply.ParsedMail.Bounce;

/**
 * Mail servers saying a mail did not arrive. A delivery status notification (RFC 3464,
 * {@code multipart/report; report-type=delivery-status}) is read field by field; the older
 * free-text bounces of Postfix, Exim, qmail and friends (from MAILER-DAEMON or postmaster, with
 * subjects like "Undelivered Mail Returned to Sender") are read for the first failed address and
 * status code in their text.
 */
final class Bounces {

    private static final Pattern DAEMON = Pattern.compile(
            "^(mailer-daemon|mailer_daemon|mailerdaemon|mail-daemon|postmaster|double-bounce|bounce|bounces)(@.*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAEMON_NAME =
            Pattern.compile("mail delivery (system|subsystem)|mailer-daemon", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT = Pattern.compile(
            "^(undelivered mail returned to sender|undeliverable|undelivered mail|returned mail|mail delivery failed"
                    + "|delivery status notification|delivery failure|delivery has failed|failure notice"
                    + "|mail system error|onbestelbaar|niet bestelbaar|kan niet worden bezorgd|warning: message .* delayed"
                    + "|delayed mail|unzustellbar|teslim edilemedi|niedostarczona|не доставлено).*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    /** Where an address may stand in free text; what is found is then checked as {@link EmailAddress}. */
    private static final String ADDRESS = "[A-Za-z0-9._%+'=!#$&*/?^`{|}~-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

    private static final Pattern ADDRESS_LINE =
            Pattern.compile("^[ \\t]*<?(" + ADDRESS + ")>?[ \\t]*(:.*)?$", Pattern.MULTILINE);
    private static final Pattern ADDRESS_AFTER_PHRASE = Pattern.compile(
            "(?:delivered to|deliver to|delivery to|failed recipient|recipient address|recipients?:|failed:"
                    + "|final-recipient: rfc822;|bezorgd (bij|aan)|niet worden afgeleverd (bij|aan))[^@\\n]{0,40}?<?(?<address>"
                    + ADDRESS + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern DELAY = Pattern.compile(
            "delay|will (keep trying|retry|be retried)|still trying|not yet been delivered|vertraagd",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:\\s*<?([^<>\\s]+)>?");

    private Bounces() {}

    static boolean isBounce(MimeMessage message, String fromAddress) throws MessagingException {
        if (message.isMimeType("multipart/report")
                && ReplyParser.reportType(message).equals("delivery-status")) {
            return true;
        }
        String fromHeader = AutoReplies.first(message, "From");
        return DAEMON.matcher(fromAddress).matches()
                || (fromHeader != null && DAEMON_NAME.matcher(fromHeader).find())
                || SUBJECT.matcher(ReplyParser.subject(message).strip()).matches();
    }

    static Bounce read(MimeMessage message) throws MessagingException, IOException {
        if (message.isMimeType("multipart/report")
                && ReplyParser.reportType(message).equals("delivery-status")) {
            Optional<Bounce> dsn = deliveryStatus((Multipart) message.getContent());
            if (dsn.isPresent()) {
                return dsn.get();
            }
        }
        return freeText(message);
    }

    private static Optional<Bounce> deliveryStatus(Multipart report) throws MessagingException, IOException {
        Optional<String> originalId = Optional.empty();
        List<InternetHeaders> recipients = new ArrayList<>();
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")
                    || part.isMimeType("text/delivery-status")
                    || part.isMimeType("message/global-delivery-status")) {
                recipients.addAll(fieldGroups(raw(part)));
            } else if (i > 0
                    && (part.isMimeType("message/rfc822")
                            || part.isMimeType("text/rfc822-headers")
                            || part.isMimeType("message/global")
                            || part.isMimeType("message/global-headers"))) {
                originalId = messageId(new String(raw(part), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        InternetHeaders chosen = null;
        for (InternetHeaders fields : recipients) {
            if (fields.getHeader("Final-Recipient", null) == null
                    && fields.getHeader("Original-Recipient", null) == null) {
                continue; // the per-message group
            }
            String action = value(fields, "Action").toLowerCase(Locale.ROOT);
            if (chosen == null
                    || action.equals("failed") && !value(chosen, "Action").equalsIgnoreCase("failed")) {
                chosen = fields;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        String recipient = value(chosen, "Final-Recipient");
        if (recipient.isEmpty()) {
            recipient = value(chosen, "Original-Recipient");
        }
        int semicolon = recipient.indexOf(';');
        recipient = recipient.substring(semicolon + 1).strip().replaceAll("^<|>$", "");
        String action = value(chosen, "Action").toLowerCase(Locale.ROOT);
        Matcher status = STATUS.matcher(value(chosen, "Status"));
        boolean permanent;
        String code;
        if (status.find()) {
            code = status.group();
            permanent = !code.startsWith("4") && !action.equals("delayed");
        } else {
            permanent = !action.equals("delayed");
            code = permanent ? "5.0.0" : "4.0.0";
        }
        return Optional.of(new Bounce(
                recipient.isEmpty() ? Optional.empty() : Optional.of(recipient), permanent, code, originalId));
    }

    /** The field groups of a delivery-status body: per message, then one per recipient. */
    private static List<InternetHeaders> fieldGroups(byte[] body) throws MessagingException {
        List<InternetHeaders> groups = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(body)) {
            while (in.available() > 0 && groups.size() < 100) {
                InternetHeaders group = new InternetHeaders(in);
                if (group.getAllHeaderLines().hasMoreElements()) {
                    groups.add(group);
                }
            }
        } catch (IOException e) {
            throw new MessagingException("unreadable delivery status", e);
        }
        return groups;
    }

    private static Bounce freeText(MimeMessage message) throws MessagingException, IOException {
        String body = MailBody.of(message);
        Optional<String> recipient = Optional.empty();
        Matcher phrase = ADDRESS_AFTER_PHRASE.matcher(body);
        Matcher line = ADDRESS_LINE.matcher(body);
        if (line.find()) {
            recipient = EmailAddress.parse(line.group(1)).map(EmailAddress::toString);
        } else if (phrase.find()) {
            recipient = EmailAddress.parse(phrase.group("address")).map(EmailAddress::toString);
        }
        Matcher status = STATUS.matcher(body);
        String subject = ReplyParser.subject(message);
        boolean delayed = DELAY.matcher(subject).find()
                || (!status.find(0) && DELAY.matcher(body).find());
        String code;
        boolean permanent;
        if (status.find(0)) {
            code = status.group();
            permanent = code.startsWith("5");
        } else {
            permanent = !delayed;
            code = permanent ? "5.0.0" : "4.0.0";
        }
        return new Bounce(recipient, permanent, code, messageId(body));
    }

    private static Optional<String> messageId(String text) {
        Matcher m = MESSAGE_ID.matcher(text);
        return m.find() ? Optional.of("<" + m.group(1) + ">") : Optional.empty();
    }

    private static String value(InternetHeaders fields, String name) {
        String value = fields.getHeader(name, " ");
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\s+", " ").strip();
        // A comment at the end, "(user unknown)": cut from its first '(' (no pattern: the value is untrusted).
        int open = clean.indexOf('(');
        return clean.endsWith(")") && open >= 0 ? clean.substring(0, open).strip() : clean;
    }

    private static byte[] raw(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
