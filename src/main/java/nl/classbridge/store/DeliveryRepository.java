package nl.classbridge.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;

/**
 * The outbox. Every outgoing message is a row here before it is sent; the unique dedupe key makes
 * a second row for the same message impossible. The status moves only forward: queued, claimed
 * ({@code sending}), then one outcome; an outcome is recorded only for a claimed row.
 */
public final class DeliveryRepository {
    private static final RowMapper<Delivery> DELIVERY = row -> new Delivery(
            row.longValue("id"),
            row.string("dedupe_key"),
            row.optionalLong("class_id"),
            row.optionalLong("guardian_id"),
            Coded.of(DeliveryChannel.class, row.string("channel")),
            row.string("kind"),
            row.string("payload"),
            Coded.of(DeliveryStatus.class, row.string("status")),
            row.intValue("attempts"),
            row.instant("next_attempt_at"),
            row.optionalString("last_error"),
            row.optionalString("external_id"),
            row.optionalLong("handed_off_to"),
            row.instant("created_at"),
            row.optionalInstant("sent_at"),
            row.intValue("in_conversation") == 1);

    private final Database database;

    public DeliveryRepository(Database database) {
        this.database = database;
    }

    /**
     * Queues a message unless one with the same dedupe key exists; returns the row either way,
     * so a run repeated after a crash finds the rows it made before.
     */
    public Delivery enqueue(
            String dedupeKey,
            Optional<Long> classId,
            Optional<Long> guardianId,
            DeliveryChannel channel,
            String kind,
            String payload,
            Instant notBefore,
            Instant now) {
        return enqueue(dedupeKey, classId, guardianId, channel, kind, payload, notBefore, now, false);
    }

    /** The same, for a message in a conversation the person is having now, which goes first on its channel. */
    public Delivery enqueue(
            String dedupeKey,
            Optional<Long> classId,
            Optional<Long> guardianId,
            DeliveryChannel channel,
            String kind,
            String payload,
            Instant notBefore,
            Instant now,
            boolean inConversation) {
        return database.transaction(() -> database.write(sql -> {
            sql.update(
                    """
                    INSERT OR IGNORE INTO delivery (dedupe_key, class_id, guardian_id, channel, kind, payload,
                                                    next_attempt_at, created_at, in_conversation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    dedupeKey,
                    classId,
                    guardianId,
                    channel,
                    kind,
                    payload,
                    notBefore,
                    now,
                    inConversation ? 1 : 0);
            return sql.one("SELECT * FROM delivery WHERE dedupe_key = ?", DELIVERY, dedupeKey)
                    .orElseThrow();
        }));
    }

    public Optional<Delivery> find(long id) {
        return database.read(sql -> sql.one("SELECT * FROM delivery WHERE id = ?", DELIVERY, id));
    }

    /** The delivery that went out with this Discord message id or email Message-ID (with or without brackets). */
    public Optional<Delivery> findByExternalId(String externalId) {
        String bare = externalId.replaceAll("^<|>$", "");
        return database.read(sql -> sql.one(
                "SELECT * FROM delivery WHERE external_id IN (?, ?) ORDER BY id LIMIT 1",
                DELIVERY,
                bare,
                "<" + bare + ">"));
    }

    public Optional<Delivery> findByKey(String dedupeKey) {
        return database.read(sql -> sql.one("SELECT * FROM delivery WHERE dedupe_key = ?", DELIVERY, dedupeKey));
    }

    /**
     * Queued messages on a channel whose time has come: those in a conversation first (someone waits
     * for them), then the oldest first.
     */
    public List<Delivery> due(DeliveryChannel channel, Instant now, int limit) {
        return database.read(sql -> sql.list("""
                SELECT * FROM delivery WHERE channel = ? AND status = 'queued' AND next_attempt_at <= ?
                ORDER BY in_conversation DESC, next_attempt_at, id LIMIT ?""", DELIVERY, channel, now, limit));
    }

    /**
     * Claims a queued message for sending and counts the attempt. Only one caller can claim a
     * row; a row left in {@code sending} by a crash is found by {@link #interrupted}.
     */
    public boolean claim(long id, Instant now) {
        return database.write(sql -> sql.update("""
                UPDATE delivery SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?
                WHERE id = ? AND status = 'queued'""", now, id)) == 1;
    }

    /** Rows a previous process claimed but never finished: to be checked, not blindly re-sent. */
    public List<Delivery> interrupted() {
        return database.read(sql -> sql.list("SELECT * FROM delivery WHERE status = 'sending' ORDER BY id", DELIVERY));
    }

    /**
     * Puts a row a previous process left in {@code sending} back in the queue for
     * {@code nextAttemptAt}. The interrupted try is taken back from the attempt count, so the
     * re-send is the same attempt, not a new one; the external id stays, so the re-send carries
     * the same Discord nonce or Message-ID. Only for start-up, before any row is claimed.
     */
    public boolean requeueInterrupted(long id, Instant nextAttemptAt) {
        return database.write(sql -> sql.update("""
                UPDATE delivery SET status = 'queued', attempts = MAX(attempts - 1, 0), next_attempt_at = ?
                WHERE id = ? AND status = 'sending'""", nextAttemptAt, id)) == 1;
    }

    /** Moves a queued message to a later time without counting an attempt (quiet hours began). */
    public boolean postpone(long id, Instant nextAttemptAt) {
        return database.write(sql -> sql.update(
                        "UPDATE delivery SET next_attempt_at = ? WHERE id = ? AND status = 'queued'",
                        nextAttemptAt,
                        id))
                == 1;
    }

    /** When the earliest queued message on a channel is due, if any is queued. */
    public Optional<Instant> nextAttemptAt(DeliveryChannel channel) {
        return database.read(sql -> sql.one(
                        "SELECT MIN(next_attempt_at) AS next FROM delivery WHERE channel = ? AND status = 'queued'",
                        row -> row.optionalInstant("next"),
                        channel))
                .flatMap(next -> next);
    }

    /** Notes the id the message will carry (email Message-ID, Discord nonce) before it is sent. */
    public void setExternalId(long id, String externalId) {
        database.write(sql -> sql.update("UPDATE delivery SET external_id = ? WHERE id = ?", externalId, id));
    }

    public void markSent(long id, Optional<String> externalId, Instant now) {
        database.write(sql -> sql.update("""
                UPDATE delivery SET status = 'sent', sent_at = ?, external_id = COALESCE(?, external_id),
                                    last_error = NULL
                WHERE id = ? AND status = 'sending'""", now, externalId, id));
    }

    /** A temporary failure: back to the queue for another attempt at {@code nextAttemptAt}. */
    public void retryLater(long id, String error, Instant nextAttemptAt) {
        database.write(sql -> sql.update("""
                UPDATE delivery SET status = 'queued', last_error = ?, next_attempt_at = ?
                WHERE id = ? AND status = 'sending'""", error, nextAttemptAt, id));
    }

    /**
     * The other side asked to wait: back to the queue for {@code nextAttemptAt}, and the attempt
     * that was refused is not counted (a storm of rate limits must not use up a message's tries).
     */
    public void rateLimited(long id, String reason, Instant nextAttemptAt) {
        database.write(sql -> sql.update("""
                UPDATE delivery SET status = 'queued', attempts = MAX(attempts - 1, 0), last_error = ?,
                                    next_attempt_at = ?
                WHERE id = ? AND status = 'sending'""", reason, nextAttemptAt, id));
    }

    /** A permanent failure on this channel. {@code error} is a reason code, never message content. */
    public void markFailed(long id, String error, Instant now) {
        database.write(sql -> sql.update(
                "UPDATE delivery SET status = 'failed', last_error = ?, failed_at = ? WHERE id = ? AND status = 'sending'",
                error,
                now,
                id));
    }

    /** Failed here at {@code now} and given to {@code replacementId} on another channel. */
    public void markHandedOff(long id, String error, long replacementId, Instant now) {
        database.write(sql -> sql.update("""
                UPDATE delivery SET status = 'handed-off', last_error = ?, handed_off_to = ?, failed_at = ?
                WHERE id = ? AND status = 'sending'""", error, replacementId, now, id));
    }

    public void cancel(long id) {
        database.write(
                sql -> sql.update("UPDATE delivery SET status = 'cancelled' WHERE id = ? AND status = 'queued'", id));
    }

    /** The guardian's messages still waiting in the queue, oldest first. */
    public List<Delivery> queuedOf(long guardianId) {
        return database.read(sql -> sql.list(
                "SELECT * FROM delivery WHERE guardian_id = ? AND status = 'queued' ORDER BY id",
                DELIVERY,
                guardianId));
    }

    /** Cancels every queued message to the guardian about one class (they left it); returns how many. */
    public int cancelQueued(long guardianId, long classId) {
        return database.write(sql -> sql.update(
                "UPDATE delivery SET status = 'cancelled' WHERE guardian_id = ? AND class_id = ? AND status = 'queued'",
                guardianId,
                classId));
    }

    /**
     * Points a queued message at other content (a greeting for a child who left the class now greets
     * for the family's other child); its dedupe key stays, so it is still sent once.
     */
    public boolean replacePayload(long id, String payload) {
        return database.write(sql ->
                        sql.update("UPDATE delivery SET payload = ? WHERE id = ? AND status = 'queued'", payload, id))
                == 1;
    }

    public List<Delivery> ofGuardian(long guardianId) {
        return database.read(
                sql -> sql.list("SELECT * FROM delivery WHERE guardian_id = ? ORDER BY id", DELIVERY, guardianId));
    }

    public long countQueued(DeliveryChannel channel) {
        return database.read(sql -> sql.count(
                "SELECT COUNT(*) AS n FROM delivery WHERE channel = ? AND status IN ('queued', 'sending')", channel));
    }

    /** Forgets finished deliveries (their rendered text included) created before {@code before}. */
    public int removeFinishedBefore(Instant before) {
        return database.write(sql -> sql.update(
                "DELETE FROM delivery WHERE status NOT IN ('queued', 'sending') AND created_at < ?", before));
    }
}
