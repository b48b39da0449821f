package nl.classbridge.sandbox.page;

import nl.classbridge.messages.TextRenderer;

/**
 * The page's own texts as text, before {@link Html} escapes them where they go (an element, an
 * attribute, a form field): the words as written, values without control characters.
 */
final class PageRendering extends TextRenderer {
    static final PageRendering TEXT = new PageRendering();

    private PageRendering() {}

    @Override
    protected String value(String raw) {
        return clean(raw);
    }
}
