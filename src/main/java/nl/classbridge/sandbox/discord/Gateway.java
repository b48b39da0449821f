package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.DiscordState.GuildModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway: HELLO, IDENTIFY to READY and GUILD_CREATE, heartbeats, RESUME with replay of missed
 * events, INVALID_SESSION, and dispatching events to the sessions whose intents ask for them.
 *
 * <p>Sharded as Discord is: IDENTIFY may carry {@code shard: [id, count]}; a session then gets READY
 * and GUILD_CREATE for the servers of its shard only ({@link ShardKey}), those servers' events, and,
 * on shard 0, the DMs. A wrong shard is closed with 4010, and a session that would carry more than
 * {@code maxGuildsPerSession} servers with 4011 (sharding required), as Discord does above 2,500.
 *
 * <p>One lock (this object) guards sessions and sockets, so numbering an event and sending it are one
 * step and events never overtake each other. The lock order is gateway, then state; the state never
 * calls back into the gateway.
 */
final class Gateway {
    static final String PATH = "/gateway";
    static final String RESUME_PATH = "/gateway/resume";

    static final int GUILDS = 1;
    static final int GUILD_MEMBERS = 1 << 1;
    static final int GUILD_MESSAGES = 1 << 9;
    static final int DIRECT_MESSAGES = 1 << 12;
    static final int MESSAGE_CONTENT = 1 << 15;

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DiscordState state;
    private final Payloads payloads;
    private final int heartbeatIntervalMillis;
    private final int maxGuildsPerSession;
    private final Map<String, GatewaySession> sessions = new LinkedHashMap<>();
    /** Which session each open socket carries, by Javalin's socket id; absent before IDENTIFY/RESUME. */
    private final Map<String, GatewaySession> sessionBySocket = new LinkedHashMap<>();

    private final List<GatewayLogin> logins = new ArrayList<>();
    private volatile String resumeUrl = "";

    Gateway(DiscordState state, Payloads payloads, int heartbeatIntervalMillis, int maxGuildsPerSession) {
        this.state = state;
        this.payloads = payloads;
        this.heartbeatIntervalMillis = heartbeatIntervalMillis;
        this.maxGuildsPerSession = maxGuildsPerSession;
    }

    void install(RoutesConfig routes) {
        routes.ws(PATH, ws -> configure(ws, PATH));
        routes.ws(RESUME_PATH, ws -> configure(ws, RESUME_PATH));
    }

    void resumeUrl(String url) {
        this.resumeUrl = url;
    }

    private void configure(WsConfig ws, String path) {
        ws.onConnect(this::onConnect);
        ws.onMessage(ctx -> onMessage(ctx, ctx.message(), path));
        ws.onClose(ctx -> onClose(ctx, ctx.status()));
        ws.onError(ctx -> LOG.debug("Gateway socket error", ctx.error()));
    }

    private synchronized void onConnect(WsContext ctx) {
        String encoding = ctx.queryParam("encoding");
        if (encoding != null && !encoding.equals("json")) {
            ctx.closeSession(4002, "Only encoding=json is supported by the local gateway");
            return;
        }
        if (ctx.queryParam("compress") != null) {
            ctx.closeSession(4002, "Compression is not supported by the local gateway");
            return;
        }
        ObjectNode hello = Json.object().put("op", 10);
        hello.putNull("s");
        hello.putNull("t");
        hello.set("d", Json.object().put("heartbeat_interval", heartbeatIntervalMillis));
        ctx.send(Json.write(hello));
    }

    private synchronized void onMessage(WsContext ctx, String text, String path) {
        JsonNode frame;
        try {
            frame = Json.parse(text);
        } catch (DiscordError invalidJson) {
            ctx.closeSession(4002, "Decode error");
            return;
        }
        int op = frame.path("op").asInt(-1);
        JsonNode data = frame.path("d");
        switch (op) {
            case 1 -> ctx.send("{\"op\":11}");
            case 2 -> identify(ctx, data, path);
            case 6 -> resume(ctx, data, path);
            case 3, 4, 8 -> LOG.debug("Gateway op {} ignored by the local server", op);
            default -> ctx.closeSession(4001, "Unknown opcode");
        }
    }

    private void identify(WsContext ctx, JsonNode data, String path) {
        state.notePresented(data.path("token").asText());
        if (sessionBySocket.containsKey(ctx.sessionId())) {
            ctx.closeSession(4005, "Already authenticated");
            return;
        }
        if (!state.token.equals(data.path("token").asText())) {
            ctx.closeSession(4004, "Authentication failed");
            return;
        }
        ShardKey shard = ShardKey.of(data.get("shard")).orElse(null);
        if (shard == null) {
            refuse(ctx, path, ShardKey.UNSHARDED, 4010, "Invalid shard");
            return;
        }
        List<GuildModel> guilds =
                state.guilds().stream().filter(guild -> shard.carries(guild.id)).toList();
        if (guilds.size() > maxGuildsPerSession) {
            refuse(ctx, path, shard, 4011, "Sharding required");
            return;
        }
        sessions.values().removeIf(old -> !old.resumable() && old.connection() == null);
        GatewaySession session =
                new GatewaySession(newSessionId(), data.path("intents").asInt(0), shard);
        sessions.put(session.id, session);
        sessionBySocket.put(ctx.sessionId(), session);
        session.attach(ctx);
        logins.add(new GatewayLogin(false, session.id, 0, 0, path, true, shard.id(), shard.count()));
        state.changed();

        ObjectNode ready = Json.object()
                .put("v", 10)
                .put("session_id", session.id)
                .put("resume_gateway_url", resumeUrl)
                .put("session_type", "normal");
        ready.set("user", payloads.selfUser());
        ready.set(
                "application",
                Json.object().put("id", Json.id(state.applicationId())).put("flags", 0));
        var unavailable = ready.putArray("guilds");
        guilds.forEach(guild ->
                unavailable.add(Json.object().put("id", Json.id(guild.id)).put("unavailable", true)));
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.putArray("geo_ordered_rtc_regions");
        ready.putArray("_trace").add("[\"classbridge-local-gateway\"]");
        if (data.has("shard")) {
            ready.set("shard", data.get("shard"));
        }
        session.dispatch("READY", ready);
        boolean allMembers = session.wants(GUILD_MEMBERS);
        for (GuildModel guild : guilds) {
            if (session.wants(GUILDS)) {
                session.dispatch("GUILD_CREATE", payloads.guildCreate(guild, allMembers));
            }
        }
    }

    /** Closes the socket of an IDENTIFY the gateway will not take, and notes it as a refused login. */
    private void refuse(WsContext ctx, String path, ShardKey shard, int closeCode, String reason) {
        logins.add(new GatewayLogin(false, "", 0, 0, path, false, shard.id(), shard.count()));
        state.changed();
        ctx.closeSession(closeCode, reason);
    }

    private void resume(WsContext ctx, JsonNode data, String path) {
        state.notePresented(data.path("token").asText());
        GatewaySession session = sessions.get(data.path("session_id").asText());
        long seen = data.path("seq").asLong(-1);
        if (session == null
                || !session.resumable()
                || !state.token.equals(data.path("token").asText())
                || !session.canReplayFrom(seen)) {
            ShardKey shard = session == null ? ShardKey.UNSHARDED : session.shard;
            logins.add(new GatewayLogin(
                    true, data.path("session_id").asText(), seen, 0, path, false, shard.id(), shard.count()));
            state.changed();
            ctx.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
            return;
        }
        WsContext previous = session.connection();
        if (previous != null && previous != ctx) {
            sessionBySocket.remove(previous.sessionId());
            previous.closeSession(4009, "Session resumed elsewhere");
        }
        sessionBySocket.put(ctx.sessionId(), session);
        session.attach(ctx);
        int replayed = session.replayAfter(seen);
        session.dispatch("RESUMED", Json.object());
        logins.add(new GatewayLogin(
                true, session.id, seen, replayed, path, true, session.shard.id(), session.shard.count()));
        state.changed();
    }

    private synchronized void onClose(WsContext ctx, int status) {
        GatewaySession session = sessionBySocket.remove(ctx.sessionId());
        if (session == null || session.connection() != ctx) {
            return;
        }
        session.detach();
        // A client closing with 1000 or 1001 ends its session for good, as on Discord (JDA's shutdown);
        // other codes (JDA reconnects with 4900) keep it resumable.
        if (status == 1000 || status == 1001) {
            sessions.remove(session.id);
        }
    }

    /**
     * Sends an event to every session whose intents include {@code intent} (0: always sent) and whose
     * shard carries server {@code guildId} (0: not in a server, as a DM: shard 0).
     */
    synchronized void dispatch(String type, ObjectNode data, int intent, long guildId) {
        for (GatewaySession session : sessions.values()) {
            if (session.wants(intent) && session.carries(guildId)) {
                session.dispatch(type, data.deepCopy());
            }
        }
    }

    /**
     * Sends a message event. In guild channels Discord blanks the content for bots without the
     * MESSAGE_CONTENT intent, except for the bot's own messages; DMs always carry the content. Only the
     * shard of the message's server gets it, shard 0 for a DM ({@code guildId} 0).
     */
    synchronized void dispatchMessage(String type, ObjectNode message, long guildId) {
        boolean inGuild = guildId != 0;
        int intent = inGuild ? GUILD_MESSAGES : DIRECT_MESSAGES;
        boolean own = message.path("author").path("id").asLong() == state.bot.id();
        for (GatewaySession session : sessions.values()) {
            if (!session.wants(intent) || !session.carries(guildId)) {
                continue;
            }
            ObjectNode copy = message.deepCopy();
            if (inGuild && !own && !session.wants(MESSAGE_CONTENT)) {
                copy.put("content", "");
                copy.putArray("embeds");
                copy.putArray("attachments");
                copy.putArray("components");
            }
            session.dispatch(type, copy);
        }
    }

    /**
     * Closes every gateway socket with a resumable close code, as Discord does when it moves a
     * connection. {@code whileDisconnected} runs before any RESUME is processed, so what it dispatches
     * is missed by the client and must come back through replay.
     */
    synchronized void dropConnections(int closeCode, Runnable whileDisconnected) {
        for (GatewaySession session : sessions.values()) {
            WsContext socket = session.connection();
            if (socket != null) {
                sessionBySocket.remove(socket.sessionId());
                session.detach();
                socket.closeSession(closeCode, "Dropped by the local server");
            }
        }
        whileDisconnected.run();
    }

    /**
     * Forgets every session, so the next RESUME is answered INVALID_SESSION and the client identifies
     * again. Live sockets stay open (and get events) until they close or are dropped.
     */
    synchronized void invalidateSessions() {
        sessions.values().forEach(GatewaySession::invalidate);
    }

    synchronized List<GatewayLogin> logins() {
        return List.copyOf(logins);
    }

    synchronized boolean hasLiveSession() {
        return sessions.values().stream().anyMatch(session -> session.connection() != null);
    }

    synchronized void closeAll() {
        for (GatewaySession session : sessions.values()) {
            if (session.connection() != null) {
                session.connection().closeSession(1001, "Local server stopping");
                session.detach();
            }
        }
        sessions.clear();
        sessionBySocket.clear();
    }

    private static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
