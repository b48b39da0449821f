package nl.classbridge.mail.reply;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.mail.reply.NumberedAnswers.Answers;

/**
 * Reads a received email: a bounce, an automatic reply, or a reply a person wrote, with the
 * parent's own words and their answers by question number. See {@link ParsedMail}.
 *
 * <p>Pure: no network, no state, safe to share between threads. It never logs, because every
 * part of a mail (address, subject, text) is personal data.
 */
public final class ReplyParser {

    private static final Pattern TOKEN = Pattern.compile("\\[([a-z2-9]{10,24})\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLUS_TOKEN = Pattern.compile("\\+([a-z2-9]{10,24})@", Pattern.CASE_INSENSITIVE);
    /** Where a server or a mail program puts the address a mail was sent to. */
    private static final List<String> RECIPIENT_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To");

    private static final int MAX_RECIPIENTS = 50;
    private static final Pattern BRACKETED_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final int MAX_REFERENCES = 32;
    private static final Pattern NAME_SPLIT = Pattern.compile("[\\s._\\-,\"'()0-9]+");

    /**
     * What {@code message} is. Bounces are recognised before automatic replies (many bounces also
     * say {@code Auto-Submitted}), automatic replies before replies.
     *
     * @throws UnreadableMailException only when the message cannot be read at all (its folder
     *                                  closed, say); a broken part is skipped and the rest read
     */
    public static ParsedMail parse(MimeMessage message) {
        try {
            String from = fromAddress(message);
            if (Bounces.isBounce(message, from)) {
                return Bounces.read(message);
            }
            if (AutoReplies.isAutoReply(message)) {
                return new ParsedMail.AutoReply(from);
            }
            OwnWords own = OwnWords.of(MailBody.of(message));
            Answers answers = NumberedAnswers.read(own.lines(), ReplyForms.standard(), senderNames(message));
            return new ParsedMail.Reply(
                    from,
                    referencedMessageIds(message),
                    addressTokens(message, RECIPIENT_HEADERS),
                    subjectToken(subject(message)),
                    own.text(),
                    answers.numbered(),
                    answers.unnumbered());
        } catch (MessagingException | IOException | RuntimeException e) {
            // The cause's message may quote the mail: only its type travels on.
            throw new UnreadableMailException(e.getClass().getSimpleName());
        }
    }

    private ReplyParser() {}

    /**
     * The sender and the tokens of a mail, from its From, To, Cc and Subject only: over IMAP these
     * come from the envelope, so nothing else of the mail is fetched or parsed.
     *
     * @throws UnreadableMailException when not even these can be read
     */
    public static ParsedMail.Envelope envelope(MimeMessage message) {
        try {
            List<String> tokens = new ArrayList<>(addressTokens(message, List.of("To", "Cc")));
            subjectToken(subject(message))
                    .filter(token -> !tokens.contains(token))
                    .ifPresent(tokens::add);
            return new ParsedMail.Envelope(fromAddress(message), tokens);
        } catch (MessagingException | RuntimeException e) {
            throw new UnreadableMailException(e.getClass().getSimpleName());
        }
    }

    /** The tokens in the plus parts of the addresses in {@code headers}, in lower case, each once. */
    static List<String> addressTokens(MimeMessage message, List<String> headers) throws MessagingException {
        Set<String> tokens = new LinkedHashSet<>();
        for (String header : headers) {
            String[] values = "To".equals(header) || "Cc".equals(header)
                    ? recipients(message, header)
                    : message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (int i = 0; i < values.length && i < MAX_RECIPIENTS; i++) {
                Matcher plus = PLUS_TOKEN.matcher(values[i]);
                while (plus.find() && tokens.size() < MAX_RECIPIENTS) {
                    tokens.add(plus.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(tokens);
    }

    /** The bare addresses in To or Cc; over IMAP from the envelope. */
    private static String[] recipients(MimeMessage message, String header) throws MessagingException {
        Address[] addresses;
        try {
            addresses = message.getRecipients(
                    "To".equals(header)
                            ? jakarta.mail.Message.RecipientType.TO
                            : jakarta.mail.Message.RecipientType.CC);
        } catch (AddressException e) {
            return message.getHeader(header);
        }
        if (addresses == null) {
            return null;
        }
        List<String> bare = new ArrayList<>();
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                bare.add(internet.getAddress());
            }
        }
        return bare.toArray(String[]::new);
    }

    /** The address in From, domain in lower case, as the roster stores addresses; "" when none. */
    static String fromAddress(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException e) {
            String raw = AutoReplies.first(message, "From");
            from = raw == null ? null : lenient(raw);
        }
        if (from == null) {
            return "";
        }
        for (Address address : from) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                String plain = internet.getAddress().strip();
                int at = plain.lastIndexOf('@');
                return at < 0
                        ? plain
                        : plain.substring(0, at) + "@" + plain.substring(at + 1).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    /**
     * The words of the sender's name, in lower case: from the name in From, else from the part of
     * the address before the @ ("priya.sharma"). A closing line of only these words is a sign-off.
     */
    static Set<String> senderNames(MimeMessage message) {
        Set<String> names = new java.util.HashSet<>();
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress internet) {
                String source =
                        internet.getPersonal() != null ? internet.getPersonal() : String.valueOf(internet.getAddress());
                int at = source.indexOf('@');
                for (String word : NAME_SPLIT.split(at < 0 ? source : source.substring(0, at))) {
                    if (word.length() >= 2) {
                        names.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // no name: no sign-off by name
        }
        return names;
    }

    private static Address[] lenient(String raw) {
        try {
            return InternetAddress.parseHeader(raw, false);
        } catch (AddressException e) {
            return null;
        }
    }

    /**
     * The ids in In-Reply-To, then References, each once, always as {@code <left@right>} (how the
     * outbox stores the Message-IDs it sends), whether or not the client kept the brackets.
     */
    static List<String> referencedMessageIds(MimeMessage message) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String[] values = message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                String unfolded = MimeUtility.unfold(value);
                Matcher bracketed = BRACKETED_ID.matcher(unfolded);
                boolean any = false;
                while (bracketed.find()) {
                    ids.add("<" + bracketed.group(1) + ">");
                    any = true;
                }
                if (!any) {
                    // Some clients leave the brackets off.
                    for (String word : unfolded.strip().split("[\\s,]+")) {
                        if (word.contains("@")) {
                            ids.add("<" + word + ">");
                        }
                    }
                }
            }
        }
        // A mail may claim any number of references; the conversation's own are among the first few.
        return new ArrayList<>(ids).subList(0, Math.min(ids.size(), MAX_REFERENCES));
    }

    /** The last [token] in the subject, in lower case; direction marks around it (Arabic subjects) do not count. */
    static Optional<String> subjectToken(String subject) {
        Matcher m = TOKEN.matcher(Texts.withoutBidiControls(subject));
        String token = null;
        while (m.find()) {
            token = m.group(1).toLowerCase(Locale.ROOT);
        }
        return Optional.ofNullable(token);
    }

    /** The decoded subject; "" when there is none. */
    static String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        if (subject == null) {
            return "";
        }
        if (subject.contains("=?")) {
            try {
                subject = MimeUtility.decodeText(subject); // a word the strict decoder left as it was
            } catch (UnsupportedEncodingException e) {
                // keep it as it is
            }
        }
        return subject;
    }

    /** The report-type of a multipart/report, in lower case; "" when it has none. */
    static String reportType(MimeMessage message) throws MessagingException {
        try {
            String type = new ContentType(message.getContentType()).getParameter("report-type");
            return type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "";
        }
    }
}
