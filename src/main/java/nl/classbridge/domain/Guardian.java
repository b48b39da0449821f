package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A parent or carer. Reached on Discord, by email, or both; which one the communication plan
 * says, and whether it still works the two reachability flags say.
 *
 * @param discordUnreachable DMs failed (closed DMs, no mutual server): Discord is not tried again
 *                           until the guardian joins again
 * @param emailInvalid       mail bounced permanently: the teacher is asked for a new address
 * @param statusReason       why a channel stopped working, for the teacher; never user text
 */
public record Guardian(
        long id,
        Optional<Long> discordUserId,
        Optional<String> email,
        CommunicationPlan plan,
        boolean discordUnreachable,
        boolean emailInvalid,
        Optional<String> statusReason,
        Instant createdAt) {

    public boolean reachableOnDiscord() {
        return discordUserId.isPresent() && !discordUnreachable;
    }

    public boolean reachableByEmail() {
        return email.isPresent() && !emailInvalid;
    }

    /** Whether a message should go by DM: the plan includes Discord and Discord works. */
    public boolean wantsDiscord() {
        return plan.channel().includesDiscord() && reachableOnDiscord();
    }

    /**
     * Whether a message should go by email: the plan includes email, or Discord does not work
     * for this family (then email is the fallback, if there is an address).
     */
    public boolean wantsEmail() {
        return reachableByEmail() && (plan.channel().includesEmail() || !reachableOnDiscord());
    }

    public boolean unreachable() {
        return !reachableOnDiscord() && !reachableByEmail();
    }
}
