package nl.classbridge.discord.commands;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.discord.DiscordLimits;

/**
 * Component ids of {@code /conversation}: the reflection button and its form. Each carries the
 * stored conversation id and the Discord id of the teacher it was made for, so it works the same
 * after a restart and can be checked against who presses: {@code cv:rf:12:4455...}.
 */
final class ConversationIds {
    static final String PREFIX = "cv:";
    private static final Pattern ID = Pattern.compile("cv:(rf|rm):(\\d{1,18}):(\\d{1,20})");

    /** A parsed id: a button ({@code form} false) or the form it opens. */
    record Id(boolean form, long conversationId, long teacherUserId) {}

    private ConversationIds() {}

    static String reflectButton(long conversationId, long teacherUserId) {
        return format("rf", conversationId, teacherUserId);
    }

    static String reflectForm(long conversationId, long teacherUserId) {
        return format("rm", conversationId, teacherUserId);
    }

    /** The id, if it is well-formed; anything else is refused by the caller. */
    static Optional<Id> parse(String componentId) {
        Matcher matcher = ID.matcher(componentId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Id(
                    matcher.group(1).equals("rm"),
                    Long.parseLong(matcher.group(2)),
                    Long.parseUnsignedLong(matcher.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String format(String kind, long conversationId, long teacherUserId) {
        return DiscordLimits.customId(
                PREFIX + kind + ":" + conversationId + ":" + Long.toUnsignedString(teacherUserId));
    }
}
