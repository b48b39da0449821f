package nl.classbridge.sandbox.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import nl.classbridge.sandbox.discord.AttachedFile;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.PostedMessage;

/**
 * One Discord message as the page shows it: who wrote it and when, its text from Discord's
 * Markdown, and its buttons and menus as small forms that act as the reader through the local
 * Discord server. User text is escaped. The text and the buttons below it run in the message's
 * own direction ({@link Direction}): an Arabic message right to left, its buttons from the right;
 * each line and code span finds its own direction in the page's style sheet.
 */
final class MessageView {
    private static final int ACTION_ROW = 1;
    private static final int BUTTON = 2;
    private static final int STRING_SELECT = 3;
    private static final int SECTION = 9;
    private static final int TEXT_DISPLAY = 10;
    private static final int CONTAINER = 17;
    private static final int LINK_STYLE = 5;
    /** A user mention as {@link DiscordMarkdown} renders it, with the user's id. */
    private static final java.util.regex.Pattern USER_MENTION =
            java.util.regex.Pattern.compile("<span class=\"mention\" data-user=\"(\\d{1,20})\">@user</span>");

    private final PageTexts texts;
    private final ZoneId zone;
    private final LocalDiscord discord;

    MessageView(PageTexts texts, ZoneId zone, LocalDiscord discord) {
        this.texts = texts;
        this.zone = zone;
        this.discord = discord;
    }

    /**
     * @param message what the server holds
     * @param actor   who presses its buttons: {@code teacher} or a family's id
     * @param author  the name to show for who wrote it
     * @param fromBot whether the bot wrote it (the reader's own messages are set apart)
     */
    String render(PostedMessage message, String actor, String author, boolean fromBot) {
        StringBuilder html = new StringBuilder();
        html.append("<article class=\"msg")
                .append(fromBot ? " bot" : " own")
                .append("\" id=\"m")
                .append(message.id())
                .append("\">");
        html.append("<header><b>").append(Html.text(author)).append("</b>");
        if (fromBot) {
            html.append(" <span class=\"tag\">")
                    .append(texts.get("message.bot"))
                    .append("</span>");
        }
        time(message.json())
                .ifPresent(time -> html.append(" <time>").append(time).append("</time>"));
        if (message.ephemeral()) {
            html.append(" <span class=\"note\">")
                    .append(texts.get("message.only-you"))
                    .append("</span>");
        }
        if (message.edited()) {
            html.append(" <span class=\"note\">(")
                    .append(texts.get("message.edited"))
                    .append(")</span>");
        }
        html.append("</header><div class=\"body\" dir=\"")
                .append(Direction.of(words(message)))
                .append("\">");
        if (!message.content().isBlank()) {
            html.append("<div class=\"text\" dir=\"auto\">")
                    .append(named(DiscordMarkdown.toHtml(message.content())))
                    .append("</div>");
        }
        for (JsonNode embed : message.embeds()) {
            html.append("<div class=\"embed\" dir=\"auto\">");
            if (embed.hasNonNull("title")) {
                html.append("<b>")
                        .append(Html.text(embed.get("title").asText()))
                        .append("</b>");
            }
            if (embed.hasNonNull("description")) {
                html.append(
                        named(DiscordMarkdown.toHtml(embed.get("description").asText())));
            }
            html.append("</div>");
        }
        for (AttachedFile file : discord.attachments(message.json())) {
            file(file, html);
        }
        components(message.components(), message.id(), actor, html);
        html.append("</div></article>");
        return html.toString();
    }

    /** What the message says, in the order it shows: its content, embeds, and text components. */
    private static String words(PostedMessage message) {
        StringBuilder words = new StringBuilder(message.content());
        for (JsonNode embed : message.embeds()) {
            words.append('\n')
                    .append(embed.path("title").asText(""))
                    .append('\n')
                    .append(embed.path("description").asText(""));
        }
        message.components()
                .findValues("content")
                .forEach(text -> words.append('\n').append(text.asText("")));
        return words.toString();
    }

    /**
     * Rendered Markdown with its user mentions named as Discord shows them ({@code @Juf Vera}): the
     * renderer keeps the id, the local server knows the name. An unknown id stays {@code @user}.
     */
    private String named(String html) {
        return USER_MENTION
                .matcher(html)
                .replaceAll(found -> java.util.regex.Matcher.quoteReplacement(
                        "<span class=\"mention\">@" + userName(found.group(1)) + "</span>"));
    }

    private String userName(String id) {
        try {
            return discord.user(Long.parseLong(id))
                    .map(user -> Html.text(user.shownName()))
                    .orElse("user");
        } catch (NumberFormatException tooLong) {
            return "user";
        }
    }

    /** A file sent with the message: its name, and a text file's content as Discord shows Markdown, to open. */
    private static void file(AttachedFile file, StringBuilder html) {
        html.append("<details class=\"file\"><summary>📄 ")
                .append(Html.text(file.filename()))
                .append("</summary>");
        if (file.readable()) {
            html.append("<div class=\"text\" dir=\"auto\">")
                    .append(DiscordMarkdown.toHtml(file.text()))
                    .append("</div>");
        }
        html.append("</details>");
    }

    private void components(JsonNode components, long messageId, String actor, StringBuilder html) {
        for (JsonNode component : components) {
            component(component, messageId, actor, html);
        }
    }

    private void component(JsonNode component, long messageId, String actor, StringBuilder html) {
        switch (component.path("type").asInt()) {
            case ACTION_ROW, CONTAINER -> {
                html.append("<div class=\"row\">");
                components(component.path("components"), messageId, actor, html);
                html.append("</div>");
            }
            case SECTION -> {
                components(component.path("components"), messageId, actor, html);
                if (component.has("accessory")) {
                    component(component.get("accessory"), messageId, actor, html);
                }
            }
            case TEXT_DISPLAY ->
                html.append("<div class=\"text\" dir=\"auto\">")
                        .append(named(
                                DiscordMarkdown.toHtml(component.path("content").asText())))
                        .append("</div>");
            case BUTTON -> button(component, messageId, actor, html);
            case STRING_SELECT -> select(component, messageId, actor, html);
            default -> {
                // Other components (files, media) are not sent by ClassBridge.
            }
        }
    }

    private void button(JsonNode button, long messageId, String actor, StringBuilder html) {
        String label = (button.path("emoji").path("name").asText("") + " "
                        + button.path("label").asText(""))
                .strip();
        if (button.path("style").asInt() == LINK_STYLE) {
            html.append("<a class=\"button link\" rel=\"noopener noreferrer\" target=\"_blank\" href=\"")
                    .append(Html.text(button.path("url").asText()))
                    .append("\">")
                    .append(Html.text(label))
                    .append("</a>");
            return;
        }
        html.append(Forms.open("/act/" + actor + "/press", Forms.slot(actor), "inline"))
                .append(Forms.hidden("message", Long.toString(messageId)))
                .append(Forms.hidden("component", button.path("custom_id").asText()))
                .append("<button class=\"b")
                .append(button.path("style").asInt(2))
                .append("\"")
                .append(button.path("disabled").asBoolean(false) ? " disabled" : "")
                .append(" dir=\"auto\">")
                .append(Html.text(label))
                .append("</button></form>");
    }

    private void select(JsonNode select, long messageId, String actor, StringBuilder html) {
        String id = "s" + messageId + "-"
                + Math.abs(select.path("custom_id").asText().hashCode());
        boolean many = select.path("max_values").asInt(1) > 1;
        html.append(Forms.open("/act/" + actor + "/choose", Forms.slot(actor), "select"))
                .append(Forms.hidden("message", Long.toString(messageId)))
                .append(Forms.hidden("component", select.path("custom_id").asText()))
                .append("<label for=\"")
                .append(id)
                .append("\" dir=\"auto\">")
                .append(Html.text(select.path("placeholder").asText(texts.plain("message.choose", Map.of()))))
                .append("</label><select id=\"")
                .append(id)
                .append("\" name=\"values\"")
                .append(many ? " multiple" : "")
                .append(select.path("disabled").asBoolean(false) ? " disabled" : "")
                .append(" dir=\"auto\">");
        for (JsonNode option : select.path("options")) {
            html.append("<option value=\"")
                    .append(Html.text(option.path("value").asText()))
                    .append("\"")
                    .append(option.path("default").asBoolean(false) ? " selected" : "")
                    .append(">")
                    .append(Html.text((option.path("emoji").path("name").asText("") + " "
                                    + option.path("label").asText())
                            .strip()))
                    .append("</option>");
        }
        html.append("</select><button>").append(texts.get("message.choose")).append("</button></form>");
    }

    private java.util.Optional<String> time(JsonNode json) {
        try {
            Instant at = Instant.parse(json.path("timestamp").asText());
            return java.util.Optional.of(DateTimeFormatter.ofPattern(
                            "EEE d MMM HH:mm", texts.language().locale())
                    .format(at.atZone(zone)));
        } catch (DateTimeParseException unknown) {
            return java.util.Optional.empty();
        }
    }
}
