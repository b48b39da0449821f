package nl.classbridge.discord;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.RestAction;
import nl.classbridge.logs.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures of Discord requests, as the log shows them: a reason code such as
 * {@code discord-50035/http-400}, never the exception's text. JDA writes Discord's error body
 * into that text, and a too-long message's whole content into its own checks' exceptions.
 */
public final class DiscordFailures {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordFailures.class);

    private DiscordFailures() {}

    /**
     * Replaces JDA's handler for a request that failed without one of its own (a reply, an
     * update of a check-in message), which logs the exception with its text.
     */
    public static void installAsDefault() {
        RestAction.setDefaultFailure(DiscordFailures::log);
    }

    /** Discord's error code and the HTTP status for an error answer, else the failure's class. */
    public static String reason(Throwable failure) {
        if (failure instanceof ErrorResponseException error) {
            int status = error.getResponse() == null ? 0 : error.getResponse().code;
            return "discord-" + error.getErrorCode() + "/http-" + status;
        }
        return Failure.code(failure);
    }

    private static void log(Throwable failure) {
        if (failure instanceof java.util.concurrent.CancellationException) {
            return; // the bot is stopping
        }
        LOG.warn("A Discord request failed: {}", reason(failure), Failure.withoutText(failure));
    }
}
