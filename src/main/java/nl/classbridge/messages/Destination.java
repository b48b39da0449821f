package nl.classbridge.messages;

/**
 * Where the core renders a text to: the parts of an email. Each needs its values escaped in its
 * own way. Discord messages are rendered by the Discord adapter.
 */
public enum Destination {
    /** The plain-text part of an email: values as written, without control characters. */
    PLAIN,
    /** The HTML part of an email: everything HTML-escaped, paragraphs as {@code <p>}. */
    HTML,
    /** An email header such as the subject: one line, no CR, LF or other control characters. */
    MAIL_HEADER
}
