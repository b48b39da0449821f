package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One gateway session: its sequence numbers, the events it was sent (kept for RESUME), and the
 * websocket it is attached to, if any. Guarded by the {@link Gateway}'s lock.
 */
final class GatewaySession {
    /** Discord keeps a bounded backlog for resuming; ours is plenty for tests and the sandbox. */
    private static final int BACKLOG = 2000;

    final String id;
    final int intents;
    final ShardKey shard;
    private long sequence;
    private final Deque<ObjectNode> backlog = new ArrayDeque<>();
    private WsContext connection;
    private boolean resumable = true;

    GatewaySession(String id, int intents, ShardKey shard) {
        this.id = id;
        this.intents = intents;
        this.shard = shard;
    }

    boolean wants(int intent) {
        return intent == 0 || (intents & intent) != 0;
    }

    /** Whether this session's shard gets the events of server {@code guildId} (0: a DM, shard 0 only). */
    boolean carries(long guildId) {
        return shard.carries(guildId);
    }

    long sequence() {
        return sequence;
    }

    WsContext connection() {
        return connection;
    }

    void attach(WsContext connection) {
        this.connection = connection;
    }

    boolean resumable() {
        return resumable;
    }

    /** The server forgot the session: a RESUME for it gets INVALID_SESSION. */
    void invalidate() {
        resumable = false;
    }

    void detach() {
        this.connection = null;
    }

    /** Numbers the event, keeps it for a later RESUME, and sends it if a socket is attached. */
    void dispatch(String type, ObjectNode data) {
        ObjectNode frame = Json.object().put("op", 0).put("t", type).put("s", ++sequence);
        frame.set("d", data);
        backlog.addLast(frame);
        if (backlog.size() > BACKLOG) {
            backlog.removeFirst();
        }
        if (connection != null) {
            connection.send(Json.write(frame));
        }
    }

    /** Whether every event after {@code seen} is still in the backlog. */
    boolean canReplayFrom(long seen) {
        if (seen > sequence) {
            return false;
        }
        return seen == sequence
                || (!backlog.isEmpty() && backlog.peekFirst().get("s").asLong() <= seen + 1);
    }

    /** Sends again what the client missed; returns how many events that was. */
    int replayAfter(long seen) {
        int count = 0;
        for (ObjectNode frame : backlog) {
            if (frame.get("s").asLong() > seen) {
                connection.send(Json.write(frame));
                count++;
            }
        }
        return count;
    }
}
