package nl.classbridge.mail;

import java.util.regex.Pattern;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.TextRenderer;

/**
 * How a {@link Text} reads in an email: the words as written, emphasis and headings as plain
 * words, values without control characters; in a header, all on one line.
 */
final class EmailRendering extends TextRenderer {
    /** The plain-text part. */
    static final EmailRendering PLAIN = new EmailRendering(false);
    /** A header such as the subject. */
    static final EmailRendering HEADER = new EmailRendering(true);
    /** Everything that could end or fold a header line. */
    private static final Pattern CONTROL_IN_HEADER = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

    private final boolean header;

    private EmailRendering(boolean header) {
        this.header = header;
    }

    @Override
    protected String value(String raw) {
        return header ? oneLine(raw) : clean(raw);
    }

    /** One header-safe line: every control character and line break becomes a single space. */
    static String oneLine(String raw) {
        return CONTROL_IN_HEADER.matcher(visible(raw)).replaceAll(" ").strip();
    }
}
