package nl.classbridge.checkin.questionnaire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mistake a teacher can make in a questionnaire file: one line naming file, line and reason,
 * and the file next to it still loads. Line numbers refer to {@link Sample#TEXT}.
 */
@DisplayName("A questionnaire file with a mistake")
class FileMistakesTest {

    @TempDir
    Path folder;

    /** Loads {@code text} as {@code fileName} next to a good file, other.yml. */
    private LoadResult loadNextToGoodFile(String fileName, String text) throws IOException {
        Sample.write(folder, fileName, text);
        Sample.write(folder, "other.yml", Sample.withId("other"));
        return QuestionnaireLoader.loadAll(folder);
    }

    private static void assertRefusedWith(LoadResult result, String problem) {
        assertThat(result.problems()).containsExactly(problem);
        assertThat(result.loaded()).containsOnlyKeys("other");
    }

    @Test
    @DisplayName("an unknown type is refused with the types that exist")
    void unknownType() throws IOException {
        // GIVEN a question of type 'yesno' instead of 'yes-no'
        String text = Sample.with("type: yes-no", "type: yesno");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the file is skipped with file, line and the valid types; the other file loads
        assertRefusedWith(
                result,
                "sample.yml line 17: question 'agreements-clear': unknown type 'yesno';"
                        + " use one of scale, choice, yes-no, text, info");
    }

    @Test
    @DisplayName("a question without its Arabic text is refused, naming the missing language")
    void missingLanguage() throws IOException {
        // GIVEN the first question without 'ar'
        String text = Sample.with("ar: \"كيف الحال؟\", ", "");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the missing language is named
        assertRefusedWith(
                result,
                "sample.yml line 8: question 'feeling': 'text' misses 'ar';"
                        + " write it in all six languages: nl, en, ar, tr, pl, uk");
    }

    @Test
    @DisplayName("two questions with the same id are refused, naming both lines")
    void duplicateQuestionId() throws IOException {
        // GIVEN the third question also called 'feeling'
        String text = Sample.with("id: next-check", "id: feeling");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN both lines are named
        assertRefusedWith(
                result,
                "sample.yml line 20: question id 'feeling' is used twice, on lines 6 and 20;"
                        + " give each question its own id");
    }

    @Test
    @DisplayName("a scale without labels is refused, saying what it needs")
    void scaleWithoutLabels() throws IOException {
        // GIVEN the scale question without its labels block
        String text = Sample.TEXT
                .lines()
                .filter(line -> !line.startsWith("    labels:") && !line.matches(" {6}[a-z]{2}: \\[.*"))
                .collect(Collectors.joining("\n"));

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the question's line is named
        assertRefusedWith(
                result,
                "sample.yml line 6: question 'feeling': a scale needs 'labels':"
                        + " 5 per language, from low (1) to high (5)");
    }

    @Test
    @DisplayName("a scale with 4 labels in one language is refused, naming that language's line")
    void scaleWithFourLabels() throws IOException {
        // GIVEN the Arabic labels without the last one
        String text = Sample.with(", \"😄 جيد جدًا\"]", "]");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the Arabic line is named, with the count found
        assertRefusedWith(
                result, "sample.yml line 12: question 'feeling': a scale needs exactly 5 labels in 'ar', found 4");
    }

    @Test
    @DisplayName("a choice with one option is refused")
    void choiceWithOneOption() throws IOException {
        // GIVEN the choice without its second option
        String text = Sample.TEXT
                .lines()
                .filter(line -> !line.contains("id: in-a-month"))
                .collect(Collectors.joining("\n"));

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the options line is named
        assertRefusedWith(
                result,
                "sample.yml line 23: question 'next-check':"
                        + " a choice needs 2 to 25 options (a Discord menu holds 25), found 1");
    }

    @Test
    @DisplayName("two options with the same id are refused, naming both lines")
    void duplicateOptionId() throws IOException {
        // GIVEN the second option also called 'in-a-week'
        String text = Sample.with("id: in-a-month", "id: in-a-week");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN both lines are named
        assertRefusedWith(
                result,
                "sample.yml line 25: question 'next-check', option 'in-a-week':"
                        + " option id 'in-a-week' is used twice, on lines 24 and 25; give each option its own id");
    }

    @Test
    @DisplayName("a misspelt key is refused with the keys that are allowed there")
    void unknownKey() throws IOException {
        // GIVEN 'requried' for 'required' in the yes-no question
        String text = Sample.with(
                "    required: false\n    text: {nl: \"Is het", "    requried: false\n    text: {nl: \"Is het");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the typo is named, with the keys to choose from
        assertRefusedWith(
                result,
                "sample.yml line 18: question 'agreements-clear': unknown key 'requried';"
                        + " the keys here are id, type, required, text, labels, options, plan, max-length, well-being, contact");
    }

    @Test
    @DisplayName("a text with '${' is refused, because the message templates would read it as a placeholder")
    void placeholderInText() throws IOException {
        // GIVEN a question text that tries to read an environment variable
        String text = Sample.with("Hoe gaat het?", "Hoe gaat het, ${env:DISCORD_TOKEN}?");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the text is refused and the reason given
        assertRefusedWith(
                result,
                "sample.yml line 8: question 'feeling': text in 'nl' contains '${',"
                        + " which questionnaire texts may not contain: ClassBridge would read it as a placeholder;"
                        + " write it differently");
    }

    @Test
    @DisplayName("a title longer than 45 characters is refused, because it would not fit a Discord window")
    void titleTooLong() throws IOException {
        // GIVEN a Polish title of 46 characters
        String title = "Tytuł, który jest o jeden znak za długi, niest";
        assertThat(title).hasSize(46);
        String text = Sample.with("pl: \"Tytuł\"", "pl: \"" + title + "\"");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the length and the limit are named
        assertRefusedWith(
                result,
                "sample.yml line 3: title in 'pl' has 46 characters;" + " a Discord window title holds at most 45");
    }

    @Test
    @DisplayName("an id that does not match the file name is refused")
    void idNotFileName() throws IOException {
        // GIVEN the sample saved as check-up.yml
        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("check-up.yml", Sample.TEXT);

        // THEN both names are given, with the two ways out
        assertRefusedWith(
                result,
                "check-up.yml line 1: id 'sample' does not match the file name check-up.yml;"
                        + " they must be the same, so rename the file to sample.yml or change the id");
    }

    @Test
    @DisplayName("a YAML syntax error is refused with the line and a hint")
    void yamlSyntaxError() throws IOException {
        // GIVEN a key indented one space too little
        String text = Sample.with("    type: yes-no", "   type: yes-no");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the line is named and the indentation suggested
        assertThat(result.problems())
                .singleElement()
                .asString()
                .startsWith("sample.yml line 17: not valid YAML (")
                .endsWith("); check the indentation, and put texts with ':' or '#' in quotes");
        assertThat(result.loaded()).containsOnlyKeys("other");
    }

    @Test
    @DisplayName("a second file with the same questionnaire id is refused; the first one loads")
    void duplicateQuestionnaireId() throws IOException {
        // GIVEN the sample saved as both sample.yaml and sample.yml
        Sample.write(folder, "sample.yaml", Sample.TEXT);

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", Sample.TEXT);

        // THEN the second file in name order is refused, naming the first
        assertThat(result.problems())
                .containsExactly("sample.yml line 1: duplicate questionnaire id 'sample',"
                        + " also in sample.yaml; keep one of the two files");
        assertThat(result.loaded()).containsOnlyKeys("other", "sample");
    }

    @Test
    @DisplayName("a version that is not a whole number is refused")
    void versionNotANumber() throws IOException {
        // GIVEN the version written in words
        String text = Sample.with("version: 1", "version: one");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the value is quoted back
        assertRefusedWith(result, "sample.yml line 2: 'version' must be a whole number 1 or more, not 'one'");
    }

    @Test
    @DisplayName("an info item with 'required' is refused, because it is never answered")
    void infoWithRequired() throws IOException {
        // GIVEN the info item marked required
        String text = Sample.with("    type: info\n", "    type: info\n    required: true\n");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN it says why
        assertRefusedWith(
                result,
                "sample.yml line 33: question 'thanks':"
                        + " an info item is never answered, so it has no 'required'; remove it");
    }

    @Test
    @DisplayName("labels on a question that is not a scale are refused")
    void labelsOnChoice() throws IOException {
        // GIVEN the scale changed into a choice, labels and all
        String text = Sample.with("type: scale", "type: choice");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the key that does not belong is named
        assertRefusedWith(
                result,
                "sample.yml line 9: question 'feeling':"
                        + " 'labels' is only for a scale question and this one has type 'choice'; remove it");
    }

    @Test
    @DisplayName("a button label longer than 80 characters is refused")
    void labelTooLong() throws IOException {
        // GIVEN an English option label of 81 characters
        String label = "In a week, ".repeat(7) + "or so, maybe!";
        assertThat(label).hasSize(90);
        String text = Sample.with("\"In a week\"", "\"" + label.substring(0, 81) + "\"");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the option, the language and the limit are named
        assertRefusedWith(
                result,
                "sample.yml line 24: question 'next-check', option 'in-a-week':"
                        + " label in 'en' has 81 characters; a Discord button holds at most 80");
    }

    @Test
    @DisplayName("an empty file is refused, saying how to start it")
    void emptyFile() throws IOException {
        // GIVEN a file with only a comment
        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", "# to do\n");

        // THEN it says how to begin
        assertRefusedWith(result, "sample.yml line 1: the file is empty; start it with 'id: sample'");
    }

    @Test
    @DisplayName("a file that is not UTF-8 is refused")
    void notUtf8() throws IOException {
        // GIVEN a file saved as Latin-1, next to a good file
        Files.write(folder.resolve("sample.yml"), "id: sample\nintro: {nl: \"Caf\u00e9\"}\n".getBytes(ISO_8859_1));
        Sample.write(folder, "other.yml", Sample.withId("other"));

        // WHEN the folder is loaded
        LoadResult result = QuestionnaireLoader.loadAll(folder);

        // THEN it names the line and asks for UTF-8
        assertRefusedWith(
                result,
                "sample.yml line 2: is not UTF-8 text (the first character that is not"
                        + " is on this line); save the file as UTF-8");
    }

    @Test
    @DisplayName("a 26th question to answer is refused, because the menu to change an answer holds 25")
    void tooManyQuestions() throws IOException {
        // GIVEN the sample's four questions and 22 more yes-no questions after its info item
        StringBuilder text = new StringBuilder(Sample.TEXT);
        for (int i = 1; i <= 22; i++) {
            text.append("  - id: extra-")
                    .append(i)
                    .append("\n    type: yes-no\n    text: {nl: \"Ja?\", en: \"Yes?\","
                            + " ar: \"نعم؟\", tr: \"Evet?\", pl: \"Tak?\", uk: \"Так?\"}\n");
        }

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text.toString());

        // THEN the 26th question is named, with the reason
        assertRefusedWith(
                result,
                "sample.yml line 97: question 'extra-22' is question 26 to answer;"
                        + " a questionnaire asks at most 25 (the menu to change an answer holds 25)");
    }

    @Test
    @DisplayName("'contact: true' on a question that is not yes-no is refused")
    void contactOnlyOnYesNo() throws IOException {
        // GIVEN the choice question marked as the contact question
        String text = Sample.with("    type: choice\n", "    type: choice\n    contact: true\n");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the mark is named as one for a yes-no question
        assertRefusedWith(
                result,
                "sample.yml line 22: question 'next-check': 'contact' is only for a yes-no question and this one has"
                        + " type 'choice'; remove it");
    }

    @Test
    @DisplayName("two questions marked 'contact: true' are refused, naming the first")
    void contactOnce() throws IOException {
        // GIVEN the yes-no question marked, and a second yes-no question marked too
        String text = Sample.with(
                        "    required: false\n    text: {nl: \"Is het",
                        "    contact: true\n    required: false\n    text: {nl: \"Is het")
                .replace(
                        "  - id: thanks\n",
                        "  - id: talk\n    type: yes-no\n    contact: true\n    text: {nl: \"Praten?\", en: \"Talk?\","
                                + " ar: \"حديث؟\", tr: \"Konuşalım mı?\", pl: \"Rozmowa?\", uk: \"Поговорити?\"}\n"
                                + "  - id: thanks\n");

        // WHEN the folder is loaded
        LoadResult result = loadNextToGoodFile("sample.yml", text);

        // THEN the second mark is refused with the first one's line
        assertRefusedWith(
                result,
                "sample.yml line 32: question 'talk': 'contact: true' is already on question 'agreements-clear'"
                        + " on line 16; mark one question only");
    }

    @Test
    @DisplayName("'contact: true' on a yes-no question loads, and only a yes asks for contact")
    void contactLoads() throws Exception {
        // GIVEN the yes-no question marked as the contact question
        String text = Sample.with(
                "    required: false\n    text: {nl: \"Is het",
                "    contact: true\n    required: false\n    text: {nl: \"Is het");

        // WHEN it is parsed
        Question marked =
                QuestionnaireLoader.parse("sample.yml", text).questions().get(1);

        // THEN the mark is read: yes asks for contact, no does not; unmarked questions never do
        assertThat(marked.contact()).isTrue();
        assertThat(marked.asksForContact("yes")).isTrue();
        assertThat(marked.asksForContact("no")).isFalse();
        assertThat(Sample.parsed().questions().get(1).asksForContact("yes")).isFalse();
    }
}
