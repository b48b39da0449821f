package nl.classbridge.discord;

import java.util.List;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import nl.classbridge.messages.DiscordPost;

/** Replies to a command: split to Discord's size, never pinging anyone. */
public final class Respond {
    private Respond() {
    }

    /** A reply only the person who used the command sees: for anything with personal data. */
    public static void privately(IReplyCallback event, String text) {
        List<MessageCreateData> parts = DiscordPost.of(text);
        if (event.isAcknowledged()) {
            parts.forEach(part -> event.getHook().sendMessage(part).setEphemeral(true).queue());
            return;
        }
        event.reply(parts.get(0)).setEphemeral(true).queue(hook ->
                parts.stream().skip(1).forEach(part -> hook.sendMessage(part).setEphemeral(true).queue()));
    }
}
