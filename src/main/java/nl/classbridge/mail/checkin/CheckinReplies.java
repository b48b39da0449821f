package nl.classbridge.mail.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.CheckinContexts;
import nl.classbridge.checkin.CheckinMail;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.questionnaire.AnswerCheck;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Guardian;
import nl.classbridge.mail.reply.ParsedMail;
import nl.classbridge.messages.Messages;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.GuardianRepository;

/**
 * A verified email reply to a check-in becomes answers like any other: stored through
 * {@link Conversations}, words that belong to no question kept for the teacher, and confirmed by
 * email with what was understood. Whether the reply may be taken at all (its token, its sender)
 * is decided before, in {@code mail.trust}; this class is only ever given a reply of the family
 * the request belongs to.
 */
public final class CheckinReplies {
    /** Question id under which words that belong to no question are kept for the teacher. */
    private final Database database;

    private final CheckinRepository checkins;
    private final GuardianRepository guardians;
    private final Conversations conversations;
    private final CheckinContexts contexts;
    private final Messages messages;
    private final Outbox outbox;
    private final java.time.Clock clock;

    public CheckinReplies(
            Database database,
            CheckinRepository checkins,
            GuardianRepository guardians,
            Conversations conversations,
            CheckinContexts contexts,
            Messages messages,
            Outbox outbox,
            java.time.Clock clock) {
        this.database = database;
        this.checkins = checkins;
        this.guardians = guardians;
        this.conversations = conversations;
        this.contexts = contexts;
        this.messages = messages;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What became of a verified reply. */
    public enum Outcome {
        /** Answers (or words for the teacher) were stored and a confirmation queued. */
        ANSWERS,
        /** The round was closed: nothing stored; the family is told by email. */
        ROUND_CLOSED,
        /** The family's link to the child ended (the teacher removed it): nothing stored. */
        NO_LONGER_LINKED
    }

    /**
     * Stores the answers of {@code reply} for {@code request}, which is {@code guardian}'s.
     *
     * @param replyId the reply's Message-ID, for the confirmation to answer
     */
    public Outcome answer(CheckinRequest request, Guardian guardian, ParsedMail.Reply reply, String replyId) {
        if (!guardians.isLinked(guardian.id(), request.studentId())) {
            // As on Discord: a family no longer linked to the child changes nothing about the child.
            return Outcome.NO_LONGER_LINKED;
        }
        CheckinRound round = checkins.findRound(request.roundId()).orElseThrow();
        if (!round.openAt(clock.instant())) {
            outbox.enqueue(CheckinMail.roundClosed(round.classId(), round, request));
            return Outcome.ROUND_CLOSED;
        }
        return database.transaction(() -> {
            CheckinContext context = contexts.of(request);
            List<Question> asked = context.questionnaire().asked();
            List<String> understood = new ArrayList<>();
            boolean unreadable = !reply.unnumbered().isBlank();
            for (Map.Entry<Integer, String> answer : reply.numbered().entrySet()) {
                int number = answer.getKey();
                if (number < 1 || number > asked.size()) {
                    unreadable = true;
                    continue;
                }
                Question question = asked.get(number - 1);
                AnswerCheck check = question.check(answer.getValue());
                if (check instanceof AnswerCheck.Accepted accepted) {
                    conversations.answer(
                            request.id(), guardian.id(), question.id(), answer.getValue(), AnswerSource.EMAIL);
                    understood.add(number + ". "
                            + AnswerDisplay.show(
                                    question, accepted.value(), context.language(), messages, context.chain()));
                } else {
                    unreadable = true;
                }
            }
            if (!reply.unnumbered().isBlank()) {
                checkins.saveAnswer(Answer.given(
                        request.id(), Answer.EMAIL_NOTE, reply.unnumbered(), AnswerSource.EMAIL, clock.instant()));
            }
            if (!reply.numbered().isEmpty()) {
                skipLeftOut(request, guardian, asked);
            }
            outbox.enqueue(CheckinMail.confirmation(round.classId(), round, request, replyId, understood, unreadable));
            return Outcome.ANSWERS;
        });
    }

    /** In a reply, an optional question left out is skipped, so the check-in can be complete. */
    private void skipLeftOut(CheckinRequest request, Guardian guardian, List<Question> asked) {
        List<String> answered =
                checkins.answers(request.id()).stream().map(Answer::questionId).toList();
        for (Question question : asked) {
            if (!question.required() && !answered.contains(question.id())) {
                conversations.skip(request.id(), guardian.id(), question.id(), AnswerSource.EMAIL);
            }
        }
    }
}
