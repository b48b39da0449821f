package nl.classbridge.sandbox.discord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.classbridge.sandbox.discord.DiscordState.InteractionRecord;

/**
 * An interaction the local server sent to the bot (a slash command, button press, select choice, modal
 * submit or autocomplete), with what the bot answered.
 */
public final class Interaction {
    private final LocalDiscord discord;
    private final DiscordState state;
    private final InteractionRecord record;

    Interaction(LocalDiscord discord, DiscordState state, InteractionRecord record) {
        this.discord = discord;
        this.state = state;
        this.record = record;
    }

    public long id() {
        return record.id;
    }

    /** Discord's interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
    public int type() {
        return record.type;
    }

    public long channelId() {
        return record.channelId;
    }

    /** When the server made the interaction and sent it to the bot, in {@link System#nanoTime()} terms. */
    public long createdNanos() {
        return record.createdNanos;
    }

    /** The callback the bot made, if it made one yet. */
    public Optional<InteractionResponse> response() {
        synchronized (state) {
            return Optional.ofNullable(record.response);
        }
    }

    /**
     * How many times the bot called back: 1 when it answered once. More means the interaction reached
     * the bot twice (two shards that both got it), the second answer refused with 40060.
     */
    public int callbacks() {
        synchronized (state) {
            return record.callbacks;
        }
    }

    /**
     * How long the bot took to acknowledge: from sending the interaction to receiving its
     * callback (Discord allows 3 seconds). Empty until the bot answered.
     */
    public Optional<Duration> acknowledgedIn() {
        synchronized (state) {
            return record.response == null
                    ? Optional.empty()
                    : Optional.of(Duration.ofNanos(record.respondedNanos - record.createdNanos));
        }
    }

    /** Waits at most {@code timeout} for the bot's callback; empty when it did not come (for the sandbox page). */
    public Optional<InteractionResponse> response(Duration timeout) throws InterruptedException {
        state.await(timeout, () -> response().isPresent());
        return response();
    }

    /** Waits for the bot's callback; fails the test after the default timeout. */
    public InteractionResponse awaitResponse() {
        return discord.awaitValue("a response to interaction " + id(), this::response);
    }

    /** The original response message: the reply, or what a deferred reply became. */
    public Optional<PostedMessage> original() {
        long id;
        synchronized (state) {
            id = record.originalMessageId;
        }
        return id == 0 ? Optional.empty() : state.postedMessage(id);
    }

    public PostedMessage awaitOriginal() {
        return discord.awaitValue("the original response to interaction " + id(), this::original);
    }

    /** Follow-up messages, in the order they were sent. */
    public List<PostedMessage> followUps() {
        List<Long> ids;
        synchronized (state) {
            ids = List.copyOf(record.followUpIds);
        }
        return ids.stream().map(state::postedMessage).flatMap(Optional::stream).toList();
    }
}
