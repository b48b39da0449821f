package nl.classbridge.checkin;

import java.util.List;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Student;

/**
 * Who answered a round, who is still open and who cannot be reached, for the teacher's eyes
 * only. One line per guardian per child.
 */
public record RoundStatus(CheckinRound round, Questionnaire questionnaire, List<Line> lines) {

    /** Where one guardian's check-in about one child stands. */
    public enum State {
        ANSWERED,
        /** Started, not finished. */
        IN_PROGRESS,
        /** The greeting or the questions went out; nothing answered yet. */
        SENT,
        /** Waiting in the outbox (quiet hours, the pace of a fan-out). */
        PENDING,
        /** Discord does not reach the family and there is no email to fall back to. */
        UNREACHABLE,
        /** Asked by email, and the mail bounced: the teacher needs a new address. */
        BOUNCED
    }

    public record Line(
            Student student, Guardian guardian, ContactChannel channel, State state, CheckinRequest request) {}

    public long answered() {
        return lines.stream().filter(line -> line.state() == State.ANSWERED).count();
    }
}
