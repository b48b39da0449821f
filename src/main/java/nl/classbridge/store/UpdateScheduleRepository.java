package nl.classbridge.store;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.UpdateSchedule;

/** Each class's update rhythm with its next run. */
public final class UpdateScheduleRepository {
    private static final RowMapper<UpdateSchedule> SCHEDULE = row -> new UpdateSchedule(
            row.longValue("class_id"),
            DayOfWeek.of(row.intValue("day_of_week")),
            LocalTime.parse(row.string("local_time")),
            row.intValue("every_weeks"),
            row.optionalDate("paused_until"),
            row.optionalString("pause_reason"),
            row.instant("next_run_at"),
            row.optionalInstant("last_run_at"));

    private final Database database;

    public UpdateScheduleRepository(Database database) {
        this.database = database;
    }

    /** Sets (or replaces) the class's schedule. */
    public void save(UpdateSchedule schedule) {
        database.write(sql -> sql.update(
                """
                INSERT INTO update_schedule (class_id, day_of_week, local_time, every_weeks, paused_until,
                                             pause_reason, next_run_at, last_run_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (class_id) DO UPDATE SET
                    day_of_week = excluded.day_of_week, local_time = excluded.local_time,
                    every_weeks = excluded.every_weeks, paused_until = excluded.paused_until,
                    pause_reason = excluded.pause_reason, next_run_at = excluded.next_run_at,
                    last_run_at = excluded.last_run_at""",
                schedule.classId(),
                schedule.day().getValue(),
                schedule.time(),
                schedule.everyWeeks(),
                schedule.pausedUntil(),
                schedule.pauseReason(),
                schedule.nextRunAt(),
                schedule.lastRunAt()));
    }

    public Optional<UpdateSchedule> find(long classId) {
        return database.read(sql -> sql.one("SELECT * FROM update_schedule WHERE class_id = ?", SCHEDULE, classId));
    }

    /** Schedules whose next run has come by {@code now}, earliest first. */
    public List<UpdateSchedule> due(Instant now) {
        return database.read(sql ->
                sql.list("SELECT * FROM update_schedule WHERE next_run_at <= ? ORDER BY next_run_at", SCHEDULE, now));
    }

    /**
     * Moves a schedule from the run at {@code ranAt} to {@code nextRunAt}; only if it was still
     * waiting for that run, so two moves of the same run cannot both happen.
     */
    public boolean advance(long classId, Instant ranAt, Instant nextRunAt) {
        return database.write(sql -> sql.update(
                        "UPDATE update_schedule SET last_run_at = ?, next_run_at = ? WHERE class_id = ? AND next_run_at = ?",
                        ranAt,
                        nextRunAt,
                        classId,
                        ranAt))
                == 1;
    }
}
