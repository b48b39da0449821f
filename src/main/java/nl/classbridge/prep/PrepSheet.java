package nl.classbridge.prep;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.RoundInsight;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ChildView;
import nl.classbridge.domain.Confirmation;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;

/**
 * Everything the teacher reads before a conversation about one child, gathered by
 * {@link Preparation}: the facts, in the order of the conversation, before any words are chosen.
 * Personal data for the class's teachers only.
 *
 * @param conversation the conversation coming up, or else the last one held
 * @param highlights   the class's recent highlights, newest first
 * @param families     every guardian linked to the child now, with what they told
 * @param wellBeing    the child's well-being in the latest check-in that asked it, with the scale
 * @param childViews   what the child said, newest first
 * @param teacherAsks  what the teacher asks of parents, in the teacher's language
 * @param agreements   the child's agreements, open ones first, with each guardian's answer
 * @param lastHeld     the last conversation held, with the families' answers afterwards
 * @param questions    open questions to ask, from the gaps ({@link QuestionsToAsk})
 */
public record PrepSheet(
        SchoolClass schoolClass,
        Student student,
        Instant preparedAt,
        Optional<ParentConversation> conversation,
        List<Highlight> highlights,
        List<Family> families,
        Optional<WellBeing> wellBeing,
        List<ChildView> childViews,
        Optional<String> teacherAsks,
        List<AgreementState> agreements,
        Optional<Held> lastHeld,
        List<QuestionToAsk> questions) {

    public PrepSheet {
        highlights = List.copyOf(highlights);
        families = List.copyOf(families);
        childViews = List.copyOf(childViews);
        agreements = List.copyOf(agreements);
        questions = List.copyOf(questions);
    }

    PrepSheet withQuestions(List<QuestionToAsk> asked) {
        return new PrepSheet(
                schoolClass,
                student,
                preparedAt,
                conversation,
                highlights,
                families,
                wellBeing,
                childViews,
                teacherAsks,
                agreements,
                lastHeld,
                asked);
    }

    /**
     * What goes well, in the families' words: the start-of-year "what goes well at home", each
     * check-in's "one thing that went well", and "what goes well at home" before this conversation.
     */
    public List<Quote> strengths() {
        return quotes(List.of(
                new Asked(RoundKind.START_OF_YEAR, FamilyQuestions.GOING_WELL),
                new Asked(RoundKind.CHECK_IN, FamilyQuestions.WENT_WELL),
                new Asked(RoundKind.BEFORE, FamilyQuestions.GOING_WELL_AT_HOME)));
    }

    /** The child's role: what they need to feel happy and safe in class. */
    public List<Quote> childNeeds() {
        return quotes(List.of(new Asked(RoundKind.START_OF_YEAR, FamilyQuestions.HAPPY_AND_SAFE)));
    }

    /** The parents' role: how they would like to help the class. */
    public List<Quote> parentsOffer() {
        return quotes(List.of(
                new Asked(RoundKind.START_OF_YEAR, FamilyQuestions.HELP_THE_CLASS),
                new Asked(RoundKind.START_OF_YEAR, FamilyQuestions.HELP_THE_CLASS_MORE)));
    }

    /** The teacher's role as the parents see it: how the teacher can support them at home. */
    public List<Quote> parentsAsk() {
        return quotes(List.of(new Asked(RoundKind.START_OF_YEAR, FamilyQuestions.SUPPORT_AT_HOME)));
    }

    /** One family's answer quoted elsewhere on the sheet. */
    public record Quote(Family family, Told told, Said said) {}

    private record Asked(RoundKind kind, String questionId) {}

    /** The answers to the {@code asked} questions, family by family, each family's in round order. */
    private List<Quote> quotes(List<Asked> asked) {
        List<Quote> quotes = new java.util.ArrayList<>();
        for (Family family : families) {
            for (Told told : family.told()) {
                for (Asked one : asked) {
                    if (told.kind() == one.kind()) {
                        told.given(one.questionId()).ifPresent(said -> quotes.add(new Quote(family, told, said)));
                    }
                }
            }
        }
        return List.copyOf(quotes);
    }

    /** Whether any family answered anything about the child. */
    public boolean anyAnswers() {
        return families.stream().anyMatch(family -> !family.told().isEmpty());
    }

    /**
     * A guardian of the child, as the teacher knows them.
     *
     * @param name  their Discord name as they joined, or their email address; empty if neither is known
     * @param told  the rounds they answered, oldest first (the after-conversation answers are in {@link Held})
     */
    public record Family(Guardian guardian, Optional<String> name, List<Told> told) {
        public Family {
            told = List.copyOf(told);
        }
    }

    /** Which part of the year a round was. */
    public enum RoundKind {
        /** The start-of-year conversation's questionnaire. */
        START_OF_YEAR,
        /** A check-in for the whole class. */
        CHECK_IN,
        /** The questionnaire before the coming conversation. */
        BEFORE,
        /** The questionnaire after the last conversation held. */
        AFTER
    }

    /** One round one guardian answered: each question asked with their answer, in the questionnaire's order. */
    public record Told(
            CheckinRound round,
            Questionnaire questionnaire,
            RoundKind kind,
            List<Said> said,
            Optional<Answer> emailNote) {
        public Told {
            said = List.copyOf(said);
        }

        /** The answer to {@code questionId}, if they gave one (not skipped). */
        public Optional<Said> given(String questionId) {
            return said.stream()
                    .filter(s ->
                            s.question().id().equals(questionId) && !s.answer().skipped())
                    .findFirst();
        }
    }

    /**
     * A question and its answer.
     *
     * @param before for the well-being scale, the same guardian's point the last time before this
     *               that they answered that questionnaire, if they did
     */
    public record Said(Question question, Answer answer, Optional<Integer> before) {}

    /** The child's well-being now and before, as {@code /checkin results} counts it, on {@code scale}. */
    public record WellBeing(Question scale, RoundInsight.ChildWellBeing child) {}

    /** An agreement and each asked guardian's answer to it. */
    public record AgreementState(Agreement agreement, List<Stand> stands) {
        public AgreementState {
            stands = List.copyOf(stands);
        }
    }

    /** Where one guardian stands on an agreement. */
    public record Stand(Family family, Confirmation confirmation) {}

    /** The last conversation held, and what each family answered after it. */
    public record Held(ParentConversation conversation, List<FamilyTold> after) {
        public Held {
            after = List.copyOf(after);
        }
    }

    /** A family with one round they answered. */
    public record FamilyTold(Family family, Told told) {}
}
