package nl.classbridge.delivery;

import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;

/**
 * Tells the teacher that a family stopped being reachable on a channel, so they can ask for
 * another address or a Discord invite. Implemented by the Discord side (a DM to the teacher and a
 * line in {@code /checkin status}).
 *
 * <p>Called once per failure that changed the guardian's status, after it is stored; it must not
 * block for long and must not throw.
 */
@FunctionalInterface
public interface TeacherNotice {

    /** {@code reason} is a code such as {@code dm-closed} or {@code smtp-550}. */
    void guardianUnreachable(Guardian guardian, DeliveryChannel channel, String reason);
}
