package nl.classbridge.checkin.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A parent's reply to a question")
class AnswersTest {

    Questionnaire sample;

    @BeforeEach
    void setUp() throws QuestionnaireException {
        sample = Sample.parsed();
    }

    private Question question(String id) {
        return sample.question(id).orElseThrow();
    }

    @ParameterizedTest(name = "\"{0}\" is point {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "4 | 4",
                " 1 | 1",
                "١ | 1",
                "٥ | 5",
                "Heel goed | 5",
                "heel goed! | 5",
                "😄 Very good | 5",
                "çok iyi | 5",
                "ÇOK İYİ | 5",
                "zle | 1",
                "Так собі | 3",
                "جيد جدا | 5",
            })
    @DisplayName("on a scale: a digit in any script or a label in any language, without emoji, case or accents")
    void scale(String reply, String point) {
        // GIVEN the scale question
        // WHEN the reply is read
        // THEN it is the point, as a digit
        assertThat(question("feeling").check(reply)).isEqualTo(new AnswerCheck.Accepted(point));
    }

    @Test
    @DisplayName("on a scale: a number off the scale or a word not on it is unclear, nothing is empty")
    void scaleUnclear() {
        // GIVEN the scale question
        Question feeling = question("feeling");

        // WHEN replies that are not on the scale are read
        // THEN none is accepted
        assertThat(feeling.check("6")).isEqualTo(new AnswerCheck.Unclear());
        assertThat(feeling.check("0")).isEqualTo(new AnswerCheck.Unclear());
        assertThat(feeling.check("45")).isEqualTo(new AnswerCheck.Unclear());
        assertThat(feeling.check("goedd")).isEqualTo(new AnswerCheck.Unclear());
        assertThat(feeling.check("   ")).isEqualTo(new AnswerCheck.Empty());
        assertThat(feeling.normalize("goedd")).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ja | yes",
                "Nee | no",
                "yes | yes",
                "NO | no",
                "نعم | yes",
                "لا | no",
                "evet | yes",
                "hayır | no",
                "Hayir | no",
                "tak | yes",
                "nie | no",
                "так | yes",
                "ні | no",
                "Ні. | no",
            })
    @DisplayName("on yes-no: yes and no in all six languages")
    void yesNo(String reply, String value) {
        // GIVEN the yes-no question
        // WHEN the reply is read
        // THEN it is stored as yes or no
        assertThat(question("agreements-clear").normalize(reply)).contains(value);
    }

    @Test
    @DisplayName("on yes-no: any other word is unclear")
    void yesNoUnclear() {
        // GIVEN the yes-no question
        // WHEN a reply that is neither is read
        // THEN it is unclear
        assertThat(question("agreements-clear").check("misschien")).isEqualTo(new AnswerCheck.Unclear());
    }

    @Test
    @DisplayName("on a choice: an option id, or its label in any language, is the option id")
    void choice() {
        // GIVEN the choice question
        Question nextCheck = question("next-check");

        // WHEN ids and labels are read
        // THEN each is the option's id
        assertThat(nextCheck.normalize("in-a-month")).contains("in-a-month");
        assertThat(nextCheck.normalize("Za miesiąc")).contains("in-a-month");
        assertThat(nextCheck.normalize("za miesiac")).contains("in-a-month");
        assertThat(nextCheck.normalize("بعد أسبوع")).contains("in-a-week");
        assertThat(nextCheck.normalize("Over een week")).contains("in-a-week");
        assertThat(nextCheck.check("next week")).isEqualTo(new AnswerCheck.Unclear());
    }

    @Test
    @DisplayName("on a choice: a label two options share is unclear rather than guessed")
    void choiceAmbiguous() throws QuestionnaireException {
        // GIVEN a choice whose two options have the same Dutch label
        String text = Sample.with("\"Over een maand\"", "\"Over een week\"");
        Question nextCheck = QuestionnaireLoader.parse("sample.yml", text)
                .question("next-check")
                .orElseThrow();

        // WHEN that label is read
        // THEN it is not taken as either
        assertThat(nextCheck.check("Over een week")).isEqualTo(new AnswerCheck.Unclear());
        assertThat(nextCheck.normalize("In a month")).contains("in-a-month");
    }

    @Test
    @DisplayName("on a text: trimmed, up to its maximum length; longer is refused with both lengths")
    void text() {
        // GIVEN the text question, at most 20 characters
        Question anythingElse = question("anything-else");

        // WHEN texts are read
        // THEN they are kept trimmed, up to 20 characters
        assertThat(anythingElse.normalize("  Hij leest graag.\n")).contains("Hij leest graag.");
        assertThat(anythingElse.normalize("x".repeat(20))).contains("x".repeat(20));
        assertThat(anythingElse.check("x".repeat(21))).isEqualTo(new AnswerCheck.TooLong(21, 20));
        assertThat(anythingElse.check("\n \t")).isEqualTo(new AnswerCheck.Empty());
    }

    @Test
    @DisplayName("to an info item is a mistake in the caller: info is never answered")
    void info() {
        // GIVEN the info item
        Question thanks = question("thanks");

        // WHEN a reply is read THEN that is refused loudly
        assertThat(thanks.answerable()).isFalse();
        assertThatThrownBy(() -> thanks.check("ok")).isInstanceOf(IllegalStateException.class);
    }
}
