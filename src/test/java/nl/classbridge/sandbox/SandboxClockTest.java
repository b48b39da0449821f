package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's time: a friendly start, only forward, kept across restarts. */
class SandboxClockTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @TempDir
    Path folder;

    private SandboxClock at(String instant) {
        return SandboxClock.open(
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), folder.resolve("sandbox.db.clock"), AMSTERDAM);
    }

    @Test
    @DisplayName("a fresh sandbox runs on real time during school hours")
    void schoolHours() {
        assertThat(at("2026-12-07T10:15:00Z").offset()).isZero(); // 11:15 in Amsterdam
    }

    @Test
    @DisplayName(
            "a fresh sandbox started in the evening or early morning starts at 9:00, so nothing waits for the night")
    void outsideSchoolHours() {
        SandboxClock evening = at("2026-12-07T20:30:00Z"); // 21:30 in Amsterdam
        assertThat(evening.instant().atZone(AMSTERDAM).toLocalDateTime()).hasToString("2026-12-08T09:00");
        SandboxClock early = at("2026-12-08T05:00:00Z"); // 6:00 in Amsterdam
        assertThat(early.instant().atZone(AMSTERDAM).toLocalDateTime()).hasToString("2026-12-08T09:00");
    }

    @Test
    @DisplayName("moving on tells the listeners and is kept in the file; a restart carries on from there")
    void kept() {
        SandboxClock clock = at("2026-12-07T10:15:00Z");
        AtomicInteger moved = new AtomicInteger();
        clock.whenMoved(moved::incrementAndGet);
        clock.advance(Duration.ofDays(2));
        clock.advance(Duration.ofHours(1));
        assertThat(moved).hasValue(2);
        assertThat(at("2026-12-07T20:00:00Z").offset()).isEqualTo(Duration.ofHours(49));
    }

    @Test
    @DisplayName(
            "time only moves forward: a target that has passed changes nothing; a later one is reached plus a minute")
    void forwardOnly() {
        SandboxClock clock = at("2026-12-07T10:15:00Z");
        assertThatThrownBy(() -> clock.advance(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
        clock.advanceTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(clock.offset()).isZero();
        clock.advanceTo(Instant.parse("2026-12-11T13:30:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-11T13:31:00Z"));
    }

    @Test
    @DisplayName("a damaged time file is ignored: the sandbox starts as a fresh one would")
    void damagedFile() throws Exception {
        Files.writeString(folder.resolve("sandbox.db.clock"), "tomorrow, roughly");
        assertThat(at("2026-12-07T10:15:00Z").offset()).isZero();
    }
}
