package nl.classbridge.sandbox.page;

import org.apache.commons.text.StringEscapeUtils;

/** Escaping for the page: every value that is not the page's own markup goes through here. */
final class Html {
    private Html() {
    }

    /** Text for an element's content or a double-quoted attribute. */
    static String text(String value) {
        return StringEscapeUtils.escapeHtml4(value == null ? "" : value).replace("'", "&#39;");
    }
}
