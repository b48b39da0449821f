package nl.classbridge.delivery;

import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;

/**
 * Sends outbox rows over one channel: the Discord adapter for posts and DMs, the mail adapter for
 * email. Called by the {@link Dispatcher} only, on its thread, one row at a time; it may block for
 * the length of one request.
 *
 * <p>A sender that can be deduplicated by the other side (Discord's {@code nonce} with
 * {@code enforce_nonce}, an email Message-ID) reuses {@link Delivery#externalId()} when present
 * (the row was interrupted by a crash and is being sent again) and otherwise makes one and stores
 * it with {@code DeliveryRepository#setExternalId} <em>before</em> sending.
 *
 * <p>A sender maps every outcome to a {@link SendResult}; an exception it throws is counted as a
 * temporary failure.
 */
public interface Sender {

    /** The channel this sender serves; one sender per channel. */
    DeliveryChannel channel();

    SendResult send(Delivery delivery);
}
