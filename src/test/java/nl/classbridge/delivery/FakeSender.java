package nl.classbridge.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.store.DeliveryRepository;

/**
 * Stands for Discord or the SMTP server: records every send with the clock's instant and answers
 * with scripted results (the next queued one, else {@code otherwise}, else sent). Like a real
 * sender it stores a nonce before sending, or reuses the one the row already has.
 */
final class FakeSender implements Sender {
    /** One call to {@link #send}: which row, when, and with which nonce or Message-ID. */
    record Send(long deliveryId, String dedupeKey, Instant at, String externalId, int attempts) {}

    private final DeliveryChannel channel;
    private final Clock clock;
    private final DeliveryRepository deliveries;
    private final Deque<SendResult> script = new ArrayDeque<>();
    private final List<Send> sends = new ArrayList<>();
    private Function<Delivery, SendResult> otherwise = delivery -> null;

    FakeSender(DeliveryChannel channel, Clock clock, DeliveryRepository deliveries) {
        this.channel = channel;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    /** Answers the next sends with {@code results}, in order. */
    FakeSender willAnswer(SendResult... results) {
        script.addAll(List.of(results));
        return this;
    }

    /** Answers every send not scripted otherwise with this (a null answer means sent). */
    FakeSender otherwise(Function<Delivery, SendResult> answer) {
        this.otherwise = answer;
        return this;
    }

    List<Send> sends() {
        return List.copyOf(sends);
    }

    List<Instant> sendInstants() {
        return sends.stream().map(Send::at).toList();
    }

    long sendsOf(String dedupeKey) {
        return sends.stream().filter(s -> s.dedupeKey().equals(dedupeKey)).count();
    }

    @Override
    public DeliveryChannel channel() {
        return channel;
    }

    @Override
    public SendResult send(Delivery delivery) {
        String externalId = delivery.externalId().orElseGet(() -> {
            String made = channel.code() + "-" + delivery.id();
            deliveries.setExternalId(delivery.id(), made);
            return made;
        });
        sends.add(new Send(delivery.id(), delivery.dedupeKey(), clock.instant(), externalId, delivery.attempts()));
        SendResult answer = script.isEmpty() ? otherwise.apply(delivery) : script.poll();
        return answer != null ? answer : new SendResult.Sent(Optional.of(externalId));
    }
}
