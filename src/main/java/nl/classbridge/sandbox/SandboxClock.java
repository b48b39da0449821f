package nl.classbridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sandbox's time: real time plus an offset that the page moves forward, so a week of class
 * life can be seen in a minute. The whole bot runs on this clock. The offset is kept in a small file
 * beside the sandbox's database, so a restart does not send the school back in time.
 *
 * <p>Time only moves forward: the bot's rows (sent messages, answers, schedules) must never lie in
 * the future.
 */
public final class SandboxClock extends Clock {
    /** A fresh sandbox starts within school hours, so messages to families are not held for the night. */
    static final LocalTime SCHOOL_DAY_STARTS = LocalTime.of(9, 0);

    static final LocalTime SCHOOL_DAY_ENDS = LocalTime.of(17, 0);

    private final Clock real;
    private final Path file;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Duration offset;

    private SandboxClock(Clock real, Path file, Duration offset) {
        this.real = real;
        this.file = file;
        this.offset = offset;
    }

    /**
     * The clock kept in {@code file}; when there is none yet, a clock that starts now if that is
     * within school hours in {@code zone}, else at 9:00 the next morning.
     */
    public static SandboxClock open(Clock real, Path file, ZoneId zone) {
        return new SandboxClock(real, file, read(file).orElseGet(() -> firstOffset(real, zone)));
    }

    private static java.util.Optional<Duration> read(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? java.util.Optional.of(Duration.parse(Files.readString(file, StandardCharsets.UTF_8)
                                    .strip()))
                            .filter(offset -> !offset.isNegative())
                    : java.util.Optional.empty();
        } catch (IOException | DateTimeParseException unreadable) {
            return java.util.Optional.empty(); // a damaged file: start as a fresh sandbox would
        }
    }

    private static Duration firstOffset(Clock real, ZoneId zone) {
        ZonedDateTime now = real.instant().atZone(zone);
        LocalTime time = now.toLocalTime();
        if (!time.isBefore(SCHOOL_DAY_STARTS) && time.isBefore(SCHOOL_DAY_ENDS)) {
            return Duration.ZERO;
        }
        ZonedDateTime start = now.with(SCHOOL_DAY_STARTS);
        if (!start.isAfter(now)) {
            start = start.plusDays(1);
        }
        return Duration.between(now, start);
    }

    /** Runs {@code listener} after every move (the bot runs its timed jobs at once). */
    public void whenMoved(Runnable listener) {
        listeners.add(listener);
    }

    /** Moves the sandbox's time forward by {@code by} (positive). */
    public void advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the sandbox's time only moves forward");
        }
        synchronized (this) {
            offset = offset.plus(by);
            save();
        }
        listeners.forEach(Runnable::run);
    }

    /** Moves to {@code target} plus a minute (so what is due then has happened); nothing if it has passed. */
    public void advanceTo(Instant target) {
        Duration by = Duration.between(instant(), target).plusMinutes(1);
        if (!by.isNegative() && !by.isZero()) {
            advance(by);
        }
    }

    /** How far the sandbox runs ahead of real time. */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // the bot keeps instants and converts with the school's zone itself
    }

    /** Keeps the offset in the file; its folder must exist (the database makes it, owner-only). */
    synchronized void save() {
        try {
            Files.writeString(file, offset.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sandbox's time in " + file, e);
        }
    }
}
