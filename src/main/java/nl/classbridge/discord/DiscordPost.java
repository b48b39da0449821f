package nl.classbridge.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The one way rendered text becomes Discord messages: split to Discord's size at paragraphs, and
 * with every mention disabled. A parent's name or answer may contain {@code @everyone} or
 * {@code <@123>}; Discord then shows it as text and pings nobody.
 */
public final class DiscordPost {
    private DiscordPost() {}

    /** One message per part of {@code text}, none of which can ping anyone. */
    public static List<MessageCreateData> of(String text) {
        return DiscordLimits.split(text).stream().map(DiscordPost::part).toList();
    }

    /** A builder for one part, for callers that add buttons or a select menu before sending. */
    public static MessageCreateBuilder builder(String part) {
        if (part.length() > DiscordLimits.MESSAGE) {
            throw new IllegalArgumentException("one message holds at most " + DiscordLimits.MESSAGE + " characters");
        }
        return new MessageCreateBuilder()
                .setContent(part)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRepliedUser(false);
    }

    private static MessageCreateData part(String part) {
        return builder(part).build();
    }
}
