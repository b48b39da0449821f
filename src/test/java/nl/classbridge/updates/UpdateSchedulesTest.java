package nl.classbridge.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import nl.classbridge.domain.UpdateSchedule;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teacher sets the rhythm and pauses it for holidays; bad input gets a clear refusal. */
class UpdateSchedulesTest {
    @TempDir
    Path folder;

    UpdatesFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new UpdatesFixture(folder);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("GIVEN Tuesday 1 September WHEN the teacher picks Friday 15:00 THEN the first update is Friday 4"
            + " September 15:00 in Amsterdam (13:00Z), stored and audited")
    void set() {
        UpdateSchedule schedule = fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        assertThat(schedule.nextRunAt()).isEqualTo(Instant.parse("2026-09-04T13:00:00Z"));
        assertThat(fixture.schedules.find(fixture.groep5)).contains(schedule);
        assertThat(fixture.store.auditLog.ofClass(fixture.groep5.id()))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("update.schedule");
                    assertThat(entry.detail()).isEqualTo("day=FRIDAY time=15:00 every-weeks=1");
                });
    }

    @Test
    @DisplayName("only every week or every other week")
    void badInterval() {
        for (int every : new int[] {0, 3, -1}) {
            assertThat(fixture.schedules.set(
                            fixture.groep5, DayOfWeek.FRIDAY, LocalTime.NOON, every, TestStore.TEACHER))
                    .isEqualTo(new UpdateSchedules.Scheduled.BadInterval(every));
        }
        assertThat(fixture.schedules.find(fixture.groep5)).isEmpty();
    }

    @Test
    @DisplayName("a pause until a date (inclusive) is kept with its reason; the reason stays out of the audit log;"
            + " a new rhythm keeps the pause")
    void pause() {
        assertThat(fixture.schedules.pause(
                        fixture.groep5, LocalDate.of(2026, 10, 25), Optional.empty(), TestStore.TEACHER))
                .isInstanceOf(UpdateSchedules.Paused.NoSchedule.class);
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        var paused = fixture.schedules.pause(
                fixture.groep5, LocalDate.of(2026, 10, 25), Optional.of("  Herfstvakantie  "), TestStore.TEACHER);
        assertThat(paused).isInstanceOfSatisfying(UpdateSchedules.Paused.Until.class, until -> {
            assertThat(until.schedule().pausedUntil()).contains(LocalDate.of(2026, 10, 25));
            assertThat(until.schedule().pauseReason()).contains("Herfstvakantie");
        });
        fixture.schedule(DayOfWeek.MONDAY, LocalTime.of(8, 30), 2);
        assertThat(fixture.schedules.find(fixture.groep5).orElseThrow().pausedUntil())
                .contains(LocalDate.of(2026, 10, 25));
        assertThat(fixture.store.auditLog.ofClass(fixture.groep5.id()))
                .extracting(e -> e.action() + " " + e.detail())
                .containsExactly(
                        "update.schedule day=FRIDAY time=15:00 every-weeks=1",
                        "update.pause until=2026-10-25",
                        "update.schedule day=MONDAY time=08:30 every-weeks=2");
    }

    @Test
    @DisplayName("a pause date that has passed in the class's zone is refused; today is fine")
    void pauseInThePast() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        // 2026-08-31T22:30Z is already 1 September in Amsterdam.
        fixture.clock.set(Instant.parse("2026-08-31T22:30:00Z"));
        assertThat(fixture.schedules.pause(
                        fixture.groep5, LocalDate.of(2026, 8, 31), Optional.empty(), TestStore.TEACHER))
                .isEqualTo(new UpdateSchedules.Paused.DateInPast(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 1)));
        assertThat(fixture.schedules.pause(
                        fixture.groep5, LocalDate.of(2026, 9, 1), Optional.empty(), TestStore.TEACHER))
                .isInstanceOf(UpdateSchedules.Paused.Until.class);
    }
}
