package nl.classbridge.discord.checkin;

import java.util.EnumSet;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import nl.classbridge.messages.DiscordPost;

/** A {@link StepView.View} as a message to send or an edit, with mentions always off. */
final class DiscordMessages {
    private DiscordMessages() {
    }

    static MessageCreateData create(StepView.View view) {
        return DiscordPost.builder(view.content()).setComponents(view.rows()).build();
    }

    static MessageEditData edit(StepView.View view) {
        return new MessageEditBuilder()
                .setContent(view.content())
                .setComponents(view.rows())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }
}
