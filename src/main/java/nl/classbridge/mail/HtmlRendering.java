package nl.classbridge.mail;

import java.util.List;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.TextRenderer;
import org.apache.commons.text.StringEscapeUtils;

/**
 * How a {@link Text} reads in an email's HTML part: the same words as the plain part, with their
 * structure as HTML. The title is a heading, a paragraph a {@code <p>} (a blank line in it starts
 * the next, a line break is a {@code <br>}), a section its heading in bold over a list, emphasis
 * {@code <strong>}; all in a {@code <div>} that sets the direction and the language. Everything
 * that is not our own markup is escaped: values, and the catalogue's words too, since a
 * translator's {@code <} is text.
 */
final class HtmlRendering extends TextRenderer {
    private static final HtmlRendering HTML = new HtmlRendering();

    private HtmlRendering() {}

    /** {@code text} as the HTML part of an email, marked right-to-left for Arabic. */
    static String html(Text text) {
        return HTML.render(text);
    }

    @Override
    protected String value(String raw) {
        return StringEscapeUtils.escapeHtml4(clean(raw));
    }

    @Override
    protected String words(String words) {
        return StringEscapeUtils.escapeHtml4(words);
    }

    @Override
    protected String code(String raw) {
        return "<code>" + value(raw) + "</code>";
    }

    @Override
    protected String strong(String rendered) {
        return "<strong>" + rendered + "</strong>";
    }

    @Override
    protected String title(String rendered) {
        return "<h2>" + lines(rendered.strip()) + "</h2>";
    }

    @Override
    protected String heading(String rendered) {
        return "<p><strong>" + lines(rendered.strip()) + "</strong></p>";
    }

    @Override
    protected String paragraph(String rendered) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : rendered.strip().split("\\n\\s*\\n")) {
            if (!html.isEmpty()) {
                html.append('\n');
            }
            html.append("<p>").append(lines(paragraph.strip())).append("</p>");
        }
        return html.toString();
    }

    @Override
    protected String section(String heading, List<String> items) {
        StringBuilder html = new StringBuilder(heading).append("\n<ul>\n");
        items.forEach(item -> html.append("<li>").append(lines(item.strip())).append("</li>\n"));
        return html.append("</ul>").toString();
    }

    @Override
    protected String document(List<String> blocks, Language language) {
        String direction = language.rightToLeft() ? "rtl" : "ltr";
        return "<div dir=\"" + direction + "\" lang=\"" + language.code() + "\">\n" + String.join("\n", blocks)
                + "\n</div>\n";
    }

    /** Line breaks kept as {@code <br>}: an address, a list written in a paragraph. */
    private static String lines(String escaped) {
        return escaped.replace("\n", "<br>\n");
    }
}
