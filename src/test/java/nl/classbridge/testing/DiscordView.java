package nl.classbridge.testing;

import nl.classbridge.sandbox.page.DiscordMarkdown;

/**
 * A message's content as a Discord reader sees it, through the sandbox page's rendering of
 * Discord's Markdown: what a test compares with what a parent or teacher typed.
 */
public final class DiscordView {
    private DiscordView() {}

    /** The rendered HTML of {@code content}. */
    public static String html(String content) {
        return DiscordMarkdown.toHtml(content);
    }

    /** The text a reader sees: line breaks kept, tags gone, entities decoded. */
    public static String visible(String content) {
        return html(content)
                .replace("<br>\n", "\n")
                .replaceAll("</p>\n<p>", "\n\n")
                .replaceAll("<[^>]+>", "")
                .strip()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
