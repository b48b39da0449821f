package nl.classbridge.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.QuietHours;

/**
 * When a private message to a guardian may go out: not in their quiet hours (their own, agreed in
 * the plan, else the school's), in the school's time zone. Channel posts follow the class schedule
 * and are never held back; neither is a DM to the teacher.
 */
final class QuietTime {
    private final QuietHours school;
    private final ZoneId zone;

    QuietTime(QuietHours school, ZoneId zone) {
        this.school = Objects.requireNonNull(school, "school quiet hours");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The first instant at or after {@code at} that a message on {@code channel} may be sent. */
    Instant earliest(Optional<Guardian> guardian, DeliveryChannel channel, Instant at) {
        if (channel == DeliveryChannel.DISCORD_CHANNEL || guardian.isEmpty()) {
            return at;
        }
        QuietHours quiet = guardian.get().plan().quietHours().orElse(school);
        return quiet.nextAllowed(at.atZone(zone)).toInstant();
    }
}
