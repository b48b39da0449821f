package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import nl.classbridge.sandbox.faults.Hold;

/**
 * A local Discord-compatible server for tests and the sandbox, bound to a free port on 127.0.0.1.
 *
 * <p>Point JDA at it with {@code RestConfig#setBaseUrl(restUrl())}, a session controller that names
 * {@link #gatewayUrl()}, {@link #botToken()} and {@code Compression.NONE}. Seed guilds and users first, then let the bot log in;
 * then act as people ({@link #slashCommand}, {@link #pressButton}, {@link #sendDirectMessage}, ...), read
 * what the bot did ({@link #messagesIn}, {@link #directMessagesTo}, {@link Interaction#awaitResponse()}),
 * and inject faults ({@link #closeDirectMessages}, {@link #rateLimit}, {@link #failWith},
 * {@link #dropGatewayConnection()}, {@link #holdNoncedMessage}).
 *
 * <p>The gateway shards as Discord's does: {@code GET /gateway/bot} recommends {@link
 * Builder#recommendedShards} shards, a session that identifies with {@code shard: [id, count]} gets only
 * the servers of its shard ({@link #shardOf}) and, on shard 0, the DMs, and one that would carry more
 * than {@link Builder#maxGuildsPerSession} servers is refused with 4011.
 */
public final class LocalDiscord implements AutoCloseable {
    /** How long the await helpers wait unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final DiscordState state;
    private final Payloads payloads;
    private final Gateway gateway;
    private final Messages messages;
    private final Faults faults = new Faults();
    private final RestApi rest;
    private final InteractionFactory interactions;
    private final Javalin server;
    private final String restUrl;
    private final String gatewayUrl;
    private final ConnectionCount connections = new ConnectionCount();

    private LocalDiscord(Builder builder) {
        state = new DiscordState(builder.clock, builder.botName, newToken());
        payloads = new Payloads(state);
        gateway = new Gateway(state, payloads, builder.heartbeatIntervalMillis, builder.maxGuildsPerSession);
        messages = new Messages(state, payloads, gateway, faults);
        rest = new RestApi(
                state,
                faults,
                builder.discordRateLimits
                        ? RateLimits.discordLike(() -> builder.clock.millis())
                        : RateLimits.generous());
        interactions = new InteractionFactory(state, payloads);
        String[] gatewayHolder = new String[1];
        IdentityRoutes identity =
                new IdentityRoutes(state, payloads, () -> gatewayHolder[0], builder.recommendedShards);
        ChannelRoutes channels = new ChannelRoutes(state, payloads, messages);
        GuildRoutes guilds = new GuildRoutes(state, payloads);
        InteractionRoutes interactionRoutes = new InteractionRoutes(state, messages);
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1"; // never reachable from outside this machine
            config.jetty.port = 0;
            // REST requests are answered by Jetty directly; Javalin takes the rest (websocket, multipart).
            config.jetty.modifyServer(jetty -> jetty.setHandler(rest.handler()));
            identity.install(rest, config.routes);
            channels.install(rest, config.routes);
            guilds.install(rest, config.routes);
            interactionRoutes.install(rest, config.routes);
            rest.installFallback(config.routes);
            config.routes.addHttpHandler(io.javalin.http.HandlerType.GET, "/attachments/{id}/{filename}", ctx -> {
                Optional<Attachments.Upload> file = parseId(ctx.pathParam("id")).flatMap(state.attachments::find);
                if (file.isEmpty()) {
                    ctx.status(404);
                    return;
                }
                ctx.contentType(
                        file.get().contentType() == null
                                ? "application/octet-stream"
                                : file.get().contentType());
                ctx.result(file.get().content());
            });
            gateway.install(config.routes);
        });
        server.start();
        for (org.eclipse.jetty.server.Connector connector :
                server.jettyServer().server().getConnectors()) {
            connector.addEventListener(connections);
        }
        String base = "127.0.0.1:" + server.port();
        restUrl = "http://" + base + RestApi.BASE;
        gatewayUrl = "ws://" + base + Gateway.PATH;
        gatewayHolder[0] = gatewayUrl;
        state.attachments.baseUrl("http://" + base + "/");
        gateway.resumeUrl("ws://" + base + Gateway.RESUME_PATH);
    }

    /** Starts a server with the defaults: bot "ClassBridge", a 5-second heartbeat. */
    public static LocalDiscord start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- connecting

    /** The REST base URL for {@code RestConfig#setBaseUrl} and {@code discord.rest-url}; ends in {@code /}. */
    public String restUrl() {
        return restUrl;
    }

    /** The gateway URL for {@code discord.gateway-url}. */
    public String gatewayUrl() {
        return gatewayUrl;
    }

    /** The bot token this server accepts. Random per server; never log it. */
    public String botToken() {
        return state.token;
    }

    public LocalUser bot() {
        return state.bot;
    }

    public long applicationId() {
        return state.applicationId();
    }

    // ---- seeding

    public LocalUser addUser(String username) {
        return state.addUser(username);
    }

    /**
     * A Discord-style id made at {@code at}, the same at every start: for people and places that
     * must keep their ids across restarts, such as the sandbox's school. Take {@code at} in the past,
     * so these ids never meet the ones the server makes itself.
     */
    public static long snowflake(java.time.Instant at, int sequence) {
        return Snowflakes.at(at, sequence);
    }

    /** A user with a chosen id and a display name (Discord's global name, or null). */
    public LocalUser addUser(long id, String username, String displayName) {
        return state.addUser(id, username, displayName);
    }

    /**
     * {@code user} sets their Discord app to {@code locale} ({@code "en-US"}, {@code "tr"}, ...): their
     * interactions carry it from now on. Returns the user as they are now.
     */
    public LocalUser setLocale(LocalUser user, String locale) {
        return state.setLocale(user.id(), locale);
    }

    /** A guild with a chosen id, owned by {@code owner} (who becomes a member), with the bot in it. */
    public LocalGuild addGuild(long id, String name, LocalUser owner) {
        DiscordState.GuildModel guild = state.addGuild(id, name, owner.id());
        state.addMember(guild.id, owner.id(), List.of());
        return new LocalGuild(state, guild.id, name);
    }

    /**
     * The shard of {@code shards} that gets server {@code guildId}'s events: Discord's
     * {@code (guild_id >> 22) % shards}. For choosing guild ids that spread over shards.
     */
    public static int shardOf(long guildId, int shards) {
        return ShardKey.of(guildId, shards);
    }

    /** A guild owned by {@code owner} (who becomes a member), with the bot in it. */
    public LocalGuild addGuild(String name, LocalUser owner) {
        DiscordState.GuildModel guild = state.addGuild(name, owner.id());
        state.addMember(guild.id, owner.id(), List.of());
        return new LocalGuild(state, guild.id, name);
    }

    // ---- acting as people

    /**
     * A user runs a slash command. {@code command} is written as in Discord's UI: {@code "class setup"}
     * is command {@code class}, subcommand {@code setup}. Option types come from the registered
     * command, else from the values (String, Integer/Long, Boolean, Double).
     */
    public Interaction slashCommand(LocalUser user, LocalChannel channel, String command, Map<String, ?> options) {
        return send(interactions.command(user, channel, command, options, null));
    }

    /** A user types in option {@code focused}; its value in {@code options} is the text typed so far. */
    public Interaction autocomplete(
            LocalUser user, LocalChannel channel, String command, Map<String, ?> options, String focused) {
        if (!options.containsKey(focused)) {
            throw new IllegalArgumentException("The focused option needs a value in options: " + focused);
        }
        return send(interactions.command(user, channel, command, options, focused));
    }

    public Interaction pressButton(LocalUser user, PostedMessage message, String customId) {
        return send(interactions.component(user, message, customId, null));
    }

    public Interaction chooseOptions(LocalUser user, PostedMessage message, String customId, List<String> values) {
        return send(interactions.component(user, message, customId, values));
    }

    /** A user submits a modal opened by a slash command; {@code inputs} maps text input custom ids to values. */
    public Interaction submitModal(LocalUser user, LocalChannel channel, String customId, Map<String, String> inputs) {
        return send(interactions.modalSubmit(user, channel, customId, inputs, null));
    }

    /** A user submits a modal opened by a button on {@code message}. */
    public Interaction submitModal(LocalUser user, PostedMessage message, String customId, Map<String, String> inputs) {
        return send(interactions.modalSubmit(user, state.channel(message.channelId()), customId, inputs, message));
    }

    /** A user types a message to the bot in their DM channel (MESSAGE_CREATE with the DIRECT_MESSAGES intent). */
    public PostedMessage sendDirectMessage(LocalUser user, String text) {
        return post(user, state.directChannel(user.id()), text);
    }

    /** A user writes in a guild channel; bots without MESSAGE_CONTENT see the event with empty content. */
    public PostedMessage postInChannel(LocalUser user, LocalChannel channel, String text) {
        return post(user, channel, text);
    }

    private PostedMessage post(LocalUser user, LocalChannel channel, String text) {
        ObjectNode created = messages.create(channel, user, Json.object().put("content", text));
        return state.postedMessage(created.get("id").asLong()).orElseThrow();
    }

    private Interaction send(InteractionFactory.Built built) {
        state.addInteraction(built.record());
        gateway.dispatch("INTERACTION_CREATE", built.payload(), 0, built.record().guildId);
        return new Interaction(this, state, built.record());
    }

    // ---- reading what the bot did

    /** A user by id, if the server knows them. */
    public Optional<LocalUser> user(long id) {
        return state.findUser(id);
    }

    /** One message by id, deleted ones included; empty if there never was one. */
    public Optional<PostedMessage> message(long id) {
        return state.postedMessage(id);
    }

    /**
     * A number that grows with every change on the server (a message, an edit, an answer to an
     * interaction): a page that shows the server can tell cheaply whether to look again.
     */
    public long version() {
        return state.version();
    }

    /**
     * The files sent with a message, in its order: {@code message} is a message object (such as
     * {@link PostedMessage#json()}) or an interaction response's {@code data}, whose {@code attachments}
     * name them.
     */
    public List<AttachedFile> attachments(JsonNode message) {
        List<AttachedFile> files = new java.util.ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            parseId(attachment.path("id").asText())
                    .flatMap(state.attachments::find)
                    .ifPresent(upload -> files.add(new AttachedFile(
                            attachment.path("filename").asText(upload.filename()),
                            upload.contentType(),
                            upload.content())));
        }
        return files;
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseUnsignedLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The DM channel between the bot and the user (made if needed). */
    public LocalChannel directChannel(LocalUser user) {
        return state.directChannel(user.id());
    }

    /** Every message in the channel, oldest first, deleted ones included (see {@link PostedMessage#deleted()}). */
    public List<PostedMessage> messagesIn(LocalChannel channel) {
        return state.messagesIn(channel.id());
    }

    /** What the bot sent to the user in their DM channel, oldest first. */
    public List<PostedMessage> directMessagesTo(LocalUser user) {
        return state.messagesIn(state.directChannel(user.id()).id()).stream()
                .filter(message -> message.authorId() == state.bot.id())
                .toList();
    }

    /** The commands the bot registered globally. */
    public JsonNode globalCommands() {
        return state.commands(0);
    }

    public JsonNode guildCommands(LocalGuild guild) {
        return state.commands(guild.id());
    }

    /**
     * Whether any client presented {@code token} to this server, in a REST call's Authorization
     * header or at the gateway: how a test shows that a real bot token never reached it.
     */
    public boolean wasPresented(String token) {
        return state.wasPresented(token);
    }

    public List<RestCall> restCalls() {
        return rest.calls();
    }

    /** Counts of what the server saw so far: for benchmarks. */
    public Statistics statistics() {
        List<RestCall> calls = rest.calls();
        long limited = calls.stream().filter(call -> call.status() == 429).count();
        long invalid = calls.stream()
                .filter(call -> call.status() >= 400 && call.status() < 500 && call.status() != 429)
                .count();
        long failed = calls.stream().filter(call -> call.status() >= 500).count();
        return new Statistics(connections.opened.get(), calls.size(), limited, invalid, failed);
    }

    /**
     * What the server saw so far.
     *
     * @param connectionsOpened HTTP and websocket connections accepted
     * @param requests          REST requests answered
     * @param rateLimited       of which answered 429
     * @param invalid           of which answered another 4xx (Discord's "invalid requests", with the 429s)
     * @param serverErrors      of which answered 5xx (injected faults)
     */
    public record Statistics(
            long connectionsOpened, long requests, long rateLimited, long invalid, long serverErrors) {}

    /** Counts connections as Jetty opens them. */
    private static final class ConnectionCount implements org.eclipse.jetty.io.Connection.Listener {
        final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void onOpened(org.eclipse.jetty.io.Connection connection) {
            opened.incrementAndGet();
        }
    }

    public List<GatewayLogin> gatewayLogins() {
        return gateway.logins();
    }

    // ---- waiting

    /** Waits until the condition holds; re-checks on every change on the server, no sleeping. */
    public void await(String what, BooleanSupplier condition) {
        await(what, DEFAULT_TIMEOUT, condition);
    }

    public void await(String what, Duration timeout, BooleanSupplier condition) {
        try {
            if (!state.await(timeout, condition)) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        }
    }

    /** Waits until the probe yields a value and returns it. */
    public <T> T awaitValue(String what, Supplier<Optional<T>> probe) {
        @SuppressWarnings("unchecked")
        T[] found = (T[]) new Object[1];
        await(what, () -> {
            Optional<T> value = probe.get();
            value.ifPresent(v -> found[0] = v);
            return value.isPresent();
        });
        return found[0];
    }

    // ---- faults

    /** The user has closed DMs from server members: the bot's messages to them fail with 403, code 50007. */
    public void closeDirectMessages(LocalUser user) {
        state.closeDirectMessages(user.id(), true);
    }

    public void openDirectMessages(LocalUser user) {
        state.closeDirectMessages(user.id(), false);
    }

    public boolean directMessagesClosed(LocalUser user) {
        return state.directMessagesClosed(user.id());
    }

    /**
     * The next {@code times} requests to a route get 429 with {@code retry_after}. {@code route} is the
     * template JDA uses, e.g. {@code "channels/{channel_id}/messages"}; see {@link RestCall#route()}.
     */
    public void rateLimit(String method, String route, int times, Duration retryAfter) {
        faults.add(new Faults.Rule(method, route, 429, retryAfter.toMillis() / 1000.0), times);
    }

    /** The next {@code times} requests to a route fail with {@code status} (a 5xx). */
    public void failWith(String method, String route, int times, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("Use a 5xx status; 429 has rateLimit");
        }
        faults.add(new Faults.Rule(method, route, status, 0), times);
    }

    /** Ends the faults still pending (a 5xx outage that is over) and lets held answers go. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * The message posted with an enforced nonce starting with {@code noncePrefix}, after {@code skip}
     * others, is stored and announced as usual, but the answer is held back until {@link
     * Hold#release()}: Discord has the message, the bot does not know yet. A test kills the bot in that
     * moment. (JDA gives every message a nonce; the prefix picks the bot's own, e.g. the outbox's.)
     */
    public Hold holdNoncedMessage(String noncePrefix, int skip) {
        Hold hold = new Hold(skip);
        faults.hold(noncePrefix, hold);
        return hold;
    }

    /** Drops the gateway connection with a resumable close code; the client should RESUME. */
    public void dropGatewayConnection() {
        dropGatewayConnection(() -> {});
    }

    /**
     * Drops the gateway connection and runs {@code whileDisconnected} before any RESUME is handled, so
     * the events it causes are missed by the client and must arrive through replay.
     */
    public void dropGatewayConnection(Runnable whileDisconnected) {
        // 1001 (going away) is resumable and JDA logs it quietly, unlike 4000 which it reports as an error.
        gateway.dropConnections(1001, whileDisconnected);
    }

    /** Forgets all gateway sessions, so a RESUME gets INVALID_SESSION and the client identifies anew. */
    public void invalidateGatewaySessions() {
        gateway.invalidateSessions();
    }

    @Override
    public void close() {
        faults.clear();
        gateway.closeAll();
        server.stop();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "local." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Options for a {@link LocalDiscord}. */
    public static final class Builder {
        private String botName = "ClassBridge";
        private int heartbeatIntervalMillis = 5_000;
        private Clock clock = Clock.systemUTC();
        private int recommendedShards = 1;
        private int maxGuildsPerSession = 2_500;
        private boolean discordRateLimits;

        private Builder() {}

        /**
         * Counts requests as Discord does and answers 429 over a limit: per-route buckets with their
         * headers, and the global 50 requests per second. Off by default (generous headers, no 429s
         * but the injected ones).
         */
        public Builder discordRateLimits(boolean enforce) {
            this.discordRateLimits = enforce;
            return this;
        }

        public Builder botName(String name) {
            this.botName = name;
            return this;
        }

        /** The heartbeat interval HELLO announces; Discord's is about 41 s. */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatIntervalMillis = Math.toIntExact(interval.toMillis());
            return this;
        }

        /** The shard count {@code GET /gateway/bot} recommends (1 unless set), as Discord does per ~1,000 servers. */
        public Builder recommendedShards(int shards) {
            if (shards < 1) {
                throw new IllegalArgumentException("At least one shard");
            }
            this.recommendedShards = shards;
            return this;
        }

        /**
         * The most servers one gateway session may carry; an IDENTIFY that would carry more is closed with
         * 4011 (sharding required). Discord's limit is 2,500; a test sets a few.
         */
        public Builder maxGuildsPerSession(int guilds) {
            if (guilds < 1) {
                throw new IllegalArgumentException("At least one server per session");
            }
            this.maxGuildsPerSession = guilds;
            return this;
        }

        /** The clock for nonce expiry and timestamps. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public LocalDiscord start() {
            return new LocalDiscord(this);
        }
    }
}
