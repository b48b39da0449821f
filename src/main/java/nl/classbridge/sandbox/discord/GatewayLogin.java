package nl.classbridge.sandbox.discord;

/**
 * A session start the gateway saw: an IDENTIFY or a RESUME.
 *
 * @param resume         true for RESUME (op 6), false for IDENTIFY (op 2)
 * @param sessionId      the session it created or resumed
 * @param sequence       for a RESUME: the last sequence number the client had seen
 * @param replayedEvents for a RESUME: how many missed events were sent again
 * @param path           the websocket path the client connected to (a RESUME should use the resume URL)
 * @param accepted       false when the server answered INVALID_SESSION, or closed the socket on an IDENTIFY
 *                       with a wrong shard (4010) or one that would carry too many servers (4011)
 * @param shardId        the session's shard, from IDENTIFY's {@code shard: [id, count]} (0 without it)
 * @param shardCount     how many shards the client said it runs (1 without {@code shard})
 */
public record GatewayLogin(
        boolean resume,
        String sessionId,
        long sequence,
        int replayedEvents,
        String path,
        boolean accepted,
        int shardId,
        int shardCount) {}
