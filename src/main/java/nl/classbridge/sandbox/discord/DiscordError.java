package nl.classbridge.sandbox.discord;

/**
 * Thrown by a route to answer with a Discord error: an HTTP status and a body {@code {"message", "code"}}
 * with Discord's JSON error code, which JDA turns into an {@code ErrorResponse}.
 */
final class DiscordError extends RuntimeException {
    final int status;
    final int code;

    DiscordError(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static DiscordError unknownChannel() {
        return new DiscordError(404, 10003, "Unknown Channel");
    }

    static DiscordError unknownMessage() {
        return new DiscordError(404, 10008, "Unknown Message");
    }

    static DiscordError unknownMember() {
        return new DiscordError(404, 10007, "Unknown Member");
    }

    static DiscordError unknownUser() {
        return new DiscordError(404, 10013, "Unknown User");
    }

    static DiscordError unknownGuild() {
        return new DiscordError(404, 10004, "Unknown Guild");
    }

    static DiscordError unknownInteraction() {
        return new DiscordError(404, 10062, "Unknown interaction");
    }

    static DiscordError unknownWebhook() {
        return new DiscordError(404, 10015, "Unknown Webhook");
    }
}
