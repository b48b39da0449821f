package nl.classbridge.checkin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.Messages;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.translation.FreeText;

/** Gathers what a check-in message says about a request: child, class, teacher, deadline, language. */
public final class CheckinContexts {
    /** More deadlines than a school has rounds, time zones and languages at once; past it, start over. */
    private static final int MOST_DEADLINES = 1_000;

    private final CheckinRepository checkins;
    private final SchoolClassRepository classes;
    private final QuestionnaireVersions versions;
    private final Messages messages;
    private final ConversationRepository conversations;
    /** The teacher's needs for the family: translated on the way out, from the cache at a press. */
    private final FreeText needs;
    /**
     * Deadlines as families read them: formatting one is a good part of rendering a press, and the
     * text depends on nothing but the key, so nothing ever makes an entry wrong.
     */
    private final Map<Deadline, String> deadlines = new ConcurrentHashMap<>();

    private record Deadline(Instant at, ZoneId zone, Language language) {}

    public CheckinContexts(
            CheckinRepository checkins,
            SchoolClassRepository classes,
            QuestionnaireVersions versions,
            Messages messages,
            ConversationRepository conversations) {
        this(checkins, classes, versions, messages, conversations, FreeText.AS_WRITTEN);
    }

    /** With {@code needs} translating the teacher's {@code /class needs} words into each family's language. */
    public CheckinContexts(
            CheckinRepository checkins,
            SchoolClassRepository classes,
            QuestionnaireVersions versions,
            Messages messages,
            ConversationRepository conversations,
            FreeText needs) {
        this.checkins = checkins;
        this.classes = classes;
        this.versions = versions;
        this.messages = messages;
        this.conversations = conversations;
        this.needs = needs;
    }

    /**
     * The context for a message on its way out (the outbox's thread, which may wait for a
     * translator): the teacher's needs are translated now, and kept, so every later press shows them
     * from the cache within Discord's three seconds ({@link #of}).
     */
    public CheckinContext sending(CheckinRequest request) {
        return of(request, checkins.findRound(request.roundId()).orElseThrow(), needs);
    }

    public CheckinContext of(CheckinRequest request) {
        return of(request, checkins.findRound(request.roundId()).orElseThrow());
    }

    /** The same, with the request's round already at hand (a press's transaction read it): one read less. */
    public CheckinContext of(CheckinRequest request, CheckinRound round) {
        return of(request, round, needs.fromCache());
    }

    private CheckinContext of(CheckinRequest request, CheckinRound round, FreeText needs) {
        if (round.id() != request.roundId()) {
            throw new IllegalArgumentException("round " + round.id() + " is not request " + request.id() + "'s");
        }
        SchoolClassRepository.ChildInClass child =
                classes.childInClass(request.studentId(), request.guardianId()).orElseThrow();
        SchoolClass schoolClass = child.schoolClass();
        // As Messages.chainFor(guardian, class), from the guardian's language read with the child and class.
        List<Language> chain = messages.chain(child.familyLanguage(), Optional.of(schoolClass.language()));
        Language language = chain.get(0);
        return new CheckinContext(
                request,
                versions.get(round.questionnaireVersionId()),
                child.child(),
                schoolClass.name(),
                schoolClass.teacherName(),
                deadline(new Deadline(round.deadline(), schoolClass.timezone(), language)),
                chain,
                language,
                child.classNeeds().map(words -> needs.spans(words, schoolClass.language(), chain)),
                meeting(round, schoolClass.timezone(), language));
    }

    /**
     * When the parent conversation is that this round's questions prepare. Only a round about one
     * child can be one, so class rounds cost no extra read.
     */
    private Optional<CheckinContext.Meeting> meeting(CheckinRound round, ZoneId zone, Language language) {
        if (round.forClass()) {
            return Optional.empty();
        }
        return conversations
                .ofRound(round.id())
                .filter(conversation -> conversation.beforeRoundId().equals(Optional.of(round.id())))
                .map(conversation -> new CheckinContext.Meeting(
                        Dates.day(conversation.plannedOn().atStartOfDay(zone).toInstant(), zone, language),
                        conversation.plannedTime().map(time -> Dates.time(time, language))));
    }

    private String deadline(Deadline deadline) {
        String known = deadlines.get(deadline);
        if (known != null) {
            return known;
        }
        if (deadlines.size() >= MOST_DEADLINES) {
            deadlines.clear();
        }
        String day = Deadlines.shown(deadline.at(), deadline.zone(), deadline.language());
        deadlines.put(deadline, day);
        return day;
    }
}
