package nl.classbridge.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.ClassArchiveRepository;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("GIVEN Groep 5 with a father of Sam only and a mother of Noor (Groep 5) and Lotte (Groep 6) WHEN the"
            + " owner archives Groep 5 THEN its children, rounds, answers, conversations, agreements, highlights,"
            + " invites and messages and the father are gone; the mother, her link to Lotte and her Groep 6 answers"
            + " and messages stay; a co-teacher is refused")
    void archive() {
        try (TestStore store = new TestStore(folder)) {
            MutableClock clock = new MutableClock(TestStore.T0);
            SchoolClass groep5 = store.aClass();
            SchoolClass groep6 = store.classes.add(
                    "Groep 6",
                    TestStore.GUILD,
                    TestStore.CHANNEL + 1,
                    Language.NL,
                    ZoneId.of("Europe/Amsterdam"),
                    TestStore.TEACHER + 1,
                    "Meester Tom",
                    TestStore.T0);
            Student sam = store.aStudent(groep5, "Sam");
            Student noor = store.aStudent(groep5, "Noor");
            Student lotte = store.aStudent(groep6, "Lotte");
            Guardian father = store.guardians.addDiscord(801L, TestStore.T0);
            Guardian mother = store.guardians.addEmail("moeder@example.org", Optional.empty(), TestStore.T0);
            store.guardians.link(father.id(), sam.id(), TestStore.T0);
            store.guardians.link(mother.id(), noor.id(), TestStore.T0);
            store.guardians.link(mother.id(), lotte.id(), TestStore.T0);
            long version = store.questionnaires
                    .remember("check-in", 1, "h", "d", TestStore.T0)
                    .id();
            long answerInGroep6 = answered(store, groep6, lotte, mother, version, "g6");
            answered(store, groep5, sam, father, version, "g5a");
            answered(store, groep5, noor, mother, version, "g5b");
            var conversation = store.conversations.plan(
                    groep5.id(), sam.id(), LocalDate.of(2026, 10, 1), Optional.empty(), false, 1L, TestStore.T0);
            store.agreements.add(
                    sam.id(),
                    Optional.of(conversation.id()),
                    "lezen",
                    AgreementOwner.PARENTS,
                    Optional.empty(),
                    1L,
                    TestStore.T0);
            store.highlights.add(groep5.id(), HighlightKind.LEARNING, "brug", 1L, TestStore.T0);
            store.invites.add(noor.id(), "code", 1L, TestStore.T0, TestStore.T0.plus(Duration.ofDays(14)));
            store.deliveries.enqueue(
                    "mother-g6",
                    Optional.of(groep6.id()),
                    Optional.of(mother.id()),
                    DeliveryChannel.EMAIL,
                    "checkin-question",
                    "{}",
                    TestStore.T0,
                    TestStore.T0);
            store.deliveries.enqueue(
                    "mother-g5",
                    Optional.of(groep5.id()),
                    Optional.of(mother.id()),
                    DeliveryChannel.EMAIL,
                    "checkin-question",
                    "{}",
                    TestStore.T0,
                    TestStore.T0);
            store.deliveries.enqueue(
                    "father-dm",
                    Optional.empty(),
                    Optional.of(father.id()),
                    DeliveryChannel.DISCORD_DM,
                    "agreement",
                    "{}",
                    TestStore.T0,
                    TestStore.T0);
            store.classTeachers.addCoTeacher(groep5.id(), 77L, "Stagiair", TestStore.TEACHER, TestStore.T0);
            ClassArchive archive = new ClassArchive(
                    store.database,
                    new ClassArchiveRepository(store.database),
                    store.classTeachers,
                    store.auditLog,
                    clock);
            Caller owner = new Caller(TestStore.TEACHER, "Juf Anna", false);

            ClassArchive.Outcome refused = archive.archive(groep5, new Caller(77L, "Stagiair", false));
            ClassArchive.Outcome preview = archive.preview(groep5, owner);
            ClassArchive.Outcome done = archive.archive(groep5, owner);

            assertThat(refused).isEqualTo(new ClassArchive.Outcome.NotOwner("Juf Anna"));
            var expected = new ClassArchiveRepository.Counts(2, 2, 1, 2, 2, 1, 1, 1, 1, 2);
            assertThat(preview).isEqualTo(new ClassArchive.Outcome.Counted(expected));
            assertThat(done).isEqualTo(new ClassArchive.Outcome.Counted(expected));
            assertThat(store.students.inClass(groep5.id())).isEmpty();
            assertThat(store.guardians.find(father.id())).isEmpty();
            assertThat(store.guardians.find(mother.id())).isPresent();
            assertThat(store.guardians.linksOf(lotte.id()))
                    .extracting(link -> link.guardian().id())
                    .containsExactly(mother.id());
            assertThat(store.checkins.answers(answerInGroep6)).hasSize(1);
            assertThat(store.deliveries.findByKey("mother-g6")).isPresent();
            assertThat(store.deliveries.findByKey("mother-g5")).isEmpty();
            assertThat(store.deliveries.findByKey("father-dm")).isEmpty();
            assertThat(store.conversations.ofClass(groep5.id())).isEmpty();
            assertThat(store.highlights.queued(groep5.id())).isEmpty();
            assertThat(store.invites.findByHash("code")).isEmpty();
            assertThat(store.classes.find(groep5.id())).isPresent();
            assertThat(store.classTeachers.ofClass(groep5.id())).hasSize(2);
            assertThat(store.auditLog.ofClass(groep5.id()))
                    .extracting(entry -> entry.action() + " " + entry.detail())
                    .containsExactly("class.archive " + expected.detail());
        }
    }

    /** A round of the class with one answer of the guardian about the child; returns the request's id. */
    private static long answered(
            TestStore store, SchoolClass schoolClass, Student child, Guardian guardian, long version, String token) {
        var round = store.checkins.startRound(
                schoolClass.id(), version, token, 1L, TestStore.T0, TestStore.T0.plus(Duration.ofDays(7)));
        var request =
                store.checkins.addRequest(round.id(), guardian.id(), child.id(), ContactChannel.EMAIL, TestStore.T0);
        store.checkins.saveAnswer(Answer.given(request.id(), "feeling", "4", AnswerSource.EMAIL, TestStore.T0));
        return request.id();
    }
}
