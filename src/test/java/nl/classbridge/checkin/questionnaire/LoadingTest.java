package nl.classbridge.checkin.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.classbridge.domain.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Loading a folder of questionnaires")
class LoadingTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("reads every questionnaire file, with its text and a SHA-256 hash of it, and nothing else")
    void readsQuestionnaireFiles() throws IOException {
        // GIVEN two questionnaires, a note, an editor's swap file and a sub-folder
        Sample.write(folder, "sample.yml", Sample.TEXT);
        Sample.write(folder, "extra.yaml", Sample.withId("extra"));
        Sample.write(folder, "README.txt", "notes");
        Sample.write(folder, ".sample.yml.swp", "junk");
        Files.createDirectory(folder.resolve("old.yml"));

        // WHEN the folder is loaded
        LoadResult result = QuestionnaireLoader.loadAll(folder);

        // THEN both questionnaires are there, in file name order, with text and hash
        assertThat(result.problems()).isEmpty();
        assertThat(result.loaded()).containsOnlyKeys("extra", "sample");
        LoadedQuestionnaire sample = result.loaded().get("sample");
        assertThat(sample.definition()).isEqualTo(Sample.TEXT);
        assertThat(sample.contentHash())
                .isEqualTo(QuestionnaireLoader.contentHash(Sample.TEXT))
                .matches("[0-9a-f]{64}");
        assertThat(sample.questionnaire().title(Language.AR)).isEqualTo("عنوان");
    }

    @Test
    @DisplayName("gives the same hash for the same text and another when one character changes")
    void contentHash() {
        // GIVEN the sample and the sample with one letter changed
        String changed = Sample.with("Hoe gaat het?", "Hoe gaat het!");

        // WHEN both are hashed
        // THEN only equal texts have equal hashes
        String hash = QuestionnaireLoader.contentHash(Sample.TEXT);
        assertThat(QuestionnaireLoader.contentHash(Sample.TEXT)).isEqualTo(hash);
        assertThat(QuestionnaireLoader.contentHash(changed)).isNotEqualTo(hash);
        assertThat(QuestionnaireLoader.contentHash(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    @DisplayName("reports every broken file once, in file name order, and loads the rest")
    void severalBrokenFiles() throws IOException {
        // GIVEN two broken files around a good one
        Sample.write(folder, "a-broken.yml", Sample.withId("a-broken").replace("version: 1", "version: 0"));
        Sample.write(folder, "b-good.yml", Sample.withId("b-good"));
        Sample.write(
                folder,
                "c-broken.yml",
                Sample.withId("c-broken").replace("    type: choice\n", "    type: choice\n    plan: channel\n"));

        // WHEN the folder is loaded
        LoadResult result = QuestionnaireLoader.loadAll(folder);

        // THEN each broken file has its line and the good one loads
        assertThat(result.problems())
                .containsExactly(
                        "a-broken.yml line 2: 'version' must be a whole number 1 or more, not '0'",
                        "c-broken.yml line 22: question 'next-check': a 'channel' plan question needs exactly the options"
                                + " discord, email, both; it has in-a-month, in-a-week");
        assertThat(result.loaded()).containsOnlyKeys("b-good");
    }

    @Test
    @DisplayName("a folder that does not exist is a problem, not a crash")
    void missingFolder() {
        // GIVEN a folder that is not there
        Path missing = folder.resolve("questionnaires");

        // WHEN it is loaded
        LoadResult result = QuestionnaireLoader.loadAll(missing);

        // THEN nothing loads and the problem says where it looked
        assertThat(result.loaded()).isEmpty();
        assertThat(result.problems())
                .singleElement()
                .asString()
                .startsWith("questionnaire folder " + missing + " not found (looked for " + missing.toAbsolutePath());
    }

    @Test
    @DisplayName("parsing one text gives file, line and reason apart, for callers that need them")
    void parseThrows() {
        // GIVEN a sample whose scale has a sixth point in Ukrainian
        String text = Sample.with("\"😄 Дуже добре\"]", "\"😄 Дуже добре\", \"🤩 Чудово\"]");

        // WHEN it is parsed
        QuestionnaireException e =
                catchThrowableOfType(QuestionnaireException.class, () -> QuestionnaireLoader.parse("sample.yml", text));

        // THEN the parts are there separately
        assertThat(e.file()).isEqualTo("sample.yml");
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.reason()).isEqualTo("question 'feeling': a scale needs exactly 5 labels in 'uk', found 6");
        assertThat(e).hasMessage("sample.yml line 15: " + e.reason());
    }

    @Test
    @DisplayName("YAML's guesses do not change a text: an unquoted no stays the word no")
    void textsAsWritten() throws QuestionnaireException {
        // GIVEN an English option label written as a bare no, which YAML 1.1 reads as false
        String text = Sample.with("en: \"In a month\"", "en: no");

        // WHEN it is parsed
        Questionnaire parsed = QuestionnaireLoader.parse("sample.yml", text);

        // THEN the label is the word as written
        assertThat(parsed.question("next-check")
                        .orElseThrow()
                        .option("in-a-month")
                        .orElseThrow()
                        .label(Language.EN))
                .isEqualTo("no");
    }
}
