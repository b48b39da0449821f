package nl.classbridge.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignmentRemindersTest {
    /** Monday after the clocks went back (Sunday 25 October 2026): 08:00 in Amsterdam is 07:00 UTC. */
    static final LocalDate AFTER_DST = LocalDate.of(2026, 10, 26);

    @TempDir
    Path folder;

    AgreementFixture school;

    @BeforeEach
    void setUp() {
        school = new AgreementFixture(folder);
    }

    @AfterEach
    void tearDown() {
        school.close();
    }

    private long add(String student, String text, LocalDate day) {
        return ((Agreements.Added.Saved) school.agreements.add(
                        school.groep5, student, text, AgreementOwner.PARENTS, Optional.of(day), TestStore.TEACHER))
                .agreement()
                .id();
    }

    @Test
    @DisplayName("GIVEN two agreements about Sam to align again on the Monday after the clocks went back WHEN the job "
            + "runs every 15 minutes for three days THEN the teacher and each parent get one reminder listing both, "
            + "at 08:00 Amsterdam time")
    void onceAtEightInTheMorningAcrossDst() {
        long reading = add("Sam", "Lezen", AFTER_DST);
        long maths = add("Sam", "Rekenen", AFTER_DST);
        add("Noor", "Later", AFTER_DST.plusDays(7));
        school.clock.set(Instant.parse("2026-10-24T12:00:00Z"));

        Instant firstReminder = null;
        while (school.clock.instant().isBefore(Instant.parse("2026-10-27T12:00:00Z"))) {
            if (school.reminders.run() > 0) {
                assertThat(firstReminder).as("a second reminder").isNull();
                firstReminder = school.clock.instant();
            }
            school.clock.advance(Duration.ofMinutes(15));
        }

        assertThat(firstReminder).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        var toTeacher = school.rows(TeacherNotices.KIND).stream()
                .filter(d ->
                        TeacherNotices.parse(d.payload()).key().orElseThrow().equals("agreement.teacher.align-again"))
                .toList();
        assertThat(toTeacher).hasSize(1);
        assertThat(TeacherNotices.parse(toTeacher.get(0).payload()).values())
                .containsEntry("student", "Sam")
                .containsEntry("agreements", "Lezen · Rekenen");
        var toFamilies = school.rows(AgreementMail.REMINDER);
        assertThat(toFamilies)
                .extracting(Delivery::guardianId)
                .containsExactlyInAnyOrder(Optional.of(school.samsMum.id()), Optional.of(school.samsDad.id()));
        assertThat(toFamilies)
                .allSatisfy(row -> assertThat(
                                AgreementMail.reminderOf(row.payload()).agreementIds())
                        .containsExactly(reading, maths));
        assertThat(school.store.agreements.find(reading).orElseThrow().remindedAt())
                .isPresent();
    }

    @Test
    @DisplayName("GIVEN a family whose quiet hours last until 09:00 WHEN the 08:00 reminder is made THEN the outbox "
            + "holds theirs until 09:00 and the other parent's goes at 08:00")
    void familyQuietHoursHoldTheReminder() {
        school.store.guardians.savePlan(
                school.samsMum.id(),
                school.samsMum.plan().withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0))));
        add("Sam", "Lezen", AFTER_DST);
        school.clock.set(Instant.parse("2026-10-26T07:00:00Z"));

        assertThat(school.reminders.run()).isEqualTo(1);

        var rows = school.rows(AgreementMail.REMINDER);
        assertThat(rows)
                .filteredOn(d -> d.guardianId().equals(Optional.of(school.samsMum.id())))
                .extracting(Delivery::nextAttemptAt)
                .containsExactly(Instant.parse("2026-10-26T08:00:00Z"));
        assertThat(rows)
                .filteredOn(d -> d.guardianId().equals(Optional.of(school.samsDad.id())))
                .extracting(Delivery::nextAttemptAt)
                .containsExactly(Instant.parse("2026-10-26T07:00:00Z"));
    }

    @Test
    @DisplayName("GIVEN an agreement marked done before its day WHEN the day comes THEN nobody is reminded")
    void doneAgreementsAreNotReminded() {
        long id = add("Sam", "Lezen", AFTER_DST);
        school.agreements.done(school.groep5, "Sam", id, TestStore.TEACHER);
        school.clock.set(Instant.parse("2026-10-26T10:00:00Z"));

        assertThat(school.reminders.run()).isZero();
        assertThat(school.rows(AgreementMail.REMINDER)).isEmpty();
    }
}
