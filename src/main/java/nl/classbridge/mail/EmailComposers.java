package nl.classbridge.mail;

import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Delivery;

/** The composers of every feature: the first that recognises a row's kind renders it. */
public final class EmailComposers implements EmailComposer {
    private final List<EmailComposer> composers;

    public EmailComposers(List<EmailComposer> composers) {
        this.composers = List.copyOf(composers);
    }

    @Override
    public Optional<ComposedEmail> compose(Delivery delivery) {
        for (EmailComposer composer : composers) {
            Optional<ComposedEmail> email = composer.compose(delivery);
            if (email.isPresent()) {
                return email;
            }
        }
        return Optional.empty();
    }
}
