package nl.classbridge.delivery;

import java.util.Optional;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;

/**
 * Turns a DM that could not be delivered into the email that replaces it. The feature that made
 * the DM implements it by rendering the same content for email, in the guardian's language.
 *
 * <p>Asked only for guardians with a working email address, who are by then marked unreachable on
 * Discord. Use the dedupe key the feature gives this item's email anyway: a guardian whose plan is
 * {@code both} already has that email queued, and then gets it once, not twice.
 */
@FunctionalInterface
public interface HandOff {

    /** The email version of {@code failed}, or empty when this kind of message has none. */
    Optional<OutgoingMessage> emailFor(Delivery failed, Guardian guardian);

    /** For a set-up without email: every failed DM stays failed. */
    static HandOff none() {
        return (failed, guardian) -> Optional.empty();
    }
}
