package nl.classbridge.mail.reply;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a mail was sent by a machine on a person's behalf: an out-of-office or vacation notice,
 * a read receipt. Headers decide first (RFC 3834 {@code Auto-Submitted}, the widespread
 * {@code X-Autoreply}, {@code X-Autorespond} and {@code Precedence}); the subject only when a server
 * sets none of them, as some Exchange set-ups do. {@code X-Auto-Response-Suppress} alone says
 * nothing: Outlook puts it on mails people write too.
 */
final class AutoReplies {

    private static final Set<String> PRECEDENCE = Set.of("auto_reply", "bulk", "junk", "list");
    private static final Set<String> FLAG_HEADERS =
            Set.of("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-AutoReply-From", "X-Mail-Autoreply");
    private static final Pattern SUBJECT = Pattern.compile(
            "^((re|aw|antw|fw|fwd)\\s?:\\s*)?(automatic reply|auto(matic)?[- ]?reply|autoresponse|out of (the )?office"
                    + "|automatisch antwoord|automatisch bericht|afwezig|afwezigheidsbericht|niet aanwezig|abwesenheitsnotiz"
                    + "|otomatik yanıt|otomatik cevap|ofis dışında|automatyczna odpowiedź|poza biurem"
                    + "|автоматична відповідь|автоматический ответ|رد تلقائي|خارج المكتب)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

    private AutoReplies() {}

    static boolean isAutoReply(MimeMessage message) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.split(";")[0].strip().equalsIgnoreCase("no")) {
            return true;
        }
        for (String header : FLAG_HEADERS) {
            if (first(message, header) != null) {
                return true;
            }
        }
        String precedence = first(message, "Precedence");
        if (precedence != null && PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (message.isMimeType("multipart/report")
                && ReplyParser.reportType(message).equals("disposition-notification")) {
            return true; // a read receipt
        }
        String subject = ReplyParser.subject(message);
        return SUBJECT.matcher(subject.strip()).matches();
    }

    static String first(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
