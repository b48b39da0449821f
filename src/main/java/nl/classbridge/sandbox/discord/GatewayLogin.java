package nl.classbridge.sandbox.discord;

/**
 * A session start the gateway saw: an IDENTIFY or a RESUME.
 *
 * @param resume         true for RESUME (op 6), false for IDENTIFY (op 2)
 * @param sessionId      the session it created or resumed
 * @param sequence       for a RESUME: the last sequence number the client had seen
 * @param replayedEvents for a RESUME: how many missed events were sent again
 * @param path           the websocket path the client connected to (a RESUME should use the resume URL)
 * @param accepted       false when the server answered INVALID_SESSION
 */
public record GatewayLogin(
        boolean resume, String sessionId, long sequence, int replayedEvents, String path, boolean accepted) {}
