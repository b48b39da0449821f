package nl.classbridge.mail;

import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.Text;

/**
 * The core's texts as an email shows them: the subject as one header-safe line, the plain part
 * ({@link EmailRendering}) and the HTML part ({@link HtmlRendering}), both from the same structure
 * so they always say the same.
 */
public final class MailText {
    private MailText() {}

    /** The email to {@code to}, rendered: one subject line, a plain part and an HTML part. */
    public static ComposedEmail compose(String to, EmailText email) {
        return ComposedEmail.of(
                to,
                header(email.subject()),
                plain(email.body()),
                html(email.body()),
                email.language().code());
    }

    /** {@code text} as an email's plain-text part. */
    public static String plain(Text text) {
        return EmailRendering.PLAIN.render(text);
    }

    /** {@code text} as an email's HTML part, marked right-to-left for Arabic. */
    public static String html(Text text) {
        return HtmlRendering.html(text);
    }

    /** {@code text} as one line for an email header such as the subject. */
    public static String header(Text text) {
        // The words too: a translator's line break must not end the header either.
        return EmailRendering.oneLine(EmailRendering.HEADER.render(text));
    }
}
