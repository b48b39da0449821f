package nl.classbridge.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.classbridge.checkin.questionnaire.AnswerCheck;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.GuardianRepository;

/**
 * A parent's side of a check-in: begin, answer, skip, change an answer, finish. The same calls
 * serve a button, a modal, a typed DM and an email reply. State lives in the store, so a
 * conversation goes on after a restart with the same buttons.
 */
public final class Conversations {
    private final Database database;
    private final CheckinRepository checkins;
    private final GuardianRepository guardians;
    private final QuestionnaireVersions versions;
    private final Outbox outbox;
    private final ContactAsked contactAsked;
    private final Clock clock;

    public Conversations(
            Database database,
            CheckinRepository checkins,
            GuardianRepository guardians,
            QuestionnaireVersions versions,
            Outbox outbox,
            ContactAsked contactAsked,
            Clock clock) {
        this.database = database;
        this.checkins = checkins;
        this.guardians = guardians;
        this.versions = versions;
        this.outbox = outbox;
        this.contactAsked = contactAsked;
        this.clock = clock;
    }

    /** The step the request is at now, for showing it again (after a restart, or on request). */
    public Reply current(long requestId, long guardianId) {
        return withRequest(requestId, guardianId, (request, round, conversation) -> show(request, round, conversation));
    }

    /** The parent pressed Start: the first question. */
    public Reply begin(long requestId, long guardianId) {
        return withRequest(requestId, guardianId, (request, round, conversation) -> {
            if (request.status() != RequestStatus.PENDING) {
                return show(request, round, conversation);
            }
            return move(request, round, conversation, conversation.firstPosition());
        });
    }

    /** An answer to {@code questionId}, as a button value, a choice, or typed text. */
    public Reply answer(long requestId, long guardianId, String questionId, String raw, AnswerSource source) {
        return withRequest(requestId, guardianId, answering(questionId, raw, source));
    }

    /**
     * An answer to the question at {@code index} of the request's questionnaire, as a button, select
     * or modal numbers it; {@code raw} gives the answer for that question (empty: the component does
     * not fit it). A component naming no such question is not this parent's: nothing changes.
     */
    public Reply answerAt(
            long requestId, long guardianId, int index, Function<Question, Optional<String>> raw, AnswerSource source) {
        return withQuestion(
                requestId,
                guardianId,
                index,
                question -> raw.apply(question).map(value -> answering(question.id(), value, source)));
    }

    private Action answering(String questionId, String raw, AnswerSource source) {
        return (request, round, conversation) -> {
            Optional<Integer> position = conversation.positionOf(questionId);
            if (position.isEmpty()) {
                return show(request, round, conversation);
            }
            Question question = conversation.questionnaire().questions().get(position.get());
            AnswerCheck check = question.check(raw);
            if (!(check instanceof AnswerCheck.Accepted accepted)) {
                return new Reply.Refused(request, conversation.stepAt(position.get()), check);
            }
            Answer answer = Answer.given(request.id(), questionId, accepted.value(), source, clock.instant());
            checkins.saveAnswer(answer);
            question.plan().ifPresent(field -> updatePlan(request.guardianId(), field, accepted.value()));
            contactAsked.answered(round, request, question, accepted.value());
            return afterAnswer(request, round, conversation.with(answer), position.get());
        };
    }

    /**
     * A typed DM: an answer to the question the parent is at in their oldest open check-in. A
     * check-in not started yet is started by any message (a parent who writes "hoi" means "let's
     * begin"), and the first question is shown.
     */
    public Reply typed(long guardianId, String text) {
        List<CheckinRequest> open = checkins.openRequestsOf(guardianId).stream()
                .filter(request -> isOpen(request.roundId()) && guardians.isLinked(guardianId, request.studentId()))
                .toList();
        Optional<CheckinRequest> active = open.stream()
                .filter(request -> request.status() == RequestStatus.IN_PROGRESS)
                .findFirst()
                .or(() -> open.stream().findFirst());
        if (active.isEmpty()) {
            return new Reply.NothingOpen();
        }
        if (active.get().status() == RequestStatus.PENDING) {
            return begin(active.get().id(), guardianId);
        }
        Reply current = current(active.get().id(), guardianId);
        if (current instanceof Reply.Show show && show.step() instanceof Step.Ask ask) {
            return answer(active.get().id(), guardianId, ask.question().id(), text, AnswerSource.DISCORD_TEXT);
        }
        return current;
    }

    /** Skips an optional question, with a button. */
    public Reply skip(long requestId, long guardianId, String questionId) {
        return skip(requestId, guardianId, questionId, AnswerSource.DISCORD_BUTTON);
    }

    /** Skips an optional question; by email, leaving it out of the reply is the skip. */
    public Reply skip(long requestId, long guardianId, String questionId, AnswerSource source) {
        return withRequest(requestId, guardianId, skipping(questionId, source));
    }

    /** Skips the question at {@code index} of the request's questionnaire, with a button. */
    public Reply skipAt(long requestId, long guardianId, int index) {
        return withQuestion(
                requestId,
                guardianId,
                index,
                question -> Optional.of(skipping(question.id(), AnswerSource.DISCORD_BUTTON)));
    }

    private Action skipping(String questionId, AnswerSource source) {
        return (request, round, conversation) -> {
            Optional<Integer> position = conversation.positionOf(questionId);
            if (position.isEmpty()) {
                return show(request, round, conversation);
            }
            if (conversation.questionnaire().questions().get(position.get()).required()) {
                return new Reply.CannotSkip(request, conversation.stepAt(position.get()));
            }
            Answer skipped = Answer.skipped(request.id(), questionId, source, clock.instant());
            checkins.saveAnswer(skipped);
            return afterAnswer(request, round, conversation.with(skipped), position.get());
        };
    }

    /** From the summary: ask {@code questionId} again; after the new answer the summary returns. */
    public Reply change(long requestId, long guardianId, String questionId) {
        return withRequest(requestId, guardianId, changing(questionId));
    }

    /** From the summary: ask the question at {@code index} of the request's questionnaire again. */
    public Reply changeAt(long requestId, long guardianId, int index) {
        return withQuestion(requestId, guardianId, index, question -> Optional.of(changing(question.id())));
    }

    private Action changing(String questionId) {
        return (request, round, conversation) -> conversation
                .positionOf(questionId)
                .map(position -> move(request, round, conversation, position))
                .orElseGet(() -> show(request, round, conversation));
    }

    /**
     * The parent pressed Done on the summary: thanks, and the next child's check-in if any. The next
     * child's greeting is a DM of its own, so it is queued in the outbox (in the conversation: at once),
     * and its dedupe key greets once however often Done arrives.
     */
    public Reply finish(long requestId, long guardianId) {
        return withRequest(requestId, guardianId, (request, round, conversation) -> {
            if (!conversation.complete()) {
                return show(request, round, conversation);
            }
            Optional<CheckinRequest> next = checkins.openRequestsOf(guardianId).stream()
                    .filter(other -> other.id() != request.id() && isOpen(other.roundId()))
                    .findFirst();
            next.ifPresent(child -> {
                CheckinRound childRound = checkins.findRound(child.roundId()).orElseThrow();
                outbox.enqueue(CheckinMail.nextChildGreeting(childRound.classId(), childRound, child));
            });
            return new Reply.Finished(request, next);
        });
    }

    /**
     * The step at {@code position} of a request as it is stored now ({@link CheckinMail#GREETING_POSITION}
     * for the greeting), to show it in a message of its own; empty when the request is gone.
     */
    public Optional<Step> stepAt(long requestId, int position) {
        return checkins.findRequest(requestId)
                .flatMap(request -> checkins.findRound(request.roundId()).map(round -> {
                    if (position == CheckinMail.GREETING_POSITION) {
                        return new Step.Greeting();
                    }
                    return new Conversation(versions.get(round.questionnaireVersionId()), checkins.answers(requestId))
                            .stepAt(position);
                }));
    }

    private interface Action {
        Reply apply(CheckinRequest request, CheckinRound round, Conversation conversation);
    }

    /**
     * Loads the request, checks it is this guardian's, that they are still linked to the child and
     * that its round is open, and acts in one transaction. A request that is gone was taken back
     * when the family's link to the child ended.
     */
    private Reply withRequest(long requestId, long guardianId, Action action) {
        return checked(requestId, guardianId, round -> Optional.of(action));
    }

    /**
     * As {@link #withRequest}, for a component that names a question by its index: the question is
     * looked up first (a component naming no question of the request is not this parent's, whatever
     * else holds), in the same transaction, so a press reads request and round once.
     */
    private Reply withQuestion(long requestId, long guardianId, int index, Function<Question, Optional<Action>> act) {
        return checked(requestId, guardianId, round -> {
            List<Question> questions =
                    versions.get(round.questionnaireVersionId()).questions();
            return index >= 0 && index < questions.size() ? act.apply(questions.get(index)) : Optional.empty();
        });
    }

    /** The checks in the order a parent's refusals depend on; {@code choose} empty means "not yours". */
    private Reply checked(long requestId, long guardianId, Function<CheckinRound, Optional<Action>> choose) {
        return database.transaction(() -> {
            Optional<CheckinRepository.RequestAndLink> found = checkins.findRequestAndLink(requestId);
            if (found.isEmpty()) {
                return new Reply.NoLongerLinked();
            }
            CheckinRequest request = found.get().request();
            CheckinRound round = checkins.findRound(request.roundId()).orElseThrow();
            Optional<Action> action = choose.apply(round);
            if (action.isEmpty() || request.guardianId() != guardianId) {
                return new Reply.NotYours();
            }
            // The request is this guardian's, so its link is theirs.
            if (!found.get().linked()) {
                return new Reply.NoLongerLinked();
            }
            if (!round.openAt(clock.instant())) {
                return new Reply.Closed();
            }
            Questionnaire questionnaire = versions.get(round.questionnaireVersionId());
            Conversation conversation = new Conversation(questionnaire, checkins.answers(request.id()));
            return action.get().apply(request, round, conversation);
        });
    }

    private Reply afterAnswer(CheckinRequest request, CheckinRound round, Conversation conversation, int answeredAt) {
        return move(request, round, conversation, conversation.nextOpenAfter(answeredAt));
    }

    /**
     * Stores the new position (and completion) and shows the step there. The request is not read
     * back: this transaction holds the only writer, so it is what was read with the update applied
     * (the completion time as the store keeps it, in milliseconds).
     */
    private Reply move(CheckinRequest request, CheckinRound round, Conversation conversation, int position) {
        Instant now = clock.instant();
        RequestStatus status = conversation.complete()
                        && position >= conversation.questionnaire().questions().size()
                ? RequestStatus.ANSWERED
                : RequestStatus.IN_PROGRESS;
        checkins.updateProgress(request.id(), status, position, now);
        Optional<Instant> completedAt = status == RequestStatus.ANSWERED
                ? Optional.of(Instant.ofEpochMilli(now.toEpochMilli()))
                : request.completedAt();
        CheckinRequest moved = new CheckinRequest(
                request.id(),
                request.roundId(),
                request.guardianId(),
                request.studentId(),
                request.channel(),
                status,
                position,
                request.createdAt(),
                completedAt);
        return new Reply.Show(moved, round, conversation.stepAt(position));
    }

    private Reply show(CheckinRequest request, CheckinRound round, Conversation conversation) {
        return new Reply.Show(request, round, conversation.stepAt(request));
    }

    private boolean isOpen(long roundId) {
        return checkins.findRound(roundId)
                .map(round -> round.openAt(clock.instant()))
                .orElse(false);
    }

    /** An answer to a communication-plan question changes how the family is reached from now on. */
    private void updatePlan(long guardianId, nl.classbridge.checkin.questionnaire.PlanField field, String value) {
        Guardian guardian = guardians.find(guardianId).orElseThrow();
        CommunicationPlan plan = guardian.plan();
        CommunicationPlan updated = switch (field) {
            case CHANNEL ->
                Coded.fromCode(ContactChannel.class, value)
                        .map(plan::withChannel)
                        .orElse(plan);
            case LANGUAGE -> Language.fromCode(value).map(plan::withLanguage).orElse(plan);
            case CONTACT_TIMES -> plan.withContactTimes(value);
        };
        guardians.savePlan(guardianId, updated);
    }
}
