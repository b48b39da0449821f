package nl.classbridge.sandbox.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.classbridge.mail.reply.MailBody;
import org.apache.commons.text.StringEscapeUtils;

/**
 * What a mail program shows of a mail: its text, its HTML, and the language it says it is in.
 *
 * <p>The sandbox page plays the family's mail program, so it wants the mail whole: the first
 * text/plain part and the first text/html part as they are, not the family's own words. That is
 * why this is not the bot's {@code MailBody}, which joins text parts, unfolds format=flowed and
 * marks quoted lines for the reply parser; only the charset rule is shared with it, so that the
 * page and the bot read the same bytes as the same characters. Nothing here throws: a part that
 * cannot be read is left out, and a mail whose structure is broken shows its body as it came.
 *
 * @param plain    the text/plain part, or the text of the HTML part when there is no plain one;
 *                 lines end in {@code \n}
 * @param html     the first text/html part, as received
 * @param language the first language of the mail's Content-Language, else of its first text part's
 */
record MailText(String plain, Optional<String> html, Optional<String> language) {
    // Deeper nesting than this is not a mail anyone wrote; it is not read further.
    private static final int MAX_DEPTH = 12;

    /** What the walk over the parts found: the first text/plain and the first text/html. */
    private static final class Found {
        String plain;
        String html;
        Optional<String> language = Optional.empty();
    }

    static MailText of(MimeMessage message) {
        Found found = new Found();
        boolean broken = false;
        try {
            walk(message, 0, found);
        } catch (MessagingException | IOException | RuntimeException e) {
            broken = true;
        }
        String plain = found.plain;
        if (plain == null && found.html != null) {
            plain = htmlToText(found.html);
        }
        if (plain == null) {
            // Nothing readable as text: if the structure itself is broken, the body as it came is what can be read.
            plain = broken ? MailBody.decode(rawContent(message), null) : "";
        }
        Optional<String> language = firstLanguage(message).or(() -> found.language);
        return new MailText(plain.replace("\r\n", "\n").replace('\r', '\n'), Optional.ofNullable(found.html), language);
    }

    private static void walk(Part part, int depth, Found found) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || isAttachment(part)) {
            return;
        }
        String type = mimeType(part);
        if (type.equals("text/plain")) {
            if (found.plain == null) {
                found.plain = decode(part);
                found.language = found.language.or(() -> firstLanguage(part));
            }
            return;
        }
        if (type.equals("text/html")) {
            if (found.html == null) {
                found.html = decode(part);
                found.language = found.language.or(() -> firstLanguage(part));
            }
            return;
        }
        if (!type.startsWith("multipart/")) {
            return; // an image, an attached mail, ...: not text to show
        }
        Object content = part.getContent();
        if (!(content instanceof Multipart multipart)) {
            return;
        }
        int count = multipart.getCount();
        for (int i = 0; i < count; i++) {
            try {
                walk(multipart.getBodyPart(i), depth + 1, found);
            } catch (MessagingException | IOException | RuntimeException e) {
                // a broken part is left out; the others are still read
            }
        }
    }

    /**
     * The part's type in lower case, e.g. "text/plain", its parameters left out. A Content-Type
     * that cannot be read at all counts as text/plain, as RFC 2045 (5.2) says, so its text shows.
     */
    private static String mimeType(Part part) {
        String header;
        try {
            header = part.getContentType();
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
        if (header == null) {
            return "text/plain";
        }
        for (String candidate : new String[] {header, header.split(";", 2)[0]}) {
            try {
                ContentType type = new ContentType(candidate);
                return (type.getPrimaryType() + "/" + type.getSubType()).toLowerCase(Locale.ROOT);
            } catch (ParseException | RuntimeException e) {
                // the parameters may be what is broken: try the type alone
            }
        }
        return "text/plain";
    }

    private static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (MessagingException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A text part's characters: transfer encoding undone (or the bytes as they came when that
     * fails), then decoded by the bot's charset rule.
     */
    private static String decode(Part part) {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            bytes = rawContent(part);
        }
        return MailBody.decode(bytes, charsetOf(part));
    }

    /** The part's body as it came, transfer encoding not undone; nothing when even that cannot be read. */
    private static byte[] rawContent(Part part) {
        if (!(part instanceof MimePart mime)) {
            return new byte[0];
        }
        try (InputStream in = rawStream(mime)) {
            return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    private static InputStream rawStream(MimePart part) throws MessagingException {
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        return ((MimeBodyPart) part).getRawInputStream();
    }

    private static String charsetOf(Part part) {
        try {
            String header = part.getContentType();
            return header == null ? null : new ContentType(header).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static Optional<String> firstLanguage(Part part) {
        try {
            String[] values = part.getHeader("Content-Language");
            if (values == null || values.length == 0) {
                return Optional.empty();
            }
            String first = MimeUtility.unfold(values[0]).split(",")[0].strip();
            return first.isEmpty() ? Optional.empty() : Optional.of(first);
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---- HTML as text ----
    // Not the bot's HtmlText: that one numbers lists, marks quotes with "> " and cuts where an
    // original mail starts, for the reply parser; a reader of the whole mail wants it all, plainly.

    private static final Pattern HIDDEN_ELEMENTS = Pattern.compile(
            "<(head|style|script|title)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COMMENTS = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern HTML_SPACE = Pattern.compile("[ \\t\\r\\n\\f]+");
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("<br\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(p|div|tr|table|ul|ol|h[1-6]|blockquote|pre|hr|section|article|header|footer)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("<li\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z!][^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    /** A reader's view of an HTML part, for a mail without a plain one: a line per block, tags gone. */
    static String htmlToText(String html) {
        String text = COMMENTS.matcher(html).replaceAll("");
        text = HIDDEN_ELEMENTS.matcher(text).replaceAll("");
        text = HTML_SPACE.matcher(text).replaceAll(" ");
        text = LINE_BREAK_TAG.matcher(text).replaceAll("\n");
        text = LIST_ITEM.matcher(text).replaceAll("\n- ");
        text = BLOCK_TAG.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = StringEscapeUtils.unescapeHtml4(text).replace('\u00A0', ' ');
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.strip()).append('\n');
        }
        return BLANK_LINES.matcher(out.toString()).replaceAll("\n\n").strip();
    }
}
