package nl.classbridge.delivery;

import java.time.Instant;
import nl.classbridge.domain.DeliveryChannel;

/**
 * Every dedupe key of the outbox, in one place: what makes a message "the same message" for each
 * kind of row. A key names ids and instants only, never a name or an address, and must stay as it
 * is once rows with it exist: a changed format would send again what was sent.
 */
public final class DedupeKeys {
    private DedupeKeys() {}

    /** The one DM that opens a round for a family (about their first child): {@code checkin:7:guardian:12:dm}. */
    public static String greeting(long roundId, long guardianId) {
        return "checkin:" + roundId + ":guardian:" + guardianId + ":dm";
    }

    /** The one reminder of a round to a family, by DM or by email. */
    public static String reminder(long roundId, long guardianId, DeliveryChannel channel) {
        return "checkin:" + roundId + ":guardian:" + guardianId + ":"
                + (channel == DeliveryChannel.EMAIL ? "reminder-email" : "reminder-dm");
    }

    /**
     * The greeting about a family's next child, sent in the conversation after they finished the
     * one before: once per request, however often Done is pressed.
     */
    public static String nextChildGreeting(long roundId, long requestId) {
        return "checkin:" + roundId + ":request:" + requestId + ":dm";
    }

    /** The questions about one child by email, whichever way email came to be the channel. */
    public static String questionnaireEmail(long roundId, long requestId) {
        return "checkin:" + roundId + ":request:" + requestId + ":email";
    }

    /** The confirmation of one email reply, by that reply's Message-ID. */
    public static String confirmation(long roundId, String replyMessageId) {
        return "checkin:" + roundId + ":reply:" + replyMessageId + ":confirmation";
    }

    /** The answer, once per request, to replies that came after the round closed. */
    public static String roundClosed(long roundId, long requestId) {
        return "checkin:" + roundId + ":request:" + requestId + ":round-closed";
    }

    /**
     * The bot's answer to one message a person typed in a DM, by the id Discord gave that message:
     * one answer per message, also when the event arrives twice.
     */
    public static String answerToDirectMessage(String messageId) {
        return "dm:" + messageId + ":answer";
    }

    /**
     * A class update's rows and notes about one run: {@code update:3:1793106000000:channel}; the
     * {@code what} is {@code channel}, {@code missed}, {@code skipped} or {@code reminder}.
     */
    public static String update(long classId, Instant runAt, String what) {
        return "update:" + classId + ":" + runAt.toEpochMilli() + ":" + what;
    }

    /** The email copy of a class update for one family. */
    public static String updateEmail(long classId, Instant runAt, long guardianId) {
        return update(classId, runAt, "guardian:" + guardianId + ":email");
    }

    /** The teacher told that a family stopped being reachable on a channel, once per child. */
    public static String unreachableNotice(DeliveryChannel channel, long guardianId, long studentId) {
        return "notice:" + channel.code() + ":guardian:" + guardianId + ":student:" + studentId;
    }

    /** The former teacher told that their class was taken over, at that moment. */
    public static String takeOverNotice(long classId, Instant at) {
        return "notice:takeover:class:" + classId + ":at:" + at.toEpochMilli();
    }

    /** A note to a teacher about a mail the bot received ({@code ref} is the mail's place in the mailbox). */
    public static String mailboxNote(String mailRef, String messageKey, long classId) {
        return "mailbox:" + mailRef + ":" + messageKey + ":class:" + classId;
    }

    /** One agreement to confirm, to one guardian, by DM or by email. */
    public static String agreementAsk(long agreementId, long guardianId, DeliveryChannel channel) {
        return "agreement:" + agreementId + ":guardian:" + guardianId + ":" + channelPart(channel);
    }

    /** The teacher told once per answer that a guardian sees an agreement differently. */
    public static String agreementDiffers(long agreementId, long guardianId, Instant answeredAt) {
        return "agreement:" + agreementId + ":guardian:" + guardianId + ":differs:" + answeredAt.toEpochMilli();
    }

    /** The align-again reminder about one child on one day, to one guardian by DM or by email. */
    public static String alignAgain(long studentId, java.time.LocalDate day, long guardianId, DeliveryChannel channel) {
        return "align:student:" + studentId + ":" + day + ":guardian:" + guardianId + ":" + channelPart(channel);
    }

    /** The align-again reminder about one child on one day, to the class's teacher. */
    public static String alignAgainTeacher(long studentId, java.time.LocalDate day) {
        return "align:student:" + studentId + ":" + day + ":teacher";
    }

    /** The code that confirms a family's new email address, once per request (the instant it was asked). */
    public static String preferencesEmailCode(long guardianId, Instant askedAt) {
        return preferencesEmailCodes(guardianId) + askedAt.toEpochMilli();
    }

    /** What every code mail of one family's keys starts with: for counting how many went out lately. */
    public static String preferencesEmailCodes(long guardianId) {
        return "preferences:guardian:" + guardianId + ":email-code:";
    }

    /** The old address told that the family's address changed, once per change. */
    public static String preferencesEmailChanged(long guardianId, Instant changedAt) {
        return "preferences:guardian:" + guardianId + ":email-changed:" + changedAt.toEpochMilli();
    }

    /** The answer to a family's PREFERENCES mail, once per mail handled (the instant it was read). */
    public static String preferencesReply(long guardianId, Instant readAt) {
        return "preferences:guardian:" + guardianId + ":reply:" + readAt.toEpochMilli();
    }

    /**
     * A teacher told that a parent of a child in their class was forgotten, at that moment. The key
     * names no guardian: the guardian is gone by then.
     */
    public static String forgetMeNotice(long classId, long teacherUserId, Instant at) {
        return "notice:forget-me:class:" + classId + ":teacher:" + teacherUserId + ":at:" + at.toEpochMilli();
    }

    /** A family's data sent by email, once per request (the moment the request was taken). */
    public static String myDataEmail(long guardianId, Instant askedAt) {
        return "privacy:my-data:guardian:" + guardianId + ":at:" + askedAt.toEpochMilli();
    }

    /** The code that confirms an erasure by email, once per request. */
    public static String forgetMeCodeEmail(long guardianId, Instant askedAt) {
        return "privacy:forget-me:guardian:" + guardianId + ":at:" + askedAt.toEpochMilli();
    }

    private static String channelPart(DeliveryChannel channel) {
        return channel == DeliveryChannel.EMAIL ? "email" : "dm";
    }
}
