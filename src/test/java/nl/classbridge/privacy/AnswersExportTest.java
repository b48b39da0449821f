package nl.classbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AnswersExport} on a real SQLite file with answered rounds in two classes. */
class AnswersExportTest {
    private static final Instant ANSWERED = TestStore.T0.plus(Duration.ofHours(3));

    @TempDir
    Path folder;

    TestStore store;
    AnswersExport export;
    ActiveQuestionnaires questionnaires;
    SchoolClass groep5;
    SchoolClass groep6;
    Student sam;
    Student mila;

    @BeforeEach
    void setUp() throws Exception {
        store = new TestStore(folder);
        MutableClock clock = new MutableClock(TestStore.T0);
        questionnaires = ActiveQuestionnaires.load(Path.of("config/questionnaires"), store.questionnaires, clock);
        export = new AnswersExport(
                store.students,
                store.guardians,
                store.checkins,
                store.questionnaires,
                new QuestionnaireVersions(store.questionnaires),
                new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL),
                store.auditLog,
                clock);
        groep5 = store.aClass();
        groep6 = store.classes.add(
                "Groep 6",
                TestStore.GUILD,
                TestStore.CHANNEL + 1,
                Language.NL,
                ZoneId.of("Europe/Amsterdam"),
                TestStore.TEACHER + 1,
                "Meester Tom",
                TestStore.T0);
        sam = store.aStudent(groep5, "Sam");
        mila = store.aStudent(groep5, "Mila");

        Guardian samsDad = store.guardians.addDiscord(701L, TestStore.T0);
        store.guardians.link(samsDad.id(), sam.id(), TestStore.T0);
        store.guardians.setDiscordName(samsDad.id(), "papa.sam");
        Guardian milasMum = store.guardians.addEmail("anne@example.org", Optional.of(Language.TR), TestStore.T0);
        store.guardians.link(milasMum.id(), mila.id(), TestStore.T0);

        CheckinRound checkIn = round(groep5, "check-in", Optional.empty());
        CheckinRequest dad =
                store.checkins.addRequest(checkIn.id(), samsDad.id(), sam.id(), ContactChannel.DISCORD, TestStore.T0);
        answer(dad, "feeling", "4");
        answer(dad, "went-well", "Zwemdiploma gehaald,\nheel trots");
        store.checkins.saveAnswer(Answer.skipped(dad.id(), "good-to-know", AnswerSource.DISCORD_BUTTON, ANSWERED));
        answer(dad, "talk", "yes");
        CheckinRequest mum =
                store.checkins.addRequest(checkIn.id(), milasMum.id(), mila.id(), ContactChannel.EMAIL, TestStore.T0);
        answer(mum, "went-well", "Okulu çok seviyor");

        CheckinRound aboutSam = round(groep5, "before-conversation", Optional.of(sam.id()));
        CheckinRequest before =
                store.checkins.addRequest(aboutSam.id(), samsDad.id(), sam.id(), ContactChannel.DISCORD, TestStore.T0);
        answer(before, "talk-about", "=Lezen thuis");

        Student daan = store.aStudent(groep6, "Daan");
        Guardian daansMum = store.guardians.addDiscord(801L, TestStore.T0);
        store.guardians.link(daansMum.id(), daan.id(), TestStore.T0);
        CheckinRound other = round(groep6, "check-in", Optional.empty());
        CheckinRequest daans =
                store.checkins.addRequest(other.id(), daansMum.id(), daan.id(), ContactChannel.DISCORD, TestStore.T0);
        answer(daans, "went-well", "Geheim van groep 6");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    @DisplayName("GIVEN a check-in and a round about Sam answered in Groep 5 and a round in Groep 6 WHEN Groep 5 is"
            + " exported THEN one row per answer, labels and words as the teacher reads them, and nothing of Groep 6")
    void wholeClass() {
        AnswersExport.Exported.File file =
                (AnswersExport.Exported.File) export.export(groep5, TestStore.TEACHER, Optional.empty());

        int version = questionnaires.find("check-in").orElseThrow().version().version();
        assertThat(file.rows()).isEqualTo(6);
        assertThat(file.csv())
                .startsWith("\uFEFFRonde gestart,Vragenlijst,Versie,Kind,Ouder,Vraag,Antwoord,Overgeslagen,"
                        + "Taal van het gezin,Beantwoord op\r\n")
                .contains("2026-09-01,Hoe gaat het met je kind?," + version + ",Sam,papa.sam,")
                .contains(",🙂 Goed,,Nederlands,2026-09-01 12:00\r\n")
                .contains("\"Zwemdiploma gehaald,\nheel trots\"")
                .contains(",,overgeslagen,")
                .contains(",Ja,,")
                .contains(",Mila,anne@example.org,")
                .contains("Okulu çok seviyor,,Türkçe,")
                .contains("'=Lezen thuis")
                .doesNotContain("Daan")
                .doesNotContain("Geheim van groep 6");
    }

    @Test
    @DisplayName("GIVEN answers about Sam and Mila WHEN only Sam is exported THEN only Sam's rows, the round about him"
            + " included; a name not in the class, Groep 6's Daan too, is no file")
    void oneChild() {
        AnswersExport.Exported.File file =
                (AnswersExport.Exported.File) export.export(groep5, TestStore.TEACHER, Optional.of(" sam "));

        assertThat(file.student()).contains(sam);
        assertThat(file.rows()).isEqualTo(5);
        assertThat(file.csv()).contains("Lezen thuis").doesNotContain("Mila").doesNotContain("Okulu");
        assertThat(export.export(groep5, TestStore.TEACHER, Optional.of("Daan")))
                .isInstanceOf(AnswersExport.Exported.NoStudent.class);
        AnswersExport.Exported.File groep6File =
                (AnswersExport.Exported.File) export.export(groep6, TestStore.TEACHER, Optional.empty());
        assertThat(groep6File.rows()).isEqualTo(1);
        assertThat(groep6File.csv()).contains("Geheim van groep 6").doesNotContain("Sam");
    }

    private CheckinRound round(SchoolClass schoolClass, String questionnaire, Optional<Long> about) {
        long version =
                questionnaires.find(questionnaire).orElseThrow().version().id();
        return store.checkins.startRound(
                schoolClass.id(),
                about,
                version,
                "token-" + schoolClass.id() + "-" + questionnaire,
                TestStore.TEACHER,
                TestStore.T0,
                TestStore.T0.plus(Duration.ofDays(7)));
    }

    private void answer(CheckinRequest request, String question, String value) {
        store.checkins.saveAnswer(Answer.given(request.id(), question, value, AnswerSource.DISCORD_TEXT, ANSWERED));
    }
}
