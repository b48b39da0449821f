package nl.classbridge.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time that a test can move forward in one step (past a deadline), for end-to-end tests
 * where the bot's own threads need time to run normally. Never sleeps.
 */
public final class JumpingClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public void jump(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
