package nl.classbridge.discord;

import java.time.Duration;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import nl.classbridge.delivery.SendResult;

/** Discord's answer to a send, as the outbox understands it. */
public final class DiscordOutcome {
    private DiscordOutcome() {}

    /**
     * Closed DMs and unknown users are unreachable (not tried again: 403s count against Discord's
     * invalid-request limit); a channel the bot may not write in waits for the school to fix the
     * permission; server errors and rate limits are tried again later.
     */
    public static SendResult of(ErrorResponseException e) {
        ErrorResponse error = e.getErrorResponse();
        if (error == ErrorResponse.CANNOT_SEND_TO_USER
                || error == ErrorResponse.UNKNOWN_USER
                || e.getErrorCode() == 50278) {
            return new SendResult.Unreachable(error == ErrorResponse.UNKNOWN_USER ? "unknown-user" : "dm-closed");
        }
        if (error == ErrorResponse.MISSING_ACCESS || error == ErrorResponse.MISSING_PERMISSIONS) {
            return SendResult.retryLater("channel-forbidden");
        }
        if (e.getResponse() != null && (e.getResponse().code >= 500 || e.getResponse().code == 429)) {
            return SendResult.retryLater("http-" + e.getResponse().code);
        }
        return new SendResult.Failed("discord-" + e.getErrorCode());
    }

    /**
     * A 429. The outbox's senders ask JDA not to wait out rate limits itself ({@code complete(false)}):
     * JDA would sleep on the outbox's only thread, and email and channel posts would wait behind a
     * DM. The outbox waits instead, on its own clock, for the DM lane only.
     */
    public static SendResult of(RateLimitedException e) {
        return new SendResult.RateLimited("http-429", Duration.ofMillis(Math.max(0, e.getRetryAfter())));
    }
}
