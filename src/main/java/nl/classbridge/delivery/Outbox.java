package nl.classbridge.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.store.Database;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;

/**
 * Where features put what they want sent. A message becomes an outbox row, due now or at the end
 * of the guardian's quiet hours, and the {@link Dispatcher} sends it. Asking twice with the same
 * dedupe key gives back the first row and sends once.
 */
public final class Outbox {
    private final Database database;
    private final DeliveryRepository deliveries;
    private final GuardianRepository guardians;
    private final Clock clock;
    private final QuietTime quietTime;
    private volatile Runnable afterEnqueue = () -> {};

    public Outbox(
            Database database,
            DeliveryRepository deliveries,
            GuardianRepository guardians,
            Clock clock,
            QuietHours schoolQuietHours,
            ZoneId schoolZone) {
        this.database = database;
        this.deliveries = deliveries;
        this.guardians = guardians;
        this.clock = clock;
        this.quietTime = new QuietTime(schoolQuietHours, schoolZone);
    }

    /**
     * Lets the dispatch loop know when rows were added, so they go out at once instead of at its
     * next check. Called once the rows are committed: when the enqueue is part of a larger
     * transaction (a round and its invitations), after that one commits, never if it rolls back.
     */
    public void whenEnqueued(Runnable listener) {
        this.afterEnqueue = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Puts one message in the outbox, or finds the row made earlier with the same dedupe key.
     *
     * @throws IllegalArgumentException when the message is for a guardian who does not exist
     */
    public Delivery enqueue(OutgoingMessage message) {
        Delivery delivery = database.transaction(() -> add(message, clock.instant()));
        database.afterCommit(afterEnqueue);
        return delivery;
    }

    /**
     * Puts a fan-out in the outbox in one transaction: every row is made or none is, so a
     * failure halfway through 50 guardians leaves nothing half-sent to be repeated.
     */
    public List<Delivery> enqueueAll(List<OutgoingMessage> messages) {
        Instant now = clock.instant();
        List<Delivery> added = database.transaction(() -> {
            List<Delivery> rows = new ArrayList<>(messages.size());
            for (OutgoingMessage message : messages) {
                rows.add(add(message, now));
            }
            return rows;
        });
        if (!added.isEmpty()) {
            database.afterCommit(afterEnqueue);
        }
        return added;
    }

    /** Records the email that took over a DM, both rows in one transaction. */
    Delivery handOff(Delivery failed, String reason, OutgoingMessage replacement) {
        return database.transaction(() -> {
            Instant now = clock.instant();
            Delivery email = add(replacement, now);
            deliveries.markHandedOff(failed.id(), reason, email.id(), now);
            return email;
        });
    }

    QuietTime quietTime() {
        return quietTime;
    }

    private Delivery add(OutgoingMessage message, Instant now) {
        Optional<Guardian> guardian = message.guardianId()
                .map(id -> guardians
                        .find(id)
                        .orElseThrow(() -> new IllegalArgumentException("no guardian with id " + id)));
        Instant notBefore = message.inConversation() ? now : quietTime.earliest(guardian, message.channel(), now);
        return deliveries.enqueue(
                message.dedupeKey(),
                message.classId(),
                message.guardianId(),
                message.channel(),
                message.kind(),
                message.payload(),
                notBefore,
                now,
                message.inConversation());
    }
}
