package nl.classbridge.mail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One email as a feature rendered it, before it becomes MIME. The sender adds From, Reply-To,
 * Date, Message-ID and the list headers; everything here goes into a header through Jakarta Mail's
 * API (the subject encoded as UTF-8), never as raw text.
 *
 * @param to         the one recipient address, as stored for the guardian
 * @param subject    the subject, already rendered safe for a header: one line
 * @param text       the plain-text body
 * @param html       the HTML body saying the same as {@code text}
 * @param inReplyTo  the Message-ID this email answers (a confirmation of a reply), if any
 * @param references the Message-IDs of the conversation, oldest first; may be empty
 * @param language   the language of the body for {@code Content-Language}, e.g. {@code nl}, {@code ar}
 * @param replyToken the family's reply token (see {@link ReplyTokens}): the sender puts it in the
 *                   Reply-To and the subject, so a reply can be verified; empty for none
 * @param attachments files sent with the email (a family's own data); usually none
 * @throws IllegalArgumentException when a value meant for a header holds a line break, a
 *                                  Message-ID does not look like one, the language is no tag, or
 *                                  the token is not one
 */
public record ComposedEmail(
        String to,
        String subject,
        String text,
        String html,
        Optional<String> inReplyTo,
        List<String> references,
        String language,
        Optional<String> replyToken,
        List<Attachment> attachments) {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    public ComposedEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(language, "language");
        references = List.copyOf(references);
        singleLine("to", to);
        singleLine("subject", subject);
        inReplyTo.ifPresent(id -> messageId("inReplyTo", id));
        references.forEach(id -> messageId("references", id));
        if (!LANGUAGE_TAG.matcher(language).matches()) {
            throw new IllegalArgumentException("language must be a language tag such as nl or ar");
        }
        Objects.requireNonNull(replyToken, "replyToken");
        attachments = List.copyOf(attachments);
        if (replyToken
                .filter(token -> !ReplyTokens.TOKEN.matcher(token).matches())
                .isPresent()) {
            throw new IllegalArgumentException("replyToken must be a reply token");
        }
    }

    /**
     * A file attached to an email, made when the email is composed.
     *
     * @param fileName  a plain name such as {@code my-data.json}: it goes into a header
     * @param mediaType such as {@code application/json}
     */
    public record Attachment(String fileName, String mediaType, byte[] content) {
        private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}");
        private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+(; charset=UTF-8)?");

        public Attachment {
            if (!PLAIN_NAME.matcher(fileName).matches()) {
                throw new IllegalArgumentException(
                        "an attachment's name must be plain letters, digits, dots and dashes");
            }
            if (!MEDIA_TYPE.matcher(mediaType).matches()) {
                throw new IllegalArgumentException("an attachment's media type must look like text/plain");
            }
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that
                    && fileName.equals(that.fileName)
                    && mediaType.equals(that.mediaType)
                    && java.util.Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileName, mediaType, java.util.Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
        }
    }

    /** An email without attachments. */
    public ComposedEmail(
            String to,
            String subject,
            String text,
            String html,
            Optional<String> inReplyTo,
            List<String> references,
            String language,
            Optional<String> replyToken) {
        this(to, subject, text, html, inReplyTo, references, language, replyToken, List.of());
    }

    /** A new email that does not answer another one. */
    public static ComposedEmail of(String to, String subject, String text, String html, String language) {
        return new ComposedEmail(to, subject, text, html, Optional.empty(), List.of(), language, Optional.empty());
    }

    /** This email, carrying the family's reply token. */
    public ComposedEmail withReplyToken(String token) {
        return new ComposedEmail(
                to, subject, text, html, inReplyTo, references, language, Optional.of(token), attachments);
    }

    /** This email, with {@code files} attached. */
    public ComposedEmail withAttachments(List<Attachment> files) {
        return new ComposedEmail(to, subject, text, html, inReplyTo, references, language, replyToken, files);
    }

    /**
     * Refuses line breaks in a header value: a CR or LF would end the header and let the rest of
     * the value write headers (or a body) of its own. The value itself is never in the message.
     */
    static String singleLine(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException(what + " must be one line");
            }
        }
        return value;
    }

    /**
     * Whether {@code value} looks like one Message-ID, {@code <left@right>}, with nothing around it:
     * what {@code inReplyTo} and {@code references} accept. A composer quoting the Message-ID of a
     * parent's mail (untrusted) checks it with this and leaves out one that is not.
     */
    public static boolean isMessageId(String value) {
        return MESSAGE_ID.matcher(value).matches();
    }

    private static void messageId(String what, String value) {
        if (!isMessageId(value)) {
            throw new IllegalArgumentException(what + " must hold Message-IDs like <id@domain>");
        }
    }
}
