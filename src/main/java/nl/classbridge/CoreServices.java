package nl.classbridge;

import java.time.Clock;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinRevocation;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.ContactAsked;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.config.Settings;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.roster.Enrolment;
import nl.classbridge.roster.InviteCode;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.store.Database;
import nl.classbridge.store.Repositories;

/**
 * The core's use cases for classes, families and check-ins, wired over one database. The running
 * bot builds its commands on them; a benchmark that simulates a school year drives the same ones,
 * so both are wired in this one place.
 */
public record CoreServices(
        QuestionnaireVersions versions,
        Outbox outbox,
        ClassRoster roster,
        Enrolment enrolment,
        CheckinRounds rounds,
        Conversations conversations) {

    public static CoreServices wire(
            Database database,
            Repositories store,
            Settings settings,
            ActiveQuestionnaires questionnaires,
            Clock clock) {
        QuestionnaireVersions versions = new QuestionnaireVersions(store.questionnaires());
        Outbox outbox = new Outbox(
                database,
                store.deliveries(),
                store.guardians(),
                clock,
                settings.quietHours(),
                settings.school().timezone());
        ClassRoster roster = new ClassRoster(
                database,
                store.classes(),
                store.students(),
                store.guardians(),
                store.classTeachers(),
                store.deliveries(),
                new CheckinRevocation(database, store.checkins(), store.deliveries()),
                store.auditLog(),
                settings.school().defaultLanguage(),
                settings.school().timezone(),
                clock);
        Enrolment enrolment = new Enrolment(
                database,
                store.students(),
                store.guardians(),
                store.invites(),
                store.joinAttempts(),
                new InviteCode(),
                store.auditLog(),
                clock);
        CheckinRounds rounds = new CheckinRounds(
                database,
                store.checkins(),
                store.students(),
                store.guardians(),
                questionnaires,
                versions,
                outbox,
                store.auditLog(),
                clock);
        ContactAsked contactAsked = new ContactAsked(
                store.classes(),
                store.students(),
                versions,
                new TeacherNotices(outbox, store.students(), store.classes()));
        Conversations conversations =
                new Conversations(database, store.checkins(), store.guardians(), versions, outbox, contactAsked, clock);
        return new CoreServices(versions, outbox, roster, enrolment, rounds, conversations);
    }
}
