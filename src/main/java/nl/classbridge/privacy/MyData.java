package nl.classbridge.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.Confirmation;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import nl.classbridge.store.AgreementRepository;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.FamilyDataRepository;
import nl.classbridge.store.QuestionnaireRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/**
 * {@code /my-data} and MY DATA by email: everything stored about one guardian, as a readable text in
 * their language and as JSON with stable English field names and ISO dates. Their contact data and
 * plan, their children, every answer with its question as it was asked (the stored questionnaire
 * version, in their language), the agreements about their children with their own answer, the
 * conversations they were asked about (dates only) and the messages sent to them (kind, channel,
 * status, when; not the bodies). Everything is read by this guardian's id: another family's data
 * cannot come in, not even the other parent's answers about the same child. Reads only.
 */
public final class MyData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FamilyDataRepository family;
    private final StudentRepository students;
    private final SchoolClassRepository classes;
    private final CheckinRepository checkins;
    private final QuestionnaireRepository questionnaires;
    private final QuestionnaireVersions versions;
    private final AgreementRepository agreements;
    private final ConversationRepository conversations;
    private final DeliveryRepository deliveries;
    private final Messages messages;
    private final ZoneId schoolZone;
    private final Clock clock;

    public MyData(
            FamilyDataRepository family,
            StudentRepository students,
            SchoolClassRepository classes,
            CheckinRepository checkins,
            QuestionnaireRepository questionnaires,
            QuestionnaireVersions versions,
            AgreementRepository agreements,
            ConversationRepository conversations,
            DeliveryRepository deliveries,
            Messages messages,
            ZoneId schoolZone,
            Clock clock) {
        this.family = family;
        this.students = students;
        this.classes = classes;
        this.checkins = checkins;
        this.questionnaires = questionnaires;
        this.versions = versions;
        this.agreements = agreements;
        this.conversations = conversations;
        this.deliveries = deliveries;
        this.messages = messages;
        this.schoolZone = schoolZone;
        this.clock = clock;
    }

    /**
     * The two files' contents.
     *
     * @param text     for people, in {@code language}; each adapter renders it (Markdown, plain text)
     * @param json     for programs: the same data, pretty-printed
     * @param children the children's first names, for the reply that goes with the files
     */
    public record Report(Text text, String json, Language language, List<String> children) {}

    /** Everything stored about {@code guardian}, as it is now. */
    public Report of(Guardian guardian) {
        Gathered data = gather(guardian);
        return new Report(new Readable(data).text(), json(data), data.language, data.childNames());
    }

    /** One child as the guardian is linked to them. */
    private record Child(Student student, Optional<SchoolClass> schoolClass, Instant linkedAt) {}

    /** One answer with the question as it was asked. */
    private record Given(String question, String answer, boolean skipped, Instant answeredAt, String source) {}

    /** One time the guardian was asked, with what they answered. */
    private record AskedRound(
            FamilyDataRepository.Asked asked,
            String questionnaire,
            int version,
            String title,
            String child,
            List<Given> answers) {}

    private record Agreed(Agreement agreement, String child, Confirmation confirmation) {}

    private record Talk(ParentConversation conversation, String child) {}

    /** Everything read, once, for both files. */
    private record Gathered(
            Guardian guardian,
            Optional<String> discordName,
            List<Language> chain,
            Language language,
            ZoneId zone,
            Instant now,
            List<Child> children,
            List<AskedRound> rounds,
            List<Agreed> agreed,
            List<Talk> talks,
            List<Delivery> sent) {
        List<String> childNames() {
            return children.stream().map(child -> child.student().name()).toList();
        }
    }

    private Gathered gather(Guardian guardian) {
        List<Child> children = new ArrayList<>();
        for (FamilyDataRepository.Link link : family.links(guardian.id())) {
            students.find(link.studentId())
                    .ifPresent(student ->
                            children.add(new Child(student, classes.find(student.classId()), link.linkedAt())));
        }
        Optional<SchoolClass> firstClass =
                children.stream().flatMap(child -> child.schoolClass().stream()).findFirst();
        List<Language> chain = messages.chain(guardian.plan().language(), firstClass.map(SchoolClass::language));
        Language language = chain.get(0);
        ZoneId zone = firstClass.map(SchoolClass::timezone).orElse(schoolZone);
        List<AskedRound> rounds = new ArrayList<>();
        for (FamilyDataRepository.Asked asked : family.asked(guardian.id())) {
            rounds.add(round(asked, language, chain));
        }
        List<Agreed> agreed = new ArrayList<>();
        for (Confirmation confirmation : family.confirmations(guardian.id())) {
            agreements
                    .find(confirmation.agreementId())
                    .ifPresent(agreement ->
                            agreed.add(new Agreed(agreement, childName(agreement.studentId()), confirmation)));
        }
        List<Talk> talks = new ArrayList<>();
        for (long id : family.conversationsAskedAbout(guardian.id())) {
            conversations.find(id).ifPresent(talk -> talks.add(new Talk(talk, childName(talk.studentId()))));
        }
        return new Gathered(
                guardian,
                family.discordName(guardian.id()),
                chain,
                language,
                zone,
                clock.instant(),
                children,
                rounds,
                agreed,
                talks,
                deliveries.ofGuardian(guardian.id()));
    }

    private AskedRound round(FamilyDataRepository.Asked asked, Language language, List<Language> chain) {
        Questionnaire questionnaire = versions.get(asked.questionnaireVersionId());
        int version = questionnaires
                .find(asked.questionnaireVersionId())
                .map(v -> v.version())
                .orElse(0);
        String id = questionnaires
                .find(asked.questionnaireVersionId())
                .map(v -> v.questionnaire())
                .orElse("");
        List<Given> given = new ArrayList<>();
        List<Answer> answers = checkins.answers(asked.requestId());
        for (Question question : questionnaire.asked()) {
            answers.stream()
                    .filter(answer -> answer.questionId().equals(question.id()))
                    .findFirst()
                    .ifPresent(answer -> given.add(new Given(
                            question.text(language),
                            answer.value()
                                    .map(value -> AnswerDisplay.show(question, value, language, messages, chain))
                                    .orElse(""),
                            answer.skipped(),
                            answer.answeredAt(),
                            answer.source().code())));
        }
        answers.stream()
                .filter(answer -> answer.questionId().equals(Answer.EMAIL_NOTE))
                .forEach(note -> given.add(new Given(
                        messages.text("mydata.email-note", chain, Map.of()).words(),
                        note.value().orElse(""),
                        false,
                        note.answeredAt(),
                        note.source().code())));
        return new AskedRound(asked, id, version, questionnaire.title(language), childName(asked.studentId()), given);
    }

    private String childName(long studentId) {
        return students.find(studentId).map(Student::name).orElse("");
    }

    private static String json(Gathered data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generatedAt", data.now().toString());
        Guardian guardian = data.guardian();
        ObjectNode contact = root.putObject("contact");
        contact.put("guardianId", guardian.id());
        contact.put(
                "discordUserId", guardian.discordUserId().map(String::valueOf).orElse(null));
        contact.put("discordName", data.discordName().orElse(null));
        contact.put("email", guardian.email().orElse(null));
        contact.put("discordStatus", guardian.discordUnreachable() ? "unreachable" : "ok");
        contact.put("emailStatus", guardian.emailInvalid() ? "invalid" : "ok");
        contact.put("statusReason", guardian.statusReason().orElse(null));
        contact.put("since", guardian.createdAt().toString());
        ObjectNode plan = root.putObject("plan");
        plan.put("channel", guardian.plan().channel().code());
        plan.put("language", guardian.plan().language().map(Language::code).orElse(null));
        plan.put(
                "quietHoursStart",
                guardian.plan().quietHours().map(q -> q.start().toString()).orElse(null));
        plan.put(
                "quietHoursEnd",
                guardian.plan().quietHours().map(q -> q.end().toString()).orElse(null));
        plan.put("contactTimes", guardian.plan().contactTimes().orElse(null));
        ArrayNode children = root.putArray("children");
        for (Child child : data.children()) {
            children.addObject()
                    .put("name", child.student().name())
                    .put("class", child.schoolClass().map(SchoolClass::name).orElse(null))
                    .put("linkedAt", child.linkedAt().toString());
        }
        ArrayNode rounds = root.putArray("questionnaires");
        for (AskedRound round : data.rounds()) {
            ObjectNode one = rounds.addObject()
                    .put("questionnaire", round.questionnaire())
                    .put("version", round.version())
                    .put("title", round.title())
                    .put("child", round.child())
                    .put("startedAt", round.asked().startedAt().toString())
                    .put("channel", round.asked().channel())
                    .put("status", round.asked().status())
                    .put(
                            "completedAt",
                            round.asked().completedAt().map(Instant::toString).orElse(null));
            ArrayNode answers = one.putArray("answers");
            for (Given given : round.answers()) {
                answers.addObject()
                        .put("question", given.question())
                        .put("answer", given.skipped() ? null : given.answer())
                        .put("skipped", given.skipped())
                        .put("answeredAt", given.answeredAt().toString())
                        .put("via", given.source());
            }
        }
        ArrayNode agreed = root.putArray("agreements");
        for (Agreed one : data.agreed()) {
            agreed.addObject()
                    .put("child", one.child())
                    .put("agreement", one.agreement().text())
                    .put("owner", one.agreement().owner().code())
                    .put(
                            "alignAgainOn",
                            one.agreement().alignAgainOn().map(Object::toString).orElse(null))
                    .put("yourAnswer", one.confirmation().status().code())
                    .put("yourWords", one.confirmation().ownWords().orElse(null))
                    .put("askedAt", one.confirmation().askedAt().toString())
                    .put(
                            "answeredAt",
                            one.confirmation()
                                    .answeredAt()
                                    .map(Instant::toString)
                                    .orElse(null));
        }
        ArrayNode talks = root.putArray("conversations");
        for (Talk talk : data.talks()) {
            talks.addObject()
                    .put("child", talk.child())
                    .put("plannedOn", talk.conversation().plannedOn().toString())
                    .put(
                            "heldAt",
                            talk.conversation().heldAt().map(Instant::toString).orElse(null))
                    .put(
                            "cancelledAt",
                            talk.conversation()
                                    .cancelledAt()
                                    .map(Instant::toString)
                                    .orElse(null));
        }
        ArrayNode sent = root.putArray("messages");
        for (Delivery delivery : data.sent()) {
            sent.addObject()
                    .put("kind", delivery.kind())
                    .put("channel", delivery.channel().code())
                    .put("status", delivery.status().code())
                    .put("createdAt", delivery.createdAt().toString())
                    .put("sentAt", delivery.sentAt().map(Instant::toString).orElse(null));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always JSON", e);
        }
    }

    /** The readable file: sections with a heading each, in the guardian's language. */
    private final class Readable {
        private final Gathered data;
        private final List<Text.Block> blocks = new ArrayList<>();

        Readable(Gathered data) {
            this.data = data;
        }

        Text text() {
            Guardian guardian = data.guardian();
            blocks.add(new Text.Title(words("mydata.title", Map.of())));
            blocks.add(new Text.Paragraph(words("mydata.intro", Map.of("date", day(data.now())))));
            List<List<Text.Span>> contact = new ArrayList<>();
            data.discordName()
                    .ifPresent(name -> contact.add(words("mydata.contact.discord-name", Map.of("name", name))));
            guardian.discordUserId()
                    .ifPresent(id -> contact.add(words("mydata.contact.discord-id", Map.of("id", String.valueOf(id)))));
            guardian.email().ifPresent(email -> contact.add(words("mydata.contact.email", Map.of("email", email))));
            contact.add(words(
                    "mydata.contact.status",
                    Map.of(
                            "discord",
                                    guardian.discordUserId().isEmpty()
                                            ? "–"
                                            : guardian.discordUnreachable() ? "unreachable" : "ok",
                            "email", guardian.email().isEmpty() ? "–" : guardian.emailInvalid() ? "invalid" : "ok")));
            contact.add(words("mydata.contact.since", Map.of("date", day(guardian.createdAt()))));
            section("mydata.contact.heading", contact);
            List<List<Text.Span>> plan = new ArrayList<>();
            plan.add(words(
                    "mydata.plan.channel",
                    Map.of("channel", guardian.plan().channel().code())));
            plan.add(words(
                    "mydata.plan.language",
                    Map.of(
                            "language",
                            guardian.plan().language().map(Language::nativeName).orElse("–"))));
            plan.add(words(
                    "mydata.plan.quiet-hours",
                    Map.of(
                            "hours",
                            guardian.plan()
                                    .quietHours()
                                    .map(q -> Dates.time(q.start(), data.language()) + " – "
                                            + Dates.time(q.end(), data.language()))
                                    .orElse("–"))));
            plan.add(words(
                    "mydata.plan.contact-times",
                    Map.of("times", guardian.plan().contactTimes().orElse("–"))));
            section("mydata.plan.heading", plan);
            List<List<Text.Span>> children = new ArrayList<>();
            for (Child child : data.children()) {
                children.add(words(
                        "mydata.child",
                        Map.of(
                                "child", child.student().name(),
                                "class",
                                        child.schoolClass()
                                                .map(SchoolClass::name)
                                                .orElse("–"),
                                "date", day(child.linkedAt()))));
            }
            section("mydata.children-heading", children);
            for (AskedRound round : data.rounds()) {
                List<List<Text.Span>> answers = new ArrayList<>();
                for (Given given : round.answers()) {
                    answers.add(
                            given.skipped()
                                    ? words("mydata.answer-skipped", Map.of("question", given.question()))
                                    : words(
                                            "mydata.answer",
                                            Map.of("question", given.question(), "answer", given.answer())));
                }
                if (answers.isEmpty()) {
                    answers.add(words("mydata.no-answers", Map.of()));
                }
                blocks.add(new Text.Section(
                        words(
                                "mydata.round-heading",
                                Map.of(
                                        "questionnaire", round.title(),
                                        "version", round.version(),
                                        "child", round.child(),
                                        "date", day(round.asked().startedAt()))),
                        answers));
            }
            List<List<Text.Span>> agreed = new ArrayList<>();
            for (Agreed one : data.agreed()) {
                agreed.add(words(
                        "mydata.agreement",
                        Map.of(
                                "child", one.child(),
                                "agreement", one.agreement().text(),
                                "answer", one.confirmation().status().code(),
                                "words", one.confirmation().ownWords().orElse("–"))));
            }
            section("mydata.agreements-heading", agreed);
            List<List<Text.Span>> talks = new ArrayList<>();
            for (Talk talk : data.talks()) {
                talks.add(words(
                        "mydata.conversation",
                        Map.of(
                                "child",
                                talk.child(),
                                "date",
                                Dates.day(
                                        talk.conversation()
                                                .plannedOn()
                                                .atStartOfDay(data.zone())
                                                .toInstant(),
                                        data.zone(),
                                        data.language()))));
            }
            section("mydata.conversations-heading", talks);
            List<List<Text.Span>> sent = new ArrayList<>();
            for (Delivery delivery : data.sent()) {
                sent.add(words(
                        "mydata.message",
                        Map.of(
                                "date", day(delivery.createdAt()),
                                "kind", delivery.kind(),
                                "channel", delivery.channel().code(),
                                "status", delivery.status().code())));
            }
            section("mydata.messages-heading", sent);
            blocks.add(new Text.Paragraph(words("mydata.rights", Map.of())));
            return new Text(blocks, data.language());
        }

        /** A section, or its heading with "nothing" under it: the reader sees what is not stored too. */
        private void section(String headingKey, List<List<Text.Span>> items) {
            List<List<Text.Span>> shown = items.isEmpty() ? List.of(words("mydata.nothing", Map.of())) : items;
            blocks.add(new Text.Section(words(headingKey, Map.of()), shown));
        }

        private List<Text.Span> words(String key, Map<String, ?> values) {
            return messages.text(key, data.chain(), values).spans();
        }

        private String day(Instant instant) {
            return Dates.day(instant, data.zone(), data.language());
        }
    }
}
