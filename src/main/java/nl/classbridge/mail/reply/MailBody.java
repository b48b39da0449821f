package nl.classbridge.mail.reply;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of a mail: its text/plain part, or its HTML part as text when there is no
 * plain one, in whatever charset the mail declares. Attachments and mails attached whole
 * (message/rfc822, usually a forward) are not read: they are not the parent's words.
 *
 * <p>Public only for {@link #decode(byte[], String)}: the sandbox's mail server shows the bot's
 * mails with the same charset rule, so the page and the bot read the same bytes alike.
 */
public final class MailBody {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    // Bounded on purpose: "<meta" without a ">" must not make the look-up scan the rest of the mail.
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,300}?charset\\s{0,20}=\\s{0,20}[\"']?([-\\w:.]{1,40})", Pattern.CASE_INSENSITIVE);
    /** Browsers look for the charset in the first 1024 bytes; mail programs put it at the top too. */
    private static final int META_CHARSET_PREFIX = 4096;
    // Deeper nesting than this is not a mail a person wrote.
    private static final int MAX_DEPTH = 12;

    private MailBody() {}

    /** The text of {@code part}; "" when it has none. */
    static String of(Part part) throws MessagingException, IOException {
        return text(part, 0).orElse("");
    }

    private static Optional<String> text(Part part, int level) throws MessagingException, IOException {
        if (level > MAX_DEPTH || isAttachment(part)) {
            return Optional.empty();
        }
        if (part.isMimeType("text/plain")) {
            return nonBlank(plain(part));
        }
        if (part.isMimeType("text/html")) {
            return nonBlank(HtmlText.toText(decode(part, true)));
        }
        if (!part.isMimeType("multipart/*")) {
            return Optional.empty();
        }
        Multipart multipart = (Multipart) part.getContent();
        List<BodyPart> children = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            children.add(multipart.getBodyPart(i));
        }
        if (part.isMimeType("multipart/alternative")) {
            for (BodyPart child : children) {
                if (child.isMimeType("text/plain")) {
                    Optional<String> plain = safeText(child, level + 1);
                    if (plain.isPresent()) {
                        return plain;
                    }
                }
            }
            // The richest version comes last.
            for (int i = children.size() - 1; i >= 0; i--) {
                Optional<String> text = safeText(children.get(i), level + 1);
                if (text.isPresent()) {
                    return text;
                }
            }
            return Optional.empty();
        }
        if (part.isMimeType("multipart/signed") || part.isMimeType("multipart/related")) {
            // The signed content, or the root of a page with its images: the first part.
            return children.isEmpty() ? Optional.empty() : text(children.get(0), level + 1);
        }
        // mixed and the rest: the text parts in order (Apple Mail splits text around an inline image).
        List<String> texts = new ArrayList<>();
        for (BodyPart child : children) {
            safeText(child, level + 1).ifPresent(texts::add);
        }
        return nonBlank(String.join("\n", texts));
    }

    /** A part that cannot be read is left out; the rest of the mail still counts. */
    private static Optional<String> safeText(Part part, int level) {
        try {
            return text(part, level);
        } catch (MessagingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (MessagingException e) {
            return false;
        }
    }

    private static Optional<String> nonBlank(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** A text/plain part, with format=flowed lines joined again. */
    private static String plain(Part part) throws MessagingException, IOException {
        String text = decode(part, false).replace("\r\n", "\n").replace('\r', '\n');
        ContentType type = contentType(part);
        if (type != null && "flowed".equalsIgnoreCase(type.getParameter("format"))) {
            return Flowed.unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
        }
        return text;
    }

    /** The characters of a text part: transfer encoding undone, then its charset decoded. */
    static String decode(Part part, boolean html) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        ContentType type = contentType(part);
        String declared = type == null ? null : type.getParameter("charset");
        if (declared == null && html) {
            Matcher meta = META_CHARSET.matcher(
                    new String(bytes, 0, Math.min(bytes.length, META_CHARSET_PREFIX), StandardCharsets.ISO_8859_1));
            if (meta.find()) {
                declared = meta.group(1);
            }
        }
        return decode(bytes, declared);
    }

    /**
     * {@code bytes} in the charset {@code declared}. ISO-8859-1 is read as Windows-1252, as browsers
     * do: Windows mail often says one and means the other. Without a charset, or with one Java does
     * not know, UTF-8 if the bytes are valid UTF-8, else Windows-1252.
     */
    public static String decode(byte[] bytes, String declared) {
        Charset charset = charset(declared);
        if (charset == null) {
            return strictUtf8(bytes).orElseGet(() -> new String(bytes, WINDOWS_1252));
        }
        if (charset.equals(StandardCharsets.US_ASCII)) {
            return strictUtf8(bytes).orElseGet(() -> new String(bytes, WINDOWS_1252));
        }
        return new String(bytes, charset.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : charset);
    }

    private static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(declared.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static ContentType contentType(Part part) throws MessagingException {
        String header = part.getContentType();
        if (header == null) {
            return null;
        }
        try {
            return new ContentType(header);
        } catch (ParseException e) {
            return null;
        }
    }

    /** RFC 3676: a line ending in a space goes on with the next line; "-- " stays a line. */
    static final class Flowed {
        private Flowed() {}

        static String unflow(String text, boolean delSp) {
            String[] lines = text.split("\n", -1);
            StringBuilder out = new StringBuilder();
            StringBuilder paragraph = new StringBuilder();
            int paragraphDepth = -1;
            for (String raw : lines) {
                int quoteDepth = 0;
                while (quoteDepth < raw.length() && raw.charAt(quoteDepth) == '>') {
                    quoteDepth++;
                }
                String content = raw.substring(quoteDepth);
                if (content.startsWith(" ")) {
                    content = content.substring(1); // space-stuffing
                }
                if (paragraphDepth >= 0 && quoteDepth != paragraphDepth) {
                    flush(out, paragraph, paragraphDepth);
                    paragraphDepth = -1;
                }
                boolean soft = content.endsWith(" ") && !content.equals("-- ");
                if (soft) {
                    paragraph.append(delSp ? content.substring(0, content.length() - 1) : content);
                    paragraphDepth = quoteDepth;
                } else {
                    paragraph.append(content);
                    flush(out, paragraph, quoteDepth);
                    paragraphDepth = -1;
                }
            }
            if (paragraphDepth >= 0) {
                flush(out, paragraph, paragraphDepth);
            }
            if (out.length() > 0) {
                out.setLength(out.length() - 1);
            }
            return out.toString();
        }

        private static void flush(StringBuilder out, StringBuilder paragraph, int quoteDepth) {
            out.append(">".repeat(Math.min(quoteDepth, HtmlText.MAX_QUOTE_DEPTH)))
                    .append(quoteDepth > 0 ? " " : "")
                    .append(paragraph)
                    .append('\n');
            paragraph.setLength(0);
        }
    }
}
