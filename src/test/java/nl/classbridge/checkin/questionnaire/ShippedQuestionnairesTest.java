package nl.classbridge.checkin.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuestionnaireVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shipped questionnaires in config/questionnaires")
class ShippedQuestionnairesTest {

    // Maven runs the tests with the project root as working directory.
    private static final Path SHIPPED = Path.of("config", "questionnaires");

    LoadResult result;

    @BeforeEach
    void setUp() {
        result = QuestionnaireLoader.loadAll(SHIPPED);
    }

    private Questionnaire questionnaire(String id) {
        return result.loaded().get(id).questionnaire();
    }

    @Test
    @DisplayName("all load without problems")
    void loadWithoutProblems() {
        // GIVEN the shipped folder  WHEN it is loaded  THEN all three are there and nothing is wrong
        assertThat(result.problems()).isEmpty();
        assertThat(result.loaded().keySet())
                .containsExactlyInAnyOrder("after-conversation", "before-conversation", "check-in", "start-of-year");
    }

    @Test
    @DisplayName("start-of-year starts with what goes well, tells what the teacher needs, and ends with the plan")
    void startOfYear() {
        // GIVEN the start-of-year questionnaire
        Questionnaire startOfYear = questionnaire("start-of-year");

        // WHEN its questions are listed
        // THEN they come in the file's order, with their types and plan fields
        assertThat(startOfYear.questions())
                .extracting(Question::id, Question::type)
                .containsExactly(
                        tuple("going-well", QuestionType.TEXT),
                        tuple("happy-and-safe", QuestionType.TEXT),
                        tuple("support-at-home", QuestionType.TEXT),
                        tuple("help-the-class", QuestionType.CHOICE),
                        tuple("help-the-class-more", QuestionType.TEXT),
                        tuple("teacher-needs", QuestionType.INFO),
                        tuple("channel", QuestionType.CHOICE),
                        tuple("language", QuestionType.CHOICE),
                        tuple("contact-times", QuestionType.CHOICE));
        assertThat(startOfYear.asked())
                .extracting(Question::id)
                .doesNotContain("teacher-needs")
                .hasSize(8);
        assertThat(startOfYear.question("teacher-needs").orElseThrow().required())
                .isFalse();
        assertThat(startOfYear.question("help-the-class-more").orElseThrow().maxLength())
                .isEqualTo(500);
        for (PlanField field : PlanField.values()) {
            assertThat(startOfYear.planQuestion(field)).map(Question::id).contains(field.code());
        }
        assertThat(startOfYear.question("language").orElseThrow().options())
                .extracting(Option::id)
                .containsExactly("nl", "en", "ar", "tr", "pl", "uk");
    }

    @Test
    @DisplayName("check-in asks how the child feels, what went well, what the teacher should know, and whether the"
            + " family would like to talk")
    void checkIn() {
        // GIVEN the check-in  WHEN its questions are listed  THEN they are these, in order
        Questionnaire checkIn = questionnaire("check-in");
        assertThat(checkIn.questions())
                .extracting(Question::id, Question::type, Question::required)
                .containsExactly(
                        tuple("feeling", QuestionType.SCALE, true),
                        tuple("went-well", QuestionType.TEXT, true),
                        tuple("good-to-know", QuestionType.TEXT, false),
                        tuple("talk", QuestionType.YES_NO, false));
        assertThat(checkIn.question("talk").orElseThrow().contact()).isTrue();
        assertThat(checkIn.question("feeling").orElseThrow().label(5, Language.NL))
                .isEqualTo("😄 Heel goed");
        assertThat(checkIn.title(Language.TR)).isEqualTo("Çocuğunuz nasıl?");
    }

    @Test
    @DisplayName("after-conversation asks about the conversation, the agreements and when to talk again")
    void afterConversation() {
        // GIVEN the feedback after a conversation  WHEN its questions are listed  THEN they are these, in order
        assertThat(questionnaire("after-conversation").questions())
                .extracting(Question::id, Question::type)
                .containsExactly(
                        tuple("room-for-your-story", QuestionType.SCALE),
                        tuple("agreements-clear", QuestionType.YES_NO),
                        tuple("next-check", QuestionType.CHOICE),
                        tuple("anything-else", QuestionType.TEXT));
    }

    @Test
    @DisplayName("before-conversation asks what to talk about, what goes well, what the child says, and what to know")
    void beforeConversation() {
        // GIVEN the questions before a conversation  WHEN they are listed  THEN all text, the last one optional
        assertThat(questionnaire("before-conversation").questions())
                .extracting(Question::id, Question::type, Question::required)
                .containsExactly(
                        tuple("talk-about", QuestionType.TEXT, true),
                        tuple("going-well-at-home", QuestionType.TEXT, true),
                        tuple("child-about-school", QuestionType.TEXT, true),
                        tuple("good-to-know", QuestionType.TEXT, false));
    }

    @Test
    @DisplayName("every label, typed back in any language, is read as its own point or option")
    void labelsReadBack() {
        // GIVEN every scale and choice question shipped
        for (String id : result.loaded().keySet()) {
            for (Question question : questionnaire(id).asked()) {
                for (Language language : Language.values()) {
                    // WHEN each label is typed back  THEN it means that point or option, and nothing else
                    for (int point = 1; point <= question.labels().size(); point++) {
                        assertThat(question.normalize(question.label(point, language)))
                                .as("%s %s point %d in %s", id, question.id(), point, language)
                                .contains(String.valueOf(point));
                    }
                    for (Option option : question.options()) {
                        assertThat(question.normalize(option.label(language)))
                                .as("%s %s option %s in %s", id, question.id(), option.id(), language)
                                .contains(option.id());
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("a version as the store keeps it reads back as the same questionnaire")
    void storedVersionReadsBack() throws QuestionnaireException {
        // GIVEN the check-in as the store would keep it
        LoadedQuestionnaire loaded = result.loaded().get("check-in");
        QuestionnaireVersion stored =
                new QuestionnaireVersion(7, loaded.id(), 1, loaded.contentHash(), loaded.definition(), Instant.EPOCH);

        // WHEN it is read again
        Questionnaire again = QuestionnaireLoader.parse(stored);

        // THEN it is the same questionnaire
        assertThat(again).isEqualTo(loaded.questionnaire());
    }

    @Test
    @DisplayName("the check-in asks in every language what the teacher should know, never what 'we at school' should")
    void onlyTheTeacherReads() {
        // GIVEN the check-in's open question  WHEN it is read in each language
        Question goodToKnow = questionnaire("check-in").questions().stream()
                .filter(q -> q.id().equals("good-to-know"))
                .findFirst()
                .orElseThrow();
        // THEN it names the teacher, as the promise that only the teacher reads the answers says
        java.util.Map<Language, String> teacher = java.util.Map.of(
                Language.NL, "leerkracht",
                Language.EN, "teacher",
                Language.AR, "المعلّم",
                Language.TR, "Öğretmen",
                Language.PL, "nauczyciel",
                Language.UK, "вчител");
        teacher.forEach((language, word) ->
                assertThat(goodToKnow.text(language)).as(language.code()).contains(word));
        assertThat(goodToKnow.text(Language.AR)).doesNotContain("المدرسة");
        assertThat(goodToKnow.text(Language.PL)).doesNotContain("w szkole").doesNotContain("powinniśmy");
        assertThat(goodToKnow.text(Language.UK)).doesNotContain("школ").doesNotContain("нам");
    }
}
