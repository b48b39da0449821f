package nl.classbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.Reflection;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.testing.TestStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationCycleStoreTest {
    private static final Instant T0 = TestStore.T0;

    @TempDir
    Path folder;

    @Test
    @DisplayName("GIVEN a round about one child WHEN the class's rounds are asked for"
            + " THEN only class rounds count, and the child's round compares with that child's previous one")
    void roundsAboutOneChildStandApart() {
        try (TestStore store = new TestStore(folder)) {
            SchoolClass schoolClass = store.aClass();
            Student mila = store.aStudent(schoolClass, "Mila");
            long version = store.questionnaires
                    .remember("before-conversation", 1, "hash", "{}", T0)
                    .id();
            CheckinRound classRound =
                    store.checkins.startRound(schoolClass.id(), version, "tokenclass", 1, T0, T0.plusSeconds(600));
            CheckinRound first = store.checkins.startRound(
                    schoolClass.id(),
                    Optional.of(mila.id()),
                    version,
                    "tokenmila1",
                    1,
                    T0.plusSeconds(1),
                    T0.plusSeconds(600));
            CheckinRound second = store.checkins.startRound(
                    schoolClass.id(),
                    Optional.of(mila.id()),
                    version,
                    "tokenmila2",
                    1,
                    T0.plusSeconds(2),
                    T0.plusSeconds(600));

            assertThat(store.checkins.openRound(schoolClass.id(), T0.plusSeconds(3)))
                    .contains(classRound);
            assertThat(store.checkins.latestRound(schoolClass.id())).contains(classRound);
            assertThat(store.checkins.previousRound(second)).contains(first);
            assertThat(store.checkins.previousRound(first)).isEmpty();
            assertThat(store.checkins.findRound(second.id()).orElseThrow().aboutStudent())
                    .contains(mila.id());
            assertThat(classRound.forClass()).isTrue();
        }
    }

    @Test
    @DisplayName("GIVEN a planned conversation WHEN it is held, and a child's view and a reflection are kept"
            + " THEN each reads back, the reflection only for its own teacher")
    void conversationsChildViewsAndReflections() {
        try (TestStore store = new TestStore(folder)) {
            SchoolClass schoolClass = store.aClass();
            Student mila = store.aStudent(schoolClass, "Mila");
            ParentConversation planned = store.conversations.plan(
                    schoolClass.id(),
                    mila.id(),
                    LocalDate.of(2026, 10, 6),
                    Optional.of(LocalTime.of(15, 30)),
                    true,
                    1,
                    T0);

            assertThat(store.conversations.current(mila.id())).contains(planned);
            assertThat(store.conversations.markHeld(planned.id(), T0.plusSeconds(60)))
                    .isTrue();
            assertThat(store.conversations.markHeld(planned.id(), T0.plusSeconds(61)))
                    .isFalse();
            assertThat(store.conversations.cancel(planned.id(), T0.plusSeconds(62)))
                    .isFalse();
            store.conversations.addChildView(mila.id(), Optional.of(planned.id()), "Ik vind rekenen moeilijk", 1, T0);
            store.conversations.saveReflection(new Reflection(
                    planned.id(),
                    1,
                    Optional.of("goed geluisterd"),
                    Optional.empty(),
                    Optional.of("eerder bellen"),
                    T0));
            store.conversations.saveReflection(new Reflection(
                    planned.id(), 1, Optional.of("nog beter"), Optional.empty(), Optional.empty(), T0.plusSeconds(5)));

            assertThat(store.conversations.current(mila.id()).orElseThrow().heldAt())
                    .contains(T0.plusSeconds(60));
            assertThat(store.conversations.childViews(mila.id()))
                    .singleElement()
                    .satisfies(view -> assertThat(view.text()).isEqualTo("Ik vind rekenen moeilijk"));
            assertThat(store.conversations
                            .reflection(planned.id(), 1)
                            .orElseThrow()
                            .wentWell())
                    .contains("nog beter");
            assertThat(store.conversations.reflection(planned.id(), 2)).isEmpty();
        }
    }

    @Test
    @DisplayName("GIVEN agreements with align-again days WHEN guardians answer and one is done"
            + " THEN confirmations, the next alignment and the due reminders read back")
    void agreementsAndConfirmations() {
        try (TestStore store = new TestStore(folder)) {
            SchoolClass schoolClass = store.aClass();
            Student mila = store.aStudent(schoolClass, "Mila");
            Guardian mother = store.guardians.addDiscord(5L, T0);
            var reading = store.agreements.add(
                    mila.id(),
                    Optional.empty(),
                    "Elke avond 10 minuten lezen",
                    AgreementOwner.PARENTS,
                    Optional.of(LocalDate.of(2026, 11, 3)),
                    1,
                    T0);
            var seat = store.agreements.add(
                    mila.id(),
                    Optional.empty(),
                    "Mila zit vooraan",
                    AgreementOwner.TEACHER,
                    Optional.of(LocalDate.of(2026, 10, 20)),
                    1,
                    T0);

            store.agreements.ask(reading.id(), mother.id(), T0);
            store.agreements.ask(reading.id(), mother.id(), T0.plusSeconds(9));
            assertThat(store.agreements.answer(
                            seat.id(), mother.id(), ConfirmationStatus.CONFIRMED, Optional.empty(), T0))
                    .isFalse();
            assertThat(store.agreements.answer(
                            reading.id(),
                            mother.id(),
                            ConfirmationStatus.DIFFERS,
                            Optional.of("Liever 's ochtends"),
                            T0))
                    .isTrue();

            assertThat(store.agreements.confirmations(reading.id()))
                    .singleElement()
                    .satisfies(confirmation -> {
                        assertThat(confirmation.status()).isEqualTo(ConfirmationStatus.DIFFERS);
                        assertThat(confirmation.ownWords()).contains("Liever 's ochtends");
                        assertThat(confirmation.askedAt()).isEqualTo(T0);
                    });
            assertThat(store.agreements.nextAlignment(mila.id())).contains(LocalDate.of(2026, 10, 20));
            assertThat(store.agreements.alignmentsDueBy(LocalDate.of(2026, 10, 20)))
                    .extracting(a -> a.id())
                    .containsExactly(seat.id());
            assertThat(store.agreements.markReminded(seat.id(), T0)).isTrue();
            assertThat(store.agreements.markReminded(seat.id(), T0)).isFalse();
            assertThat(store.agreements.markDone(seat.id(), T0)).isTrue();
            assertThat(store.agreements.markDone(seat.id(), T0)).isFalse();
            assertThat(store.agreements.nextAlignment(mila.id())).contains(LocalDate.of(2026, 11, 3));
            assertThat(store.agreements.ofStudent(mila.id()))
                    .extracting(a -> a.id())
                    .containsExactly(reading.id(), seat.id());
        }
    }

    @Test
    @DisplayName("GIVEN an agreement in the old table WHEN the database is upgraded"
            + " THEN it is kept, with 'guardian' as owner read as the parents")
    void oldAgreementsAreKept() throws Exception {
        Path file = folder.resolve("classbridge.db");
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration")
                .target("7")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO school_class (id, name, guild_id, channel_id, language, timezone, teacher_user_id,
                                              created_at, teacher_name)
                    VALUES (7, 'Groep 5', 11, 12, 'nl', 'Europe/Amsterdam', 13, 1000, 'Juf Anna')""");
            statement.execute("INSERT INTO student (id, class_id, name, created_at) VALUES (3, 7, 'Mila', 1000)");
            statement.execute("""
                    INSERT INTO agreement (id, student_id, text, owner, follow_up_on, created_by_user_id, created_at)
                    VALUES (4, 3, 'Samen lezen', 'guardian', '2026-11-03', 13, 2000)""");
        }

        try (Database upgraded = Database.open(file)) {
            assertThat(new AgreementRepository(upgraded).find(4)).hasValueSatisfying(agreement -> {
                assertThat(agreement.owner()).isEqualTo(AgreementOwner.PARENTS);
                assertThat(agreement.alignAgainOn()).contains(LocalDate.of(2026, 11, 3));
                assertThat(agreement.open()).isTrue();
            });
        }
    }
}
