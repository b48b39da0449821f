package nl.classbridge.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/** Replies to a command: split to Discord's size, never pinging anyone. */
public final class Respond {
    private Respond() {}

    /** A reply only the person who used the command sees: for anything with personal data. */
    public static void privately(IReplyCallback event, String text) {
        privately(event, text, List.of());
    }

    /**
     * The same, with buttons: on the last message, under the end of the text, where the person
     * reads last.
     */
    public static void privately(IReplyCallback event, String text, List<ActionRow> rows) {
        List<String> split = DiscordLimits.split(text);
        List<MessageCreateData> parts = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            var part = DiscordPost.builder(split.get(i));
            if (i == split.size() - 1) {
                part.setComponents(rows);
            }
            parts.add(part.build());
        }
        if (event.isAcknowledged()) {
            parts.forEach(
                    part -> event.getHook().sendMessage(part).setEphemeral(true).queue());
            return;
        }
        event.reply(parts.get(0))
                .setEphemeral(true)
                .queue(hook -> parts.stream()
                        .skip(1)
                        .forEach(part ->
                                hook.sendMessage(part).setEphemeral(true).queue()));
    }

    /**
     * The outcome in place of the message whose button was pressed, without its buttons: nothing is
     * left to press (a confirmation that was used up).
     */
    public static void inPlace(ButtonInteractionEvent event, String text) {
        event.editMessage(new MessageEditBuilder()
                        .setContent(DiscordLimits.fit(text, DiscordLimits.MESSAGE))
                        .setComponents()
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .build())
                .queue();
    }
}
