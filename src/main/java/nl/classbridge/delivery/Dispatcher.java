package nl.classbridge.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is due in the outbox, each row once, and records what happened: sent; back in the
 * queue with backoff; failed; or, for a DM the guardian cannot receive, handed to email.
 *
 * <p>Not a loop itself: {@link #dispatchDue()} is one pass and never waits, {@link #nextWakeUp()}
 * says when the next pass has work, and {@link DispatchLoop} runs passes in production. Tests move
 * a clock and call the pass. One thread at a time: the pass and the pacing state are guarded.
 *
 * <p>Quiet hours are checked when a row is queued, when a retry is planned, and again just before
 * sending, so a backlog (the bot was down, the mail server was) never reaches parents at night.
 *
 * <p>Logs carry delivery ids and reason codes only, never recipients or content.
 */
public final class Dispatcher {
    public static final int DEFAULT_MAX_ATTEMPTS = 12;

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Rows taken per channel per pass; the next pass follows at once if more are due. */
    private static final int BATCH = 50;
    /** Channel posts first, then DMs, then email, so a DM handed off in a pass goes out in it. */
    private static final List<DeliveryChannel> ORDER =
            List.of(DeliveryChannel.DISCORD_CHANNEL, DeliveryChannel.DISCORD_DM, DeliveryChannel.EMAIL);

    private final Outbox outbox;
    private final DeliveryRepository deliveries;
    private final GuardianRepository guardians;
    private final Map<DeliveryChannel, Sender> senders = new EnumMap<>(DeliveryChannel.class);
    private final HandOff handOff;
    private final TeacherNotice teacherNotice;
    private final Clock clock;
    private final int maxAttempts;
    private final Lanes lanes;
    /** The row being sent right now, if any; read by {@link #releaseInFlight()} from another thread. */
    private volatile Delivery inFlight;

    /**
     * @param senders       one per channel; a channel without one keeps its rows queued (no SMTP
     *                      configured: mail waits until it is)
     * @param dmPerSecond   at most this many DMs per second ({@code discord.dm-per-second})
     * @param maxAttempts   tries before a temporarily failing message is given up
     */
    public Dispatcher(
            Outbox outbox,
            DeliveryRepository deliveries,
            GuardianRepository guardians,
            List<Sender> senders,
            HandOff handOff,
            TeacherNotice teacherNotice,
            Clock clock,
            double dmPerSecond,
            int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.guardians = guardians;
        for (Sender sender : senders) {
            if (this.senders.putIfAbsent(sender.channel(), sender) != null) {
                throw new IllegalArgumentException(
                        "two senders for " + sender.channel().code());
            }
        }
        this.handOff = handOff;
        this.teacherNotice = teacherNotice;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.lanes = new Lanes(dmPerSecond);
    }

    /**
     * At start-up, before the first pass: rows a crash left in {@code sending} may or may not have
     * gone out. They go back in the queue, due now, as the same attempt and with their external id,
     * so the re-send is recognised (Discord's nonce, the Message-ID) instead of arriving twice.
     * Like every row, they are not sent in the recipient's quiet hours.
     *
     * @return how many rows were put back
     */
    public synchronized int recoverInterrupted() {
        Instant now = clock.instant();
        int requeued = 0;
        for (Delivery delivery : deliveries.interrupted()) {
            if (deliveries.requeueInterrupted(delivery.id(), now)) {
                requeued++;
            }
        }
        if (requeued > 0) {
            LOG.info("{} deliveries interrupted by a stop were put back in the queue", requeued);
        }
        return requeued;
    }

    /**
     * One pass: every channel with a sender sends what is due and what its pace allows. Returns
     * at once when a channel's budget is used; {@link #nextWakeUp()} says when to come back.
     *
     * @return how many rows this pass took from the queue, whatever their outcome
     */
    public synchronized int dispatchDue() {
        return dispatchDue(() -> true);
    }

    /**
     * One pass that ends early, between two messages, as soon as {@code keepGoing} says so: a
     * stop during a fan-out to the whole school does not wait for the fan-out, and never cuts a
     * message in half. What was not sent stays queued for the next start.
     */
    public synchronized int dispatchDue(BooleanSupplier keepGoing) {
        int taken = 0;
        for (DeliveryChannel channel : ORDER) {
            Sender sender = senders.get(channel);
            if (sender != null && keepGoing.getAsBoolean()) {
                taken += dispatch(channel, sender, keepGoing);
            }
        }
        return taken;
    }

    /**
     * When the next pass has something to do: the earliest due row of a channel with a sender,
     * but not before that channel's next DM slot or the end of a 429 pause. In the past when
     * rows are due now; {@link Instant#MAX} when nothing is queued.
     */
    public synchronized Instant nextWakeUp() {
        Instant next = Instant.MAX;
        for (DeliveryChannel channel : senders.keySet()) {
            Optional<Instant> due = deliveries.nextAttemptAt(channel);
            if (due.isPresent()) {
                Instant open = lanes.openFrom(channel);
                Instant when = due.get().isAfter(open) ? due.get() : open;
                if (when.isBefore(next)) {
                    next = when;
                }
            }
        }
        return next;
    }

    private int dispatch(DeliveryChannel channel, Sender sender, BooleanSupplier keepGoing) {
        int taken = 0;
        for (Delivery delivery : deliveries.due(channel, clock.instant(), BATCH)) {
            if (!keepGoing.getAsBoolean()) {
                break;
            }
            Instant now = clock.instant();
            if (!lanes.open(channel, now)) {
                break;
            }
            Optional<Guardian> guardian = delivery.guardianId().flatMap(guardians::find);
            Instant allowed = allowedFrom(delivery, guardian, now);
            if (allowed.isAfter(now)) {
                // Due before the quiet hours began (a backlog after a restart or an outage): not now.
                deliveries.postpone(delivery.id(), allowed);
                continue;
            }
            if (!deliveries.claim(delivery.id(), now)) {
                continue;
            }
            taken++;
            Delivery claimed = asClaimed(delivery, now);
            if (guardian.isPresent() && knownUnreachable(claimed, guardian.get())) {
                // Marked earlier (another DM of this fan-out, a previous run): do not spend a request.
                settleUnreachable(claimed, guardian, knownReason(claimed.channel(), guardian.get()), false);
                continue;
            }
            lanes.used(channel, now);
            inFlight = claimed;
            try {
                record(claimed, guardian, send(sender, claimed));
            } finally {
                inFlight = null;
            }
        }
        return taken;
    }

    /**
     * At a stop that cannot wait any longer for a send that hangs: puts its row back in the queue as
     * a crash would have left it for the next start (same attempt, same nonce or Message-ID), so no
     * row is left {@code sending}. Whatever the hanging send learns later cannot record an outcome
     * over it. Not synchronized: the pass that hangs holds the lock.
     *
     * @return whether a row was put back
     */
    public boolean releaseInFlight() {
        Delivery hanging = inFlight;
        if (hanging == null || !deliveries.requeueInterrupted(hanging.id(), clock.instant())) {
            return false;
        }
        LOG.warn(
                "delivery {} on {} did not finish before the stop; put back in the queue",
                hanging.id(),
                hanging.channel().code());
        return true;
    }

    /**
     * The first instant at or after {@code at} the row may go out: outside the recipient's quiet
     * hours, but at once for a message in a conversation the person is having now.
     */
    private Instant allowedFrom(Delivery delivery, Optional<Guardian> guardian, Instant at) {
        return delivery.inConversation() ? at : outbox.quietTime().earliest(guardian, delivery.channel(), at);
    }

    private static boolean knownUnreachable(Delivery delivery, Guardian guardian) {
        return switch (delivery.channel()) {
            case DISCORD_DM -> !guardian.reachableOnDiscord();
            case EMAIL -> !guardian.reachableByEmail();
            case DISCORD_CHANNEL -> false;
        };
    }

    private static String knownReason(DeliveryChannel channel, Guardian guardian) {
        if (channel == DeliveryChannel.DISCORD_DM) {
            return guardian.discordUserId().isEmpty() ? "no-discord" : "discord-unreachable";
        }
        return guardian.email().isEmpty() ? "no-email" : "email-invalid";
    }

    private static SendResult send(Sender sender, Delivery delivery) {
        try {
            return sender.send(delivery);
        } catch (RuntimeException e) {
            // The exception's message may hold an address or text: its type is enough to look further.
            LOG.warn(
                    "sender for {} threw {} on delivery {}; retrying later",
                    delivery.channel().code(),
                    e.getClass().getName(),
                    delivery.id());
            return SendResult.retryLater("sender-error");
        }
    }

    private void record(Delivery delivery, Optional<Guardian> guardian, SendResult result) {
        Instant now = clock.instant();
        if (result instanceof SendResult.Sent sent) {
            deliveries.markSent(delivery.id(), sent.externalId(), now);
        } else if (result instanceof SendResult.RetryLater retry) {
            retryLater(delivery, guardian, retry, now);
        } else if (result instanceof SendResult.RateLimited limited) {
            Instant open = now.plus(limited.after());
            lanes.closeUntil(delivery.channel(), open);
            LOG.debug(
                    "delivery {} on {} rate limited until {}",
                    delivery.id(),
                    delivery.channel().code(),
                    open);
            deliveries.rateLimited(delivery.id(), limited.reason(), allowedFrom(delivery, guardian, open));
        } else if (result instanceof SendResult.Unreachable unreachable) {
            settleUnreachable(delivery, guardian, unreachable.reason(), true);
        } else if (result instanceof SendResult.Failed failed) {
            LOG.error(
                    "delivery {} on {} failed for good: {}",
                    delivery.id(),
                    delivery.channel().code(),
                    failed.reason());
            deliveries.markFailed(delivery.id(), failed.reason(), clock.instant());
        } else {
            // A sender returned null: a bug in the sender, not a reason to lose the message.
            retryLater(delivery, guardian, SendResult.retryLater("sender-error"), now);
        }
    }

    private void retryLater(Delivery delivery, Optional<Guardian> guardian, SendResult.RetryLater retry, Instant now) {
        retry.after().ifPresent(after -> lanes.closeUntil(delivery.channel(), now.plus(after)));
        if (delivery.attempts() >= maxAttempts) {
            LOG.warn(
                    "delivery {} on {} given up after {} attempts: {}",
                    delivery.id(),
                    delivery.channel().code(),
                    delivery.attempts(),
                    retry.reason());
            deliveries.markFailed(delivery.id(), retry.reason(), clock.instant());
            return;
        }
        Instant backoff = delivery.retryAfter(now);
        Instant asked = retry.after().map(now::plus).orElse(backoff);
        Instant next = asked.isAfter(backoff) ? asked : backoff;
        // A retry is a new send: it waits for the morning like the first one did.
        next = allowedFrom(delivery, guardian, next);
        LOG.debug(
                "delivery {} on {} retries at {}: {}",
                delivery.id(),
                delivery.channel().code(),
                next,
                retry.reason());
        deliveries.retryLater(delivery.id(), retry.reason(), next);
    }

    /**
     * This recipient cannot get messages on this channel. A DM goes to email when there is a
     * working address and never back to Discord (403s count against Discord's invalid-request
     * limit); an email bounce marks the address invalid. {@code fresh} is true when the send just
     * found out, which is when the guardian's status changes and the teacher is told.
     */
    private void settleUnreachable(Delivery delivery, Optional<Guardian> known, String reason, boolean fresh) {
        if (known.isEmpty()) {
            // A channel post or a DM to the teacher: nobody to fall back to.
            LOG.warn(
                    "delivery {} on {} cannot be delivered: {}",
                    delivery.id(),
                    delivery.channel().code(),
                    reason);
            deliveries.markFailed(delivery.id(), reason, clock.instant());
            return;
        }
        long guardianId = known.get().id();
        if (fresh) {
            if (delivery.channel() == DeliveryChannel.DISCORD_DM) {
                guardians.markDiscordUnreachable(guardianId, reason);
            } else if (delivery.channel() == DeliveryChannel.EMAIL) {
                guardians.markEmailInvalid(guardianId, reason);
            }
        }
        Guardian guardian = guardians.find(guardianId).orElse(known.get());
        Optional<OutgoingMessage> email =
                delivery.channel() == DeliveryChannel.DISCORD_DM && guardian.reachableByEmail()
                        ? emailFor(delivery, guardian)
                        : Optional.empty();
        if (email.isPresent()) {
            Delivery replacement = outbox.handOff(delivery, reason, email.get());
            LOG.info("delivery {} handed off to email delivery {}: {}", delivery.id(), replacement.id(), reason);
        } else {
            LOG.info(
                    "delivery {} on {} failed: {}",
                    delivery.id(),
                    delivery.channel().code(),
                    reason);
            deliveries.markFailed(delivery.id(), reason, clock.instant());
        }
        if (fresh) {
            tellTeacher(guardian, delivery.channel(), reason);
        }
    }

    private Optional<OutgoingMessage> emailFor(Delivery delivery, Guardian guardian) {
        Optional<OutgoingMessage> email;
        try {
            email = handOff.emailFor(delivery, guardian);
        } catch (RuntimeException e) {
            LOG.error(
                    "hand-off of delivery {} threw {}",
                    delivery.id(),
                    e.getClass().getName());
            return Optional.empty();
        }
        if (email.isPresent()
                && (email.get().channel() != DeliveryChannel.EMAIL
                        || !email.get().guardianId().equals(Optional.of(guardian.id())))) {
            LOG.error("hand-off of delivery {} is not an email to the same guardian; not sent", delivery.id());
            return Optional.empty();
        }
        return email;
    }

    private void tellTeacher(Guardian guardian, DeliveryChannel channel, String reason) {
        try {
            teacherNotice.guardianUnreachable(guardian, channel, reason);
        } catch (RuntimeException e) {
            // The delivery is recorded; a failing notice must not undo it or stop the pass.
            LOG.warn(
                    "telling the teacher about guardian {} failed: {}",
                    guardian.id(),
                    e.getClass().getName());
        }
    }

    /** The row as {@code claim} left it, without reading it back. */
    private static Delivery asClaimed(Delivery d, Instant now) {
        return new Delivery(
                d.id(),
                d.dedupeKey(),
                d.classId(),
                d.guardianId(),
                d.channel(),
                d.kind(),
                d.payload(),
                DeliveryStatus.SENDING,
                d.attempts() + 1,
                now,
                d.lastError(),
                d.externalId(),
                d.handedOffTo(),
                d.createdAt(),
                d.sentAt(),
                d.inConversation());
    }
}
