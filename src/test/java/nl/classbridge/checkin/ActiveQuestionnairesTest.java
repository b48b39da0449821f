package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import nl.classbridge.checkin.questionnaire.QuestionnaireLoader;
import nl.classbridge.domain.Language;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveQuestionnairesTest {
    @TempDir
    Path folder;

    Path questionnaires;
    MutableClock clock = new MutableClock(TestStore.T0);

    @BeforeEach
    void copyShipped() throws Exception {
        questionnaires = Files.createDirectories(folder.resolve("questionnaires"));
        try (var files = Files.list(Path.of("config/questionnaires"))) {
            for (Path file : files.toList()) {
                Files.copy(file, questionnaires.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    @DisplayName("the shipped questionnaires load and are stored once, however often the bot starts")
    void storedOnce() {
        try (TestStore store = new TestStore(folder)) {
            ActiveQuestionnaires first = ActiveQuestionnaires.load(questionnaires, store.questionnaires, clock);
            ActiveQuestionnaires again = ActiveQuestionnaires.load(questionnaires, store.questionnaires, clock);
            assertThat(first.ids())
                    .containsExactly("after-conversation", "before-conversation", "check-in", "start-of-year");
            assertThat(first.problems()).isEmpty();
            assertThat(again.find("check-in").orElseThrow().version())
                    .isEqualTo(first.find("check-in").orElseThrow().version());
            long stored = store.database.read(sql -> sql.count("SELECT COUNT(*) AS n FROM questionnaire_version"));
            assertThat(stored).isEqualTo(4L);
        }
    }

    @Test
    @DisplayName("an edited questionnaire is a new version; the old version is still there, as it was asked")
    void editMakesNewVersion() throws Exception {
        try (TestStore store = new TestStore(folder)) {
            var before = ActiveQuestionnaires.load(questionnaires, store.questionnaires, clock)
                    .find("check-in")
                    .orElseThrow();
            Path file = questionnaires.resolve("check-in.yml");
            String original = Files.readString(file);
            String question = before.questionnaire().questions().get(1).text().get(Language.NL);
            Files.writeString(file, original.replace(question, "Wat ging er deze week goed?"));

            clock.advance(Duration.ofDays(30));
            ActiveQuestionnaires after = ActiveQuestionnaires.load(questionnaires, store.questionnaires, clock);
            var edited = after.find("check-in").orElseThrow();
            assertThat(edited.version().version()).isEqualTo(before.version().version() + 1);
            assertThat(after.problems()).singleElement().asString().contains("check-in.yml", "version");

            var asAskedBefore = QuestionnaireLoader.parse(
                    store.questionnaires.find(before.version().id()).orElseThrow());
            assertThat(asAskedBefore.questions().get(1).text().get(Language.NL)).isEqualTo(question);
            assertThat(edited.questionnaire().questions().get(1).text().get(Language.NL))
                    .isEqualTo("Wat ging er deze week goed?");
        }
    }

    @Test
    @DisplayName("a broken file is left out with file, line and reason; the others still load")
    void brokenFileLeftOut() throws Exception {
        Path file = questionnaires.resolve("after-conversation.yml");
        Files.writeString(file, Files.readString(file).replace("type: yes-no", "type: maybe"));
        try (TestStore store = new TestStore(folder)) {
            ActiveQuestionnaires active = ActiveQuestionnaires.load(questionnaires, store.questionnaires, clock);
            assertThat(active.ids()).containsExactly("before-conversation", "check-in", "start-of-year");
            assertThat(active.problems())
                    .singleElement()
                    .asString()
                    .contains("after-conversation.yml", "line", "maybe");
        }
    }
}
