package nl.classbridge.updates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.config.Updates;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.UpdateSchedule;
import nl.classbridge.logs.Failure;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.TextRenderer;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.Database;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.HighlightRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.UpdateScheduleRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class update job, run by the scheduler every minute, and {@code /update post-now}.
 *
 * <p>A due run becomes, in one transaction, the channel post (text rendered now by the channel's
 * renderer, so it is what the preview showed), an email copy per family that reads email, the highlights marked as shared, and
 * the schedule moved to its next run. Moving the schedule only succeeds for the run it was still
 * waiting for, so two runs of the job (or two processes on one database) cannot both post, and the
 * dedupe keys of the rows make a repeat after a crash harmless.
 *
 * <p>A paused run is skipped quietly. A run found more than {@code updates.catch-up-hours} late
 * (the bot was down) is skipped, with a note to the teacher: stale news helps nobody. A run with
 * nothing queued is skipped with a note; the day before, at the reminder time, the teacher is
 * asked for a highlight.
 */
public final class UpdateRuns {
    /** When the teacher is reminded the day before an empty run, unless the caller says otherwise. */
    /** A run handled this soon after its time is on time, whatever the catch-up setting (0 = never). */
    static final Duration ON_TIME = Duration.ofMinutes(10);
    /** Reminders look this far ahead: the day before at any time, plus a daylight-saving hour. */
    private static final Duration REMINDER_HORIZON = Duration.ofHours(50);
    /** Runs handled for one class in one pass; more means the schedule is broken, not late. */
    private static final int MAX_RUNS_AT_ONCE = 60;

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final Logger LOG = LoggerFactory.getLogger(UpdateRuns.class);

    private final Database database;
    private final SchoolClassRepository classes;
    private final UpdateScheduleRepository schedules;
    private final HighlightRepository highlights;
    private final GuardianRepository guardians;
    private final Outbox outbox;
    private final UpdatePost post;
    /** The class channel's markup: the post is rendered when the run happens, as the preview shows it. */
    private final TextRenderer channel;

    private final TeacherMessages teacher;
    private final AuditLog auditLog;
    private final Duration catchUp;
    private final LocalTime reminderTime;
    private final Clock clock;

    /** {@code updates.reminderTime()} is local time in each class's zone. */
    public UpdateRuns(
            Database database,
            SchoolClassRepository classes,
            UpdateScheduleRepository schedules,
            HighlightRepository highlights,
            GuardianRepository guardians,
            Outbox outbox,
            UpdatePost post,
            TeacherMessages teacher,
            AuditLog auditLog,
            Updates updates,
            TextRenderer channel,
            Clock clock) {
        this.database = database;
        this.classes = classes;
        this.schedules = schedules;
        this.highlights = highlights;
        this.guardians = guardians;
        this.outbox = outbox;
        this.post = post;
        this.channel = channel;
        this.teacher = teacher;
        this.auditLog = auditLog;
        this.catchUp = Duration.ofHours(Math.max(0, updates.catchUpHours()));
        this.reminderTime = updates.reminderTime();
        this.clock = clock;
    }

    /** What the job did with one run of one class. */
    public sealed interface Run {
        long classId();

        Instant runAt();

        /** Posted, with an email copy for {@code emailCopies} families. */
        record Posted(long classId, Instant runAt, List<Long> highlightIds, int emailCopies) implements Run {}

        /** The run fell in a pause: nothing posted, nobody told. */
        record Paused(long classId, Instant runAt) implements Run {}

        /** Found too late (the bot was down): skipped, with any later missed runs; the teacher told. */
        record Missed(long classId, Instant runAt, Instant nextRunAt) implements Run {}

        /** Nothing was queued: skipped; the teacher told. */
        record Empty(long classId, Instant runAt) implements Run {}

        /** Another run of the job handled it first. */
        record TakenByOther(long classId, Instant runAt) implements Run {}

        /** The day before an empty run: the teacher asked for a highlight (once, by its dedupe key). */
        record Reminded(long classId, Instant runAt) implements Run {}
    }

    /** The outcome of {@code /update post-now}. */
    public sealed interface PostedNow {
        record Posted(Instant at, List<Long> highlightIds, int emailCopies) implements PostedNow {}

        record NothingQueued() implements PostedNow {}
    }

    /** Handles every run that is due, then the reminders for tomorrow's empty runs. */
    public List<Run> runDue() {
        Instant now = clock.instant();
        List<Run> done = new ArrayList<>();
        for (UpdateSchedule due : schedules.due(now)) {
            try {
                done.addAll(runUpTo(due, now));
            } catch (RuntimeException e) {
                // One class's problem must not hold up the others; the run stays due and is tried next time.
                LOG.warn("Class update for class {} failed, will try again: {}", due.classId(), Failure.code(e));
            }
        }
        for (UpdateSchedule coming : schedules.due(now.plus(REMINDER_HORIZON))) {
            try {
                remindIfEmpty(coming, now).ifPresent(done::add);
            } catch (RuntimeException e) {
                LOG.warn("Update reminder for class {} failed, will try again: {}", coming.classId(), Failure.code(e));
            }
        }
        return done;
    }

    /**
     * Posts the queued highlights now, dated today, without moving the schedule. Nothing queued:
     * nothing posted.
     */
    public PostedNow postNow(SchoolClass schoolClass, long teacherUserId) {
        Instant now = clock.instant();
        return database.transaction(() -> {
            List<Highlight> queued = highlights.queued(schoolClass.id());
            if (queued.isEmpty()) {
                return new PostedNow.NothingQueued();
            }
            int emails = share(schoolClass, queued, now, now);
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    "update.post-now",
                    "highlights=" + queued.size()));
            return new PostedNow.Posted(now, ids(queued), emails);
        });
    }

    /**
     * The next update as families will see it, character for character: dated the next scheduled
     * run (today when there is no schedule), in the class language or in {@code language}. Empty
     * when nothing is queued.
     */
    public Optional<String> preview(SchoolClass schoolClass, Optional<Language> language) {
        List<Highlight> queued = highlights.queued(schoolClass.id());
        if (queued.isEmpty()) {
            return Optional.empty();
        }
        Instant at =
                schedules.find(schoolClass.id()).map(UpdateSchedule::nextRunAt).orElseGet(clock::instant);
        return Optional.of(channel.render(
                post.post(schoolClass, queued, localDate(at, schoolClass), post.chain(schoolClass, language))));
    }

    private List<Run> runUpTo(UpdateSchedule due, Instant now) {
        Optional<SchoolClass> schoolClass = classes.find(due.classId());
        if (schoolClass.isEmpty()) {
            return List.of();
        }
        List<Run> done = new ArrayList<>();
        Optional<UpdateSchedule> current = Optional.of(due);
        for (int i = 0;
                i < MAX_RUNS_AT_ONCE
                        && current.isPresent()
                        && !current.get().nextRunAt().isAfter(now);
                i++) {
            Run run = runOnce(schoolClass.get(), current.get(), now);
            done.add(run);
            if (run instanceof Run.TakenByOther) {
                break;
            }
            current = schedules.find(due.classId());
        }
        return done;
    }

    private Run runOnce(SchoolClass schoolClass, UpdateSchedule schedule, Instant now) {
        long classId = schoolClass.id();
        ZoneId zone = schoolClass.timezone();
        Instant runAt = schedule.nextRunAt();
        Instant next = schedule.runAfter(runAt, zone);
        if (schedule.pausedOn(runAt, zone)) {
            return schedules.advance(classId, runAt, next)
                    ? new Run.Paused(classId, runAt)
                    : new Run.TakenByOther(classId, runAt);
        }
        if (tooLate(runAt, now)) {
            Instant firstNotMissed = next;
            while (!firstNotMissed.isAfter(now) && tooLate(firstNotMissed, now)) {
                firstNotMissed = schedule.runAfter(firstNotMissed, zone);
            }
            Instant nextRun = firstNotMissed;
            return database.transaction(() -> {
                if (!schedules.advance(classId, runAt, nextRun)) {
                    return new Run.TakenByOther(classId, runAt);
                }
                teacher.tell(
                        schoolClass,
                        "updates.teacher.missed-run",
                        Map.of("date", Dates.day(runAt, zone, schoolClass.language())),
                        DedupeKeys.update(classId, runAt, "missed"));
                return new Run.Missed(classId, runAt, nextRun);
            });
        }
        return database.transaction(() -> {
            if (!schedules.advance(classId, runAt, next)) {
                return new Run.TakenByOther(classId, runAt);
            }
            List<Highlight> queued = highlights.queued(classId);
            if (queued.isEmpty()) {
                teacher.tell(
                        schoolClass,
                        "updates.teacher.skipped-empty",
                        Map.of(),
                        DedupeKeys.update(classId, runAt, "skipped"));
                return new Run.Empty(classId, runAt);
            }
            int emails = share(schoolClass, queued, runAt, now);
            return new Run.Posted(classId, runAt, ids(queued), emails);
        });
    }

    private Optional<Run> remindIfEmpty(UpdateSchedule schedule, Instant now) {
        Instant runAt = schedule.nextRunAt();
        if (!runAt.isAfter(now)) {
            return Optional.empty();
        }
        Optional<SchoolClass> schoolClass = classes.find(schedule.classId());
        if (schoolClass.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = schoolClass.get().timezone();
        LocalDate runDate = runAt.atZone(zone).toLocalDate();
        Instant remindAt =
                ZonedDateTime.of(runDate.minusDays(1), reminderTime, zone).toInstant();
        if (now.isBefore(remindAt)
                || schedule.pausedOn(runAt, zone)
                || !highlights.queued(schedule.classId()).isEmpty()) {
            return Optional.empty();
        }
        teacher.tell(
                schoolClass.get(),
                "updates.teacher.reminder-empty",
                Map.of("time", HOUR_MINUTE.format(runAt.atZone(zone))),
                DedupeKeys.update(schedule.classId(), runAt, "reminder"));
        return Optional.of(new Run.Reminded(schedule.classId(), runAt));
    }

    /**
     * The outbox rows of one update and the highlights marked as shared; the caller's transaction
     * makes it all or nothing. Returns the number of email copies.
     */
    private int share(SchoolClass schoolClass, List<Highlight> queued, Instant runAt, Instant now) {
        String text = channel.render(post.post(
                schoolClass, queued, localDate(runAt, schoolClass), post.chain(schoolClass, Optional.empty())));
        List<Long> highlightIds = ids(queued);
        List<OutgoingMessage> rows = new ArrayList<>();
        rows.add(UpdateMail.post(schoolClass.id(), runAt, text, highlightIds));
        for (Guardian guardian : guardians.inClass(schoolClass.id())) {
            if (guardian.wantsEmail()) {
                rows.add(UpdateMail.emailCopy(schoolClass.id(), runAt, guardian.id(), highlightIds));
            }
        }
        outbox.enqueueAll(rows);
        highlights.markUsed(highlightIds, now);
        return rows.size() - 1;
    }

    private boolean tooLate(Instant runAt, Instant now) {
        Duration late = Duration.between(runAt, now);
        return late.compareTo(ON_TIME) > 0 && late.compareTo(catchUp) > 0;
    }

    private static LocalDate localDate(Instant at, SchoolClass schoolClass) {
        return at.atZone(schoolClass.timezone()).toLocalDate();
    }

    private static List<Long> ids(List<Highlight> highlights) {
        return highlights.stream().map(Highlight::id).toList();
    }
}
