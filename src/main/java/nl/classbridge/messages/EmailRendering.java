package nl.classbridge.messages;

/**
 * How a {@link Text} reads in an email: the words as written, emphasis and headings as plain
 * words, values without control characters; in a header, all on one line.
 */
final class EmailRendering extends TextRenderer {
    /** The plain-text part, which is also what the HTML part escapes. */
    static final EmailRendering PLAIN = new EmailRendering(false);
    /** A header such as the subject. */
    static final EmailRendering HEADER = new EmailRendering(true);

    private final boolean header;

    private EmailRendering(boolean header) {
        this.header = header;
    }

    static EmailRendering of(Destination destination) {
        return destination == Destination.MAIL_HEADER ? HEADER : PLAIN;
    }

    @Override
    protected String value(String raw) {
        return header ? Escaping.header(raw) : clean(raw);
    }
}
