package nl.classbridge.checkin;

import java.util.Optional;
import nl.classbridge.checkin.questionnaire.AnswerCheck;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;

/** What the bot answers a parent's action in a check-in conversation. */
public sealed interface Reply {

    /**
     * The action was taken; show this step next. The request and its round are as the action left
     * them, so showing the step need not read them again.
     */
    record Show(CheckinRequest request, CheckinRound round, Step step) implements Reply {}

    /** The answer could not be used (unclear, empty, too long); the same question again. */
    record Refused(CheckinRequest request, Step step, AnswerCheck why) implements Reply {}

    /** A required question cannot be skipped; the same question again. */
    record CannotSkip(CheckinRequest request, Step step) implements Reply {}

    /**
     * Done with this child; thanks, and the next child's check-in if there is one (its greeting is
     * queued in the outbox, once).
     */
    record Finished(CheckinRequest request, Optional<CheckinRequest> nextChild) implements Reply {}

    /** A button from another guardian's message: nothing changes. */
    record NotYours() implements Reply {}

    /**
     * The parent is no longer linked to this child (the teacher removed them, or the child), or the
     * check-in was taken back: nothing changes.
     */
    record NoLongerLinked() implements Reply {}

    /** The round is closed (deadline passed or closed by the teacher): nothing changes. */
    record Closed() implements Reply {}

    /** A message typed while no check-in is open for this parent. */
    record NothingOpen() implements Reply {}
}
