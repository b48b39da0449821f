package nl.classbridge.messages;

import nl.classbridge.domain.Language;

/**
 * An email as the core composes it: the subject and the body as {@link Text}s, structure and no
 * markup. The mail adapter renders them when the email goes out: the subject as one header-safe
 * line, the body as the plain part and as the HTML part, both from the same structure.
 *
 * @param subject one paragraph, for the subject line
 * @param body the body; its language is the email's
 */
public record EmailText(Text subject, Text body) {
    /** The language the email is written in (after fallback), for its {@code Content-Language}. */
    public Language language() {
        return body.language();
    }
}
