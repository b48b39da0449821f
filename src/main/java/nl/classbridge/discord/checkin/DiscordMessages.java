package nl.classbridge.discord.checkin;

import java.util.EnumSet;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordPost;

/** A {@link StepView.View} as a message to send or an edit, with mentions always off. */
final class DiscordMessages {
    private DiscordMessages() {}

    static MessageCreateData create(StepView.View view) {
        return DiscordPost.builder(fitted(view)).setComponents(view.rows()).build();
    }

    static MessageEditData edit(StepView.View view) {
        return new MessageEditBuilder()
                .setContent(fitted(view))
                .setComponents(view.rows())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    /**
     * The view's text, which {@link StepView} makes to fit; cut here only should that ever fail,
     * because JDA would refuse it with the whole text, names and answers, in its exception.
     */
    private static String fitted(StepView.View view) {
        return DiscordLimits.fit(view.content(), DiscordLimits.MESSAGE);
    }
}
