package nl.classbridge.privacy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ConfirmationKind;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.store.FamilyDataRepository;
import nl.classbridge.store.JoinAttemptRepository;
import nl.classbridge.store.ReplyTokenRepository;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;

/**
 * Two classes on a real SQLite file: Sam in Groep 5 with two parents (his father on Discord, who
 * also has Lina in Groep 6; his mother by email), and Daan in Groep 6 with a mother of his own.
 * Every parent answered, and the father left traces in every table an erasure must reach.
 */
final class FamilyFixture implements AutoCloseable {
    static final long DAD_DISCORD = 1_400_000_000_000_000_777L;
    static final String DAD_NAME = "papa.sam.zz";
    static final String DAD_EMAIL = "papa.zzdad@example.org";
    static final String DAD_WORDS = "Zwemdiploma ZZDAD gehaald";
    static final String DAD_AGREEMENT_WORDS = "Wij ZZDADAGREE zien het anders";
    static final String DAD_MAIL_WORDS = "Groetjes ZZDADMAIL van papa";
    static final String MUM_EMAIL = "mama.zzmum@example.org";
    static final String MUM_WORDS = "Mama ZZMUM leest elke avond voor";
    static final String DAAN_WORDS = "Geheim ZZDAAN van groep 6";
    static final long TEACHER6 = TestStore.TEACHER + 1;
    static final long CO_TEACHER = TestStore.TEACHER + 2;
    static final Instant ANSWERED = TestStore.T0.plus(Duration.ofHours(3));

    final TestStore store;
    final MutableClock clock = new MutableClock(TestStore.T0);
    final ActiveQuestionnaires questionnaires;
    final Messages messages;
    final Outbox outbox;
    final FamilyDataRepository family;
    final List<String> mailboxErased = new ArrayList<>();
    final SchoolClass groep5;
    final SchoolClass groep6;
    final Student sam;
    final Student lina;
    final Student daan;
    Guardian dad;
    final Guardian mum;
    final Guardian daansMum;

    FamilyFixture(Path folder) throws Exception {
        store = new TestStore(folder);
        messages = new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL);
        questionnaires = ActiveQuestionnaires.load(Path.of("config/questionnaires"), store.questionnaires, clock);
        outbox = new Outbox(
                store.database,
                store.deliveries,
                store.guardians,
                clock,
                new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                ZoneId.of("Europe/Amsterdam"));
        family = new FamilyDataRepository(store.database);
        groep5 = store.aClass();
        groep6 = store.classes.add(
                "Groep 6",
                TestStore.GUILD,
                TestStore.CHANNEL + 1,
                Language.NL,
                ZoneId.of("Europe/Amsterdam"),
                TEACHER6,
                "Meester Tom",
                TestStore.T0);
        store.classTeachers.addCoTeacher(groep5.id(), CO_TEACHER, "juf.co", TestStore.TEACHER, TestStore.T0);
        sam = store.aStudent(groep5, "Sam");
        lina = store.aStudent(groep6, "Lina");
        daan = store.aStudent(groep6, "Daan");

        dad = store.guardians.addDiscord(DAD_DISCORD, TestStore.T0);
        store.guardians.setDiscordName(dad.id(), DAD_NAME);
        store.guardians.setEmail(dad.id(), DAD_EMAIL);
        store.guardians.savePlan(dad.id(), dad.plan().withLanguage(Language.EN));
        dad = store.guardians.find(dad.id()).orElseThrow();
        store.guardians.link(dad.id(), sam.id(), TestStore.T0);
        store.guardians.link(dad.id(), lina.id(), TestStore.T0);
        mum = store.guardians.addEmail(MUM_EMAIL, Optional.empty(), TestStore.T0);
        store.guardians.link(mum.id(), sam.id(), TestStore.T0);
        daansMum = store.guardians.addDiscord(1_500_000_000_000_000_888L, TestStore.T0);
        store.guardians.link(daansMum.id(), daan.id(), TestStore.T0);

        CheckinRound checkIn = round(groep5, "check-in");
        CheckinRequest dads =
                store.checkins.addRequest(checkIn.id(), dad.id(), sam.id(), ContactChannel.DISCORD, TestStore.T0);
        answer(dads, "went-well", DAD_WORDS);
        answer(dads, "feeling", "4");
        CheckinRequest mums =
                store.checkins.addRequest(checkIn.id(), mum.id(), sam.id(), ContactChannel.EMAIL, TestStore.T0);
        answer(mums, "went-well", MUM_WORDS);
        CheckinRound other = round(groep6, "check-in");
        CheckinRequest daans =
                store.checkins.addRequest(other.id(), daansMum.id(), daan.id(), ContactChannel.DISCORD, TestStore.T0);
        answer(daans, "went-well", DAAN_WORDS);

        var talk = store.conversations.plan(
                groep5.id(),
                sam.id(),
                LocalDate.of(2026, 10, 1),
                Optional.empty(),
                false,
                TestStore.TEACHER,
                TestStore.T0);
        store.conversations.setBeforeRound(talk.id(), checkIn.id());
        var agreement = store.agreements.add(
                sam.id(),
                Optional.of(talk.id()),
                "Samen ZZAGREEMENT lezen",
                AgreementOwner.TOGETHER,
                Optional.empty(),
                TestStore.TEACHER,
                TestStore.T0);
        store.agreements.ask(agreement.id(), dad.id(), TestStore.T0);
        store.agreements.answer(
                agreement.id(), dad.id(), ConfirmationStatus.DIFFERS, Optional.of(DAD_AGREEMENT_WORDS), ANSWERED);
        store.agreements.ask(agreement.id(), mum.id(), TestStore.T0);

        // Traces elsewhere: messages to him, a note to the teacher quoting his mail, his join in the
        // audit, a failed join try, his reply token and an open code.
        store.deliveries.enqueue(
                "checkin:" + checkIn.id() + ":guardian:" + dad.id() + ":dm",
                Optional.of(groep5.id()),
                Optional.of(dad.id()),
                DeliveryChannel.DISCORD_DM,
                "checkin-question",
                "{\"text\":\"" + DAD_WORDS + "\"}",
                TestStore.T0,
                TestStore.T0);
        store.deliveries.enqueue(
                "checkin:" + checkIn.id() + ":guardian:" + mum.id() + ":email",
                Optional.of(groep5.id()),
                Optional.of(mum.id()),
                DeliveryChannel.EMAIL,
                "checkin-question",
                "{}",
                TestStore.T0,
                TestStore.T0);
        new TeacherNotices(outbox, store.students, store.classes)
                .tell(
                        groep5,
                        "mailbox.family-wrote",
                        java.util.Map.of("words", DAD_MAIL_WORDS, "student", "Sam"),
                        "mailbox:1700000000:5:mailbox.family-wrote:class:" + groep5.id());
        new TeacherNotices(outbox, store.students, store.classes)
                .tell(
                        groep5,
                        "mailbox.family-wrote",
                        java.util.Map.of("words", MUM_WORDS, "student", "Sam"),
                        "mailbox:1700000000:6:mailbox.family-wrote:class:" + groep5.id());
        store.auditLog.record(new AuditEntry(
                TestStore.T0,
                DAD_DISCORD,
                Optional.of(groep5.id()),
                "guardian.join",
                "student=" + sam.id() + " guardian=" + dad.id()));
        new JoinAttemptRepository(store.database).recordFailure(DAD_DISCORD, TestStore.T0);
        new ReplyTokenRepository(store.database).forGuardian(dad.id(), () -> "abcdefghijkmnpqr", TestStore.T0);
        new ConfirmationCodes(store.confirmations, clock).issue(dad.id(), ConfirmationKind.FORGET_ME, Optional.empty());
    }

    MyData myData() {
        return new MyData(
                family,
                store.students,
                store.classes,
                store.checkins,
                store.questionnaires,
                new QuestionnaireVersions(store.questionnaires),
                store.agreements,
                store.conversations,
                store.deliveries,
                messages,
                ZoneId.of("Europe/Amsterdam"),
                clock);
    }

    /** The erasure, with a mailbox that records whose mails it removed and says it removed mail 5. */
    ForgetMe forgetMe() {
        return new ForgetMe(
                store.database,
                family,
                store.students,
                store.classes,
                store.classTeachers,
                new TeacherNotices(outbox, store.students, store.classes),
                store.auditLog,
                address -> {
                    mailboxErased.add(address);
                    return List.of("1700000000:5");
                },
                clock);
    }

    private CheckinRound round(SchoolClass schoolClass, String questionnaire) {
        long version =
                questionnaires.find(questionnaire).orElseThrow().version().id();
        return store.checkins.startRound(
                schoolClass.id(),
                Optional.empty(),
                version,
                "token-" + schoolClass.id() + "-" + questionnaire,
                TestStore.TEACHER,
                TestStore.T0,
                TestStore.T0.plus(Duration.ofDays(7)));
    }

    private void answer(CheckinRequest request, String question, String value) {
        store.checkins.saveAnswer(Answer.given(request.id(), question, value, AnswerSource.DISCORD_TEXT, ANSWERED));
    }

    @Override
    public void close() {
        store.close();
    }
}
