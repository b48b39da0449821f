package nl.classbridge.sandbox.page;

import java.time.ZoneId;
import java.util.List;
import nl.classbridge.sandbox.SandboxSchool;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;

/** The class channel as families see it: what was posted for everyone, never anyone's private replies. */
final class ChannelView {
    private static final int SHOWN_MESSAGES = 30;

    private final LocalDiscord discord;
    private final SandboxSchool school;
    private final PageTexts texts;
    private final MessageView messages;

    ChannelView(LocalDiscord discord, SandboxSchool school, PageTexts texts, ZoneId zone) {
        this.discord = discord;
        this.school = school;
        this.texts = texts;
        this.messages = new MessageView(texts, zone, discord);
    }

    String live() {
        List<PostedMessage> posts = discord.messagesIn(school.channel()).stream()
                .filter(message -> !message.deleted() && !message.ephemeral())
                .toList();
        StringBuilder html = new StringBuilder();
        if (posts.isEmpty()) {
            html.append("<p class=\"hint\">").append(texts.get("channel.empty")).append("</p>");
        }
        for (PostedMessage post : posts.subList(Math.max(0, posts.size() - SHOWN_MESSAGES), posts.size())) {
            boolean fromBot = post.authorId() == discord.bot().id();
            String author =
                    discord.user(post.authorId()).map(LocalUser::shownName).orElse("?");
            // Class posts carry no buttons; were there one, the teacher would be the one to press it here.
            html.append(messages.render(post, TeacherView.ACTOR, author, fromBot));
        }
        return html.toString();
    }
}
