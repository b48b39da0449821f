package nl.classbridge.updates;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.UpdateSchedule;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.Database;
import nl.classbridge.store.UpdateScheduleRepository;

/**
 * The teacher's say over the class update rhythm: a weekday and time, every week or every other
 * week, in the class's time zone; and a pause for a holiday. Each change is audited.
 */
public final class UpdateSchedules {
    /** The longest pause reason kept; it is for the teacher's own overview. */
    public static final int MAX_REASON = 200;

    private final Database database;
    private final UpdateScheduleRepository schedules;
    private final AuditLog auditLog;
    private final Clock clock;

    public UpdateSchedules(Database database, UpdateScheduleRepository schedules, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.schedules = schedules;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The outcome of setting a schedule. */
    public sealed interface Scheduled {
        /** Stored; {@code schedule.nextRunAt()} is the first update. */
        record Set(UpdateSchedule schedule) implements Scheduled {}

        /** Only every week (1) and every other week (2) are offered. */
        record BadInterval(int everyWeeks) implements Scheduled {}
    }

    /** The outcome of pausing. */
    public sealed interface Paused {
        /** Runs on dates up to and including {@code schedule.pausedUntil()} are skipped. */
        record Until(UpdateSchedule schedule) implements Paused {}

        /** The date has already passed in the class's time zone. */
        record DateInPast(LocalDate until, LocalDate today) implements Paused {}

        /** There is no rhythm to pause yet. */
        record NoSchedule() implements Paused {}
    }

    /**
     * Sets (or replaces) the class's rhythm. The next run is the first {@code day} at {@code time}
     * after now in the class's time zone. A pause that was set stays.
     */
    public Scheduled set(SchoolClass schoolClass, DayOfWeek day, LocalTime time, int everyWeeks, long teacherUserId) {
        if (everyWeeks != 1 && everyWeeks != 2) {
            return new Scheduled.BadInterval(everyWeeks);
        }
        Instant now = clock.instant();
        LocalTime minute = time.withSecond(0).withNano(0);
        Instant next = UpdateSchedule.firstRunAfter(now, day, minute, schoolClass.timezone());
        return database.transaction(() -> {
            Optional<UpdateSchedule> old = schedules.find(schoolClass.id());
            UpdateSchedule schedule = new UpdateSchedule(
                    schoolClass.id(),
                    day,
                    minute,
                    everyWeeks,
                    old.flatMap(UpdateSchedule::pausedUntil),
                    old.flatMap(UpdateSchedule::pauseReason),
                    next,
                    old.flatMap(UpdateSchedule::lastRunAt));
            schedules.save(schedule);
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    "update.schedule",
                    "day=" + day + " time=" + minute + " every-weeks=" + everyWeeks));
            return new Scheduled.Set(schedule);
        });
    }

    /**
     * Pauses the updates up to and including {@code until} (a date in the class's time zone). The
     * reason is kept for the teacher; it never goes into the audit log.
     */
    public Paused pause(SchoolClass schoolClass, LocalDate until, Optional<String> reason, long teacherUserId) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(schoolClass.timezone()).toLocalDate();
        if (until.isBefore(today)) {
            return new Paused.DateInPast(until, today);
        }
        Optional<String> cleanReason = reason.map(String::strip)
                .filter(r -> !r.isEmpty())
                .map(r -> r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r);
        return database.transaction(() -> {
            Optional<UpdateSchedule> old = schedules.find(schoolClass.id());
            if (old.isEmpty()) {
                return new Paused.NoSchedule();
            }
            UpdateSchedule s = old.get();
            UpdateSchedule paused = new UpdateSchedule(
                    s.classId(),
                    s.day(),
                    s.time(),
                    s.everyWeeks(),
                    Optional.of(until),
                    cleanReason,
                    s.nextRunAt(),
                    s.lastRunAt());
            schedules.save(paused);
            auditLog.record(new AuditEntry(
                    now, teacherUserId, Optional.of(schoolClass.id()), "update.pause", "until=" + until));
            return new Paused.Until(paused);
        });
    }

    public Optional<UpdateSchedule> find(SchoolClass schoolClass) {
        return schedules.find(schoolClass.id());
    }
}
