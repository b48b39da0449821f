package nl.classbridge.sandbox.page;

import java.time.ZoneId;
import java.util.List;
import nl.classbridge.sandbox.SandboxSchool;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.PostedMessage;

/**
 * The teacher's panel: the slash commands the bot registered in the school's server, as forms, the replies only the teacher
 * sees (Discord's ephemeral messages), and the bot's private messages to the teacher.
 */
final class TeacherView {
    static final String ACTOR = "teacher";
    private static final int SHOWN_REPLIES = 12;

    private final LocalDiscord discord;
    private final SandboxSchool school;
    private final PageTexts texts;
    private final MessageView messages;
    private final CommandForms forms;

    TeacherView(LocalDiscord discord, SandboxSchool school, PageTexts texts, ZoneId zone) {
        this.discord = discord;
        this.school = school;
        this.texts = texts;
        this.messages = new MessageView(texts, zone, discord);
        this.forms = new CommandForms(texts);
    }

    String panel() {
        return "<h3>" + texts.get("teacher.commands") + "</h3>"
                + "<div class=\"commands\">" + forms.render(discord.guildCommands(school.guild())) + "</div>"
                + "<div id=\"" + Forms.slot(ACTOR) + "\" class=\"slot\"></div>"
                + "<div class=\"live\" aria-live=\"polite\" hx-get=\"/part/teacher\" hx-trigger=\"world-changed from:body\">"
                + live() + "</div>";
    }

    /** The teacher's private replies, newest first, and the bot's DMs to the teacher. */
    String live() {
        StringBuilder html =
                new StringBuilder("<h3>").append(texts.get("teacher.replies")).append("</h3>");
        // The ICT person runs the admin-only commands for the page (CommandRunner): their replies show here too.
        java.util.Set<Long> runners =
                java.util.Set.of(school.teacher().id(), school.ict().id());
        List<PostedMessage> replies = discord.messagesIn(school.channel()).stream()
                .filter(message -> !message.deleted()
                        && message.ephemeral()
                        && !school.answersSetUp(message)
                        && runners.contains(message.json()
                                .path("interaction_metadata")
                                .path("user")
                                .path("id")
                                .asLong()))
                .toList();
        if (replies.isEmpty()) {
            html.append("<p class=\"hint\">")
                    .append(texts.get("teacher.no-replies"))
                    .append("</p>");
        }
        for (int i = replies.size() - 1; i >= Math.max(0, replies.size() - SHOWN_REPLIES); i--) {
            html.append(messages.render(replies.get(i), ACTOR, discord.bot().shownName(), true));
        }
        html.append("<h3>").append(texts.get("teacher.dms")).append("</h3>");
        List<PostedMessage> dms = discord.directMessagesTo(school.teacher());
        if (dms.isEmpty()) {
            html.append("<p class=\"hint\">")
                    .append(texts.get("teacher.no-dms"))
                    .append("</p>");
        }
        for (int i = dms.size() - 1; i >= Math.max(0, dms.size() - SHOWN_REPLIES); i--) {
            html.append(messages.render(dms.get(i), ACTOR, discord.bot().shownName(), true));
        }
        return html.toString();
    }

    /** The autocomplete choices the bot answered, as a datalist's options. */
    static String suggestions(Iterable<com.fasterxml.jackson.databind.JsonNode> choices) {
        StringBuilder html = new StringBuilder();
        for (var choice : choices) {
            html.append("<option value=\"")
                    .append(Html.text(choice.path("value").asText()))
                    .append("\">")
                    .append(Html.text(choice.path("name").asText()))
                    .append("</option>");
        }
        return html.toString();
    }
}
