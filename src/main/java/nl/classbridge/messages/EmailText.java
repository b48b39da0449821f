package nl.classbridge.messages;

import nl.classbridge.domain.Language;

/** A rendered email: a header-safe subject, a plain body and the same body as HTML. */
public record EmailText(String subject, String text, String html, Language language) {
}
