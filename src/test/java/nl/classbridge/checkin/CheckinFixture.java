package nl.classbridge.checkin;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;

/** A class with children and guardians on a real store, and the check-in services over it. */
final class CheckinFixture implements AutoCloseable {
    final TestStore store;
    final MutableClock clock = new MutableClock(TestStore.T0);
    final ActiveQuestionnaires questionnaires;
    final Outbox outbox;
    final CheckinRounds rounds;
    final RoundOverview overview;
    final SchoolClass groep5;
    final Student sam;
    final Student mila;
    final Guardian samsMum;
    final Guardian parentOfBoth;
    final Guardian emailOnly;

    CheckinFixture(Path folder) {
        store = new TestStore(folder);
        outbox = new Outbox(
                store.database,
                store.deliveries,
                store.guardians,
                clock,
                new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                ZoneId.of("Europe/Amsterdam"));
        questionnaires = ActiveQuestionnaires.load(Path.of("config/questionnaires"), store.questionnaires, clock);
        rounds = new CheckinRounds(
                store.database,
                store.checkins,
                store.students,
                store.guardians,
                questionnaires,
                new QuestionnaireVersions(store.questionnaires),
                outbox,
                store.auditLog,
                clock);
        overview = new RoundOverview(
                store.checkins,
                store.students,
                store.guardians,
                store.deliveries,
                new QuestionnaireVersions(store.questionnaires),
                store.auditLog,
                clock);
        groep5 = store.aClass();
        sam = store.aStudent(groep5, "Sam");
        mila = store.aStudent(groep5, "Mila");
        samsMum = store.guardians.addDiscord(701L, TestStore.T0);
        parentOfBoth = store.guardians.addDiscord(702L, TestStore.T0);
        emailOnly = store.guardians.addEmail("ouder@example.org", java.util.Optional.empty(), TestStore.T0);
        store.guardians.link(samsMum.id(), sam.id(), TestStore.T0);
        store.guardians.link(parentOfBoth.id(), sam.id(), TestStore.T0);
        store.guardians.link(parentOfBoth.id(), mila.id(), TestStore.T0);
        store.guardians.link(emailOnly.id(), mila.id(), TestStore.T0);
    }

    /** Fresh services over the same store, as after a restart. */
    Conversations conversations() {
        return new Conversations(
                store.database,
                store.checkins,
                store.guardians,
                new QuestionnaireVersions(store.questionnaires),
                outbox,
                new ContactAsked(
                        store.classes,
                        store.students,
                        new QuestionnaireVersions(store.questionnaires),
                        new TeacherNotices(outbox, store.students, store.classes)),
                clock);
    }

    CheckinRounds.Started.Round start(String questionnaire) {
        return (CheckinRounds.Started.Round) rounds.start(groep5, questionnaire, 7, TestStore.TEACHER);
    }

    @Override
    public void close() {
        store.close();
    }
}
