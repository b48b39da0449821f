package nl.classbridge.prep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.RoundInsight;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.checkin.questionnaire.QuestionnaireLoader;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.AgreementStatus;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ChildView;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.Confirmation;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each rule of {@link QuestionsToAsk}: it asks when there is a gap, and stays quiet when there is none. */
class QuestionsToAskTest {
    static final Instant NOW = Instant.parse("2026-10-05T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-10-05");
    static final SchoolClass CLASS =
            new SchoolClass(1, "Groep 5", 2, 3, Language.NL, ZoneId.of("Europe/Amsterdam"), 4, "Juf Anna", NOW);
    static final Student SAM = new Student(1, 1, "Sam", NOW);
    static final Guardian PARENT = new Guardian(
            7,
            Optional.of(701L),
            Optional.empty(),
            CommunicationPlan.defaultFor(ContactChannel.DISCORD),
            false,
            false,
            Optional.empty(),
            NOW);

    static Questionnaire startOfYear;
    static Questionnaire checkIn;
    static Questionnaire before;

    @BeforeAll
    static void load() throws Exception {
        var loaded =
                QuestionnaireLoader.loadAll(Path.of("config/questionnaires")).loaded();
        startOfYear = loaded.get("start-of-year").questionnaire();
        checkIn = loaded.get("check-in").questionnaire();
        before = QuestionnaireLoader.parse("before-conversation.yml", PrepFixture.BEFORE_CONVERSATION);
    }

    @Test
    @DisplayName("GIVEN the family asked for contact WHEN the questions are drawn THEN asking what about comes first;"
            + " GIVEN they did not THEN it is not asked")
    void askedForContact() {
        assertThat(questions(sheet(), context(true))).first().isEqualTo(new QuestionToAsk.AskedForContact());
        assertThat(questions(sheet(), context(false))).doesNotContain(new QuestionToAsk.AskedForContact());
    }

    @Test
    @DisplayName("GIVEN well-being fell from 5 to 3, is 2 now, fell from 4 to 1, or went from 5 to 4 WHEN the questions"
            + " are drawn THEN the fall is asked about, the low point is, the fall of a low point once, and 4 is not")
    void wellBeing() {
        Question scale = checkIn.question("feeling").orElseThrow();

        assertThat(wellBeingQuestions(scale, 3, Optional.of(5)))
                .containsExactly(new QuestionToAsk.WellBeingDropped(scale, 3, 5));
        assertThat(wellBeingQuestions(scale, 2, Optional.empty()))
                .containsExactly(new QuestionToAsk.WellBeingLow(scale, 2));
        assertThat(wellBeingQuestions(scale, 1, Optional.of(4)))
                .containsExactly(new QuestionToAsk.WellBeingDropped(scale, 1, 4));
        assertThat(wellBeingQuestions(scale, 4, Optional.of(5))).isEmpty();
        assertThat(wellBeingQuestions(scale, 3, Optional.empty())).isEmpty();
    }

    @Test
    @DisplayName("GIVEN one parent sees an agreement differently and another agreement is confirmed or not answered"
            + " WHEN the questions are drawn THEN only the first is asked about")
    void seenDifferently() {
        Agreement differs = agreement(1, AgreementStatus.OPEN, Optional.empty());
        Agreement confirmed = agreement(2, AgreementStatus.OPEN, Optional.empty());
        Agreement unanswered = agreement(3, AgreementStatus.OPEN, Optional.empty());
        PrepSheet sheet = sheet(List.of(
                state(differs, ConfirmationStatus.CONFIRMED, ConfirmationStatus.DIFFERS),
                state(confirmed, ConfirmationStatus.CONFIRMED),
                state(unanswered, ConfirmationStatus.ASKED)));

        assertThat(questions(sheet, context(false)))
                .filteredOn(QuestionToAsk.SeenDifferently.class::isInstance)
                .containsExactly(new QuestionToAsk.SeenDifferently(differs));
    }

    @Test
    @DisplayName("GIVEN open agreements to align again yesterday, today and tomorrow, one without a day and a done one"
            + " past its day WHEN the questions are drawn THEN yesterday's and today's are asked about")
    void alignAgain() {
        Agreement yesterday = agreement(1, AgreementStatus.OPEN, Optional.of(TODAY.minusDays(1)));
        Agreement today = agreement(2, AgreementStatus.OPEN, Optional.of(TODAY));
        Agreement tomorrow = agreement(3, AgreementStatus.OPEN, Optional.of(TODAY.plusDays(1)));
        Agreement noDay = agreement(4, AgreementStatus.OPEN, Optional.empty());
        Agreement done = agreement(5, AgreementStatus.DONE, Optional.of(TODAY.minusDays(9)));
        PrepSheet sheet = sheet(List.of(yesterday, today, tomorrow, noDay, done).stream()
                .map(agreement -> state(agreement))
                .toList());

        assertThat(questions(sheet, context(false)))
                .filteredOn(QuestionToAsk.AlignAgain.class::isInstance)
                .containsExactly(new QuestionToAsk.AlignAgain(yesterday), new QuestionToAsk.AlignAgain(today));
    }

    @Test
    @DisplayName(
            "GIVEN no view of the child WHEN the questions are drawn THEN asking what the child says at home is one;"
                    + " GIVEN the child's view THEN it is not")
    void childView() {
        assertThat(questions(sheet(), context(false))).contains(new QuestionToAsk.NoChildView());
        PrepSheet withView = new PrepSheet(
                CLASS,
                SAM,
                NOW,
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(new ChildView(1, SAM.id(), Optional.empty(), "Gym is leuk", 4, NOW)),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of());
        assertThat(questions(withView, context(false))).doesNotContain(new QuestionToAsk.NoChildView());
    }

    @Test
    @DisplayName(
            "GIVEN the start of the year with 'what goes well' answered and 'what the child needs' skipped WHEN the"
                    + " questions are drawn THEN the needs and the support at home are asked, what goes well is not;"
                    + " GIVEN nobody answered THEN all three; GIVEN the school has no start-of-year questionnaire THEN none")
    void notAnsweredAtTheStartOfTheYear() {
        Question goingWell = startOfYear.question("going-well").orElseThrow();
        Question needs = startOfYear.question("happy-and-safe").orElseThrow();
        Question support = startOfYear.question("support-at-home").orElseThrow();
        PrepSheet answered = sheetWith(
                told(startOfYear, PrepSheet.RoundKind.START_OF_YEAR, given(goingWell, "Lego bouwen"), skipped(needs)));

        assertThat(notAnswered(answered, context(false))).containsExactly(needs, support);
        assertThat(notAnswered(sheet(), context(false))).containsExactly(goingWell, needs, support);
        assertThat(notAnswered(sheet(), new QuestionsToAsk.Context(Optional.empty(), Optional.empty(), TODAY, false)))
                .isEmpty();
    }

    @Test
    @DisplayName("GIVEN the questionnaire before the conversation with one question answered WHEN the questions are"
            + " drawn THEN the other is asked; GIVEN no questionnaire before THEN none of its questions")
    void notAnsweredBeforeTheConversation() {
        Question talkAbout = before.question("talk-about").orElseThrow();
        Question goingWell = before.question("going-well-at-home").orElseThrow();
        PrepSheet sheet = sheetWith(told(before, PrepSheet.RoundKind.BEFORE, given(talkAbout, "Slapen")));
        QuestionsToAsk.Context withBefore =
                new QuestionsToAsk.Context(Optional.empty(), Optional.of(before), TODAY, false);

        assertThat(notAnswered(sheet, withBefore)).containsExactly(goingWell);
        assertThat(notAnswered(sheet, new QuestionsToAsk.Context(Optional.empty(), Optional.empty(), TODAY, false)))
                .isEmpty();
    }

    @Test
    @DisplayName("GIVEN the start-of-year questionnaire as the one before a conversation, nothing answered WHEN the"
            + " questions are drawn THEN its communication-plan questions are never asked in a conversation")
    void planQuestionsAreNotConversation() {
        List<Question> asked = notAnswered(
                sheet(), new QuestionsToAsk.Context(Optional.empty(), Optional.of(startOfYear), TODAY, false));

        assertThat(asked).isNotEmpty().allMatch(question -> question.plan().isEmpty());
        assertThat(asked).extracting(Question::id).doesNotContain("channel", "language", "contact-times");
    }

    private static List<QuestionToAsk> wellBeingQuestions(Question scale, int now, Optional<Integer> before) {
        PrepSheet sheet = new PrepSheet(
                CLASS,
                SAM,
                NOW,
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.of(new PrepSheet.WellBeing(scale, new RoundInsight.ChildWellBeing(SAM, now, before))),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of());
        return questions(sheet, context(false)).stream()
                .filter(q -> q instanceof QuestionToAsk.WellBeingDropped || q instanceof QuestionToAsk.WellBeingLow)
                .toList();
    }

    private static List<Question> notAnswered(PrepSheet sheet, QuestionsToAsk.Context context) {
        List<Question> questions = new ArrayList<>();
        for (QuestionToAsk question : questions(sheet, context)) {
            if (question instanceof QuestionToAsk.NotAnswered notAnswered) {
                questions.add(notAnswered.question());
            }
        }
        return questions;
    }

    private static List<QuestionToAsk> questions(PrepSheet sheet, QuestionsToAsk.Context context) {
        return QuestionsToAsk.of(sheet, context);
    }

    private static QuestionsToAsk.Context context(boolean askedForContact) {
        return new QuestionsToAsk.Context(Optional.of(startOfYear), Optional.empty(), TODAY, askedForContact);
    }

    private static PrepSheet sheet() {
        return sheet(List.of());
    }

    private static PrepSheet sheet(List<PrepSheet.AgreementState> agreements) {
        return new PrepSheet(
                CLASS,
                SAM,
                NOW,
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                agreements,
                Optional.empty(),
                List.of());
    }

    private static PrepSheet sheetWith(PrepSheet.Told told) {
        return new PrepSheet(
                CLASS,
                SAM,
                NOW,
                Optional.empty(),
                List.of(),
                List.of(new PrepSheet.Family(PARENT, Optional.empty(), List.of(told))),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of());
    }

    private static PrepSheet.Told told(Questionnaire questionnaire, PrepSheet.RoundKind kind, PrepSheet.Said... said) {
        CheckinRound round =
                new CheckinRound(1, 1, 1, "token", 4, NOW, NOW, Optional.empty(), Optional.empty(), Optional.empty());
        return new PrepSheet.Told(round, questionnaire, kind, List.of(said), Optional.empty());
    }

    private static PrepSheet.Said given(Question question, String value) {
        return new PrepSheet.Said(
                question, Answer.given(1, question.id(), value, AnswerSource.DISCORD_TEXT, NOW), Optional.empty());
    }

    private static PrepSheet.Said skipped(Question question) {
        return new PrepSheet.Said(
                question, Answer.skipped(1, question.id(), AnswerSource.DISCORD_TEXT, NOW), Optional.empty());
    }

    private static Agreement agreement(long id, AgreementStatus status, Optional<LocalDate> alignAgainOn) {
        return new Agreement(
                id,
                SAM.id(),
                Optional.empty(),
                "Afspraak " + id,
                AgreementOwner.TOGETHER,
                alignAgainOn,
                status,
                4,
                NOW,
                Optional.empty(),
                Optional.empty());
    }

    private static PrepSheet.AgreementState state(Agreement agreement, ConfirmationStatus... stands) {
        List<PrepSheet.Stand> all = new ArrayList<>();
        PrepSheet.Family family = new PrepSheet.Family(PARENT, Optional.empty(), List.of());
        for (ConfirmationStatus status : stands) {
            all.add(new PrepSheet.Stand(
                    family,
                    new Confirmation(
                            agreement.id(),
                            PARENT.id(),
                            status,
                            status == ConfirmationStatus.DIFFERS ? Optional.of("Anders") : Optional.empty(),
                            NOW,
                            Optional.of(NOW))));
        }
        return new PrepSheet.AgreementState(agreement, all);
    }
}
