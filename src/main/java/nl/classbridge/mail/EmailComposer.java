package nl.classbridge.mail;

import java.util.Optional;
import nl.classbridge.domain.Delivery;

/**
 * Renders an outbox email row into the email to send: the feature that queued the row (check-ins,
 * class updates) implements it, in the guardian's language, with texts from {@code messages/}.
 *
 * <p>Called on the dispatcher's thread for every attempt, so a retry sends what is true then.
 * Empty means there is nothing to send any more (the round closed, the guardian left); the row is
 * then closed as {@code nothing-to-send}. A value that breaks the rules of {@link ComposedEmail}
 * closes it as {@code compose-invalid}; any other exception counts as a temporary failure.
 */
@FunctionalInterface
public interface EmailComposer {

    Optional<ComposedEmail> compose(Delivery delivery);
}
