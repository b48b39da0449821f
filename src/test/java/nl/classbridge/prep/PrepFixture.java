package nl.classbridge.prep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.ContactAsked;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.store.ClassNeedsRepository;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;

/**
 * A class on a real store with the shipped questionnaires and a questionnaire before a conversation,
 * rounds started and answered through the check-in services, and {@link Preparation} over it all.
 */
final class PrepFixture implements AutoCloseable {
    /** A questionnaire before a conversation, with the question the sheet reads as a strength. */
    static final String BEFORE_CONVERSATION = """
            id: before-conversation
            version: 1
            title: {nl: "Voor ons gesprek", en: "Before our talk", ar: "قبل حديثنا", tr: "Görüşmeden önce", pl: "Przed rozmową", uk: "Перед розмовою"}
            intro: {nl: "Fijn dat je komt.", en: "Glad you come.", ar: "سعداء بقدومكم.", tr: "Geldiğiniz için sevindik.", pl: "Cieszę się.", uk: "Раді вам."}
            questions:
              - id: talk-about
                type: text
                required: false
                max-length: 1000
                text: {nl: "Waar wil je het over hebben?", en: "What would you like to talk about?", ar: "عن ماذا تريدون أن نتحدث؟", tr: "Ne hakkında konuşmak istersiniz?", pl: "O czym chcesz porozmawiać?", uk: "Про що ви хочете поговорити?"}
              - id: going-well-at-home
                type: text
                required: false
                max-length: 1000
                text: {nl: "Wat gaat er goed thuis?", en: "What goes well at home?", ar: "ما الذي يسير جيدًا في البيت؟", tr: "Evde neler iyi gidiyor?", pl: "Co dobrze idzie w domu?", uk: "Що вдома вдається добре?"}
            """;

    final TestStore store;
    final MutableClock clock = new MutableClock(TestStore.T0);
    final ActiveQuestionnaires questionnaires;
    final QuestionnaireVersions versions;
    final CheckinRounds rounds;
    final Conversations answering;
    final Messages messages;
    final SchoolClass groep5;

    PrepFixture(Path folder) {
        store = new TestStore(folder);
        Path questionnaireFolder = folder.resolve("questionnaires");
        copyShippedQuestionnaires(questionnaireFolder);
        questionnaires = ActiveQuestionnaires.load(questionnaireFolder, store.questionnaires, clock);
        versions = new QuestionnaireVersions(store.questionnaires);
        Outbox outbox = new Outbox(
                store.database,
                store.deliveries,
                store.guardians,
                clock,
                new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                ZoneId.of("Europe/Amsterdam"));
        rounds = new CheckinRounds(
                store.database,
                store.checkins,
                store.students,
                store.guardians,
                questionnaires,
                versions,
                outbox,
                store.auditLog,
                clock);
        answering = new Conversations(
                store.database,
                store.checkins,
                store.guardians,
                versions,
                outbox,
                new ContactAsked(
                        store.classes,
                        store.students,
                        versions,
                        new TeacherNotices(outbox, store.students, store.classes)),
                clock);
        try {
            messages = new Messages(MessageCatalogue.load(Path.of("messages")), nl.classbridge.domain.Language.NL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        groep5 = store.aClass();
    }

    /** The service as the bot wires it. */
    Preparation preparation() {
        return new Preparation(
                store.students,
                store.guardians,
                store.checkins,
                store.conversations,
                store.agreements,
                store.highlights,
                versions,
                questionnaires,
                TeacherAsks.inOwnWords(new ClassNeedsRepository(store.database), questionnaires),
                store.auditLog,
                clock);
    }

    PrepSheet sheet(String student) {
        return ((Preparation.Prepared.Sheet) preparation().prepare(groep5, TestStore.TEACHER, student)).sheet();
    }

    Student child(String name) {
        return store.aStudent(groep5, name);
    }

    Guardian parent(long discordUser, Student child) {
        Guardian guardian = store.guardians.addDiscord(discordUser, clock.instant());
        store.guardians.link(guardian.id(), child.id(), clock.instant());
        return store.guardians.find(guardian.id()).orElseThrow();
    }

    /** A round of {@code questionnaire} for the whole class, started by the teacher a week after the last. */
    CheckinRound classRound(String questionnaire) {
        clock.advance(Duration.ofDays(8));
        return ((CheckinRounds.Started.Round) rounds.start(groep5, questionnaire, 7, TestStore.TEACHER)).round();
    }

    /** A round of {@code questionnaire} about one child, to that child's guardians, as before or after a conversation. */
    CheckinRound roundAbout(Student child, String questionnaire) {
        Instant now = clock.instant();
        CheckinRound round = store.checkins.startRound(
                groep5.id(),
                Optional.of(child.id()),
                questionnaires.find(questionnaire).orElseThrow().version().id(),
                "t" + now.toEpochMilli() + questionnaire.hashCode(),
                TestStore.TEACHER,
                now,
                now.plus(Duration.ofDays(7)));
        store.guardians
                .ofStudent(child.id())
                .forEach(guardian ->
                        store.checkins.addRequest(round.id(), guardian.id(), child.id(), ContactChannel.DISCORD, now));
        return round;
    }

    /**
     * The guardian answers their request about {@code child} in {@code round} as a parent does on
     * Discord: each question in turn ({@code null} skips it), then Done.
     */
    void answers(CheckinRound round, Guardian guardian, Student child, Map<String, String> given) {
        CheckinRequest request = store.checkins.requests(round.id()).stream()
                .filter(r -> r.guardianId() == guardian.id() && r.studentId() == child.id())
                .findFirst()
                .orElseThrow();
        answering.begin(request.id(), guardian.id());
        given.forEach((question, value) -> {
            if (value == null) {
                answering.skip(request.id(), guardian.id(), question);
            } else {
                answering.answer(request.id(), guardian.id(), question, value, AnswerSource.DISCORD_TEXT);
            }
        });
        answering.finish(request.id(), guardian.id());
    }

    /** Answers in the order given, with nulls for skipped questions. */
    static Map<String, String> said(String... questionAndAnswer) {
        Map<String, String> said = new LinkedHashMap<>();
        for (int i = 0; i < questionAndAnswer.length; i += 2) {
            said.put(questionAndAnswer[i], questionAndAnswer[i + 1]);
        }
        return said;
    }

    private static void copyShippedQuestionnaires(Path into) {
        try {
            Files.createDirectories(into);
            try (Stream<Path> shipped = Files.list(Path.of("config/questionnaires"))) {
                for (Path file : shipped.toList()) {
                    Files.copy(file, into.resolve(file.getFileName()));
                }
            }
            // Ours, whatever the shipped one says: the sheet reads its questions by id.
            Files.writeString(into.resolve("before-conversation.yml"), BEFORE_CONVERSATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
