package nl.classbridge;

import java.time.Clock;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.agreements.AlignmentReminders;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinRevocation;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.ContactAsked;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.config.Settings;
import nl.classbridge.conversations.ChildViews;
import nl.classbridge.conversations.ConversationPlans;
import nl.classbridge.conversations.Reflections;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.roster.Enrolment;
import nl.classbridge.roster.InviteCode;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.store.Database;
import nl.classbridge.store.Repositories;

/**
 * The core's use cases for classes, families, check-ins and the conversation cycle (parent
 * conversations, the child's view, the teacher's reflection, agreements with their confirmations and
 * align-again reminders), wired over one database. The running bot builds its commands on them; a
 * benchmark that simulates a school year drives the same ones, so both are wired in this one place.
 */
public record CoreServices(
        QuestionnaireVersions versions,
        Outbox outbox,
        TeacherNotices notices,
        ClassRoster roster,
        Enrolment enrolment,
        CheckinRounds rounds,
        Conversations conversations,
        ConversationPlans plans,
        ChildViews childViews,
        Reflections reflections,
        Agreements agreements,
        AlignmentReminders alignments) {

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
        TeacherNotices notices = new TeacherNotices(outbox, store.students(), store.classes());
        ContactAsked contactAsked = new ContactAsked(store.classes(), store.students(), versions, notices);
        Conversations conversations =
                new Conversations(database, store.checkins(), store.guardians(), versions, outbox, contactAsked, clock);
        ConversationPlans plans = new ConversationPlans(
                database, store.conversations(), store.students(), store.checkins(), rounds, store.auditLog(), clock);
        ChildViews childViews =
                new ChildViews(database, store.conversations(), store.students(), store.auditLog(), clock);
        Reflections reflections = new Reflections(database, store.conversations(), store.auditLog(), clock);
        Agreements agreements = new Agreements(
                database,
                store.agreements(),
                store.conversations(),
                store.students(),
                store.guardians(),
                store.classes(),
                outbox,
                notices,
                store.auditLog(),
                clock);
        AlignmentReminders alignments = new AlignmentReminders(
                database,
                store.agreements(),
                store.students(),
                store.guardians(),
                store.classes(),
                outbox,
                notices,
                clock);
        return new CoreServices(
                versions,
                outbox,
                notices,
                roster,
                enrolment,
                rounds,
                conversations,
                plans,
                childViews,
                reflections,
                agreements,
                alignments);
    }
}
