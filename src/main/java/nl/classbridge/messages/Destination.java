package nl.classbridge.messages;

/** Where a rendered text goes; each needs its values escaped in its own way. */
public enum Destination {
    /** A Discord message, button or modal: values are Markdown-escaped. */
    DISCORD,
    /** The plain-text part of an email: values as written, without control characters. */
    PLAIN,
    /** The HTML part of an email: everything HTML-escaped, paragraphs as {@code <p>}. */
    HTML,
    /** An email header such as the subject: one line, no CR, LF or other control characters. */
    MAIL_HEADER
}
