package nl.classbridge.updates;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.config.Updates;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.domain.UpdateSchedule;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;

/**
 * A class with families of every kind on a real store, the shipped catalogue, a real outbox with
 * the school's quiet hours (20:00-08:00), a clock the test moves, and a teacher who remembers
 * what she was told.
 */
final class UpdatesFixture implements AutoCloseable {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final QuietHours SCHOOL_QUIET = new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0));
    static final int CATCH_UP_HOURS = 12;

    final TestStore store;
    final MutableClock clock = new MutableClock(TestStore.T0);
    final Messages messages;
    final Outbox outbox;
    final UpdatePost post;
    final UpdateSchedules schedules;
    final RecordingTeacher teacher = new RecordingTeacher();
    final UpdateRuns runs;
    final SchoolClass groep5;
    final Student sam;
    /** Discord only, no address: reads the channel, no email. */
    final Guardian discordOnly;
    /** On Discord with an address but a Discord plan: no email. */
    final Guardian discordWithAddress;
    /** Plan "both": the channel and an email copy. */
    final Guardian both;
    /** No Discord at all. */
    final Guardian emailOnly;
    /** DMs failed for good: email is the fallback. */
    final Guardian discordGone;
    /** Mail bounced for good: nothing to send to. */
    final Guardian bounced;

    UpdatesFixture(Path folder) {
        store = new TestStore(folder);
        try {
            messages = new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        outbox = new Outbox(store.database, store.deliveries, store.guardians, clock, SCHOOL_QUIET, AMSTERDAM);
        post = new UpdatePost(messages, "De Regenboog");
        schedules = new UpdateSchedules(store.database, store.schedules, store.auditLog, clock);
        runs = runs(store, outbox);
        groep5 = store.aClass();
        sam = store.aStudent(groep5, "Sam");
        discordOnly = store.guardians.addDiscord(701L, TestStore.T0);
        discordWithAddress = withEmail(store.guardians.addDiscord(702L, TestStore.T0), "discord@example.org");
        both = withEmail(store.guardians.addDiscord(703L, TestStore.T0), "both@example.org");
        store.guardians.savePlan(both.id(), CommunicationPlan.defaultFor(ContactChannel.BOTH));
        emailOnly = store.guardians.addEmail("email@example.org", Optional.of(Language.TR), TestStore.T0);
        discordGone = withEmail(store.guardians.addDiscord(704L, TestStore.T0), "gone@example.org");
        store.guardians.markDiscordUnreachable(discordGone.id(), "dm-closed");
        bounced = store.guardians.addEmail("bounced@example.org", Optional.empty(), TestStore.T0);
        store.guardians.markEmailInvalid(bounced.id(), "bounced");
        for (Guardian guardian : List.of(discordOnly, discordWithAddress, both, emailOnly, discordGone, bounced)) {
            store.guardians.link(guardian.id(), sam.id(), TestStore.T0);
        }
    }

    /** The job as another process (or the same after a restart) would build it over {@code store}. */
    UpdateRuns runs(TestStore over, Outbox itsOutbox) {
        return new UpdateRuns(
                over.database,
                over.classes,
                over.schedules,
                over.highlights,
                over.guardians,
                itsOutbox,
                post,
                teacher,
                over.auditLog,
                new Updates(CATCH_UP_HOURS, java.time.LocalTime.of(15, 0)),
                nl.classbridge.discord.DiscordText.MARKDOWN,
                clock);
    }

    private Guardian withEmail(Guardian guardian, String email) {
        store.guardians.setEmail(guardian.id(), email);
        return store.guardians.find(guardian.id()).orElseThrow();
    }

    Highlight highlight(HighlightKind kind, String text) {
        return store.highlights.add(groep5.id(), kind, text, TestStore.TEACHER, clock.instant());
    }

    /** Sets the class's rhythm, as the teacher would with /update schedule. */
    UpdateSchedule schedule(DayOfWeek day, LocalTime time, int everyWeeks) {
        return ((UpdateSchedules.Scheduled.Set) schedules.set(groep5, day, time, everyWeeks, TestStore.TEACHER))
                .schedule();
    }

    /** Every outbox row, oldest first. */
    List<Delivery> outboxRows() {
        List<String> keys = store.database.read(
                sql -> sql.list("SELECT dedupe_key FROM delivery ORDER BY id", row -> row.string("dedupe_key")));
        return keys.stream()
                .map(key -> store.deliveries.findByKey(key).orElseThrow())
                .toList();
    }

    List<Delivery> posts() {
        return outboxRows().stream()
                .filter(d -> d.kind().equals(UpdateMail.POST))
                .toList();
    }

    List<Delivery> emailCopies() {
        return outboxRows().stream()
                .filter(d -> d.kind().equals(UpdateMail.EMAIL_COPY))
                .toList();
    }

    /** Moves the clock to {@code at} and runs the job, as the scheduler does each minute. */
    List<UpdateRuns.Run> runAt(Instant at) {
        clock.set(at);
        return runs.runDue();
    }

    @Override
    public void close() {
        store.close();
    }

    /**
     * The teacher's side: every call is counted; a dedupe key already used sends nothing, as the
     * outbox does.
     */
    static final class RecordingTeacher implements TeacherMessages {
        record Told(long classId, String key, Map<String, ?> values, String dedupeKey) {}

        final List<Told> calls = new ArrayList<>();
        private final Map<String, Told> sent = new LinkedHashMap<>();

        @Override
        public synchronized void tell(
                SchoolClass schoolClass, String messageKey, Map<String, ?> values, String dedupeKey) {
            Told told = new Told(schoolClass.id(), messageKey, Map.copyOf(values), dedupeKey);
            calls.add(told);
            sent.putIfAbsent(dedupeKey, told);
        }

        synchronized List<Told> sent() {
            return List.copyOf(sent.values());
        }
    }
}
