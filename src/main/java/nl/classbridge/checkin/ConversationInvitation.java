package nl.classbridge.checkin;

import java.util.Map;

/**
 * The line that opens the questions before a parent conversation, on Discord and by email alike:
 * which conversation they prepare and when it is, in the family's language.
 */
public final class ConversationInvitation {
    private ConversationInvitation() {}

    /** The catalogue key: with the time when the teacher set one. */
    public static String key(CheckinContext.Meeting meeting) {
        return meeting.time().isPresent() ? "conversation.family.invitation-at" : "conversation.family.invitation";
    }

    public static Map<String, String> values(CheckinContext.Meeting meeting, CheckinContext context) {
        return Map.of(
                "teacher", context.teacher(),
                "child", context.child(),
                "day", meeting.day(),
                "time", meeting.time().orElse(""));
    }
}
