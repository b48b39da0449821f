package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Everything the local server knows, in memory. One lock (this object) guards it all: the server is
 * small and correctness beats throughput. Every change wakes up {@link #await} callers.
 */
final class DiscordState {
    /** Discord dedupes an enforced nonce for "a few minutes". */
    static final Duration NONCE_WINDOW = Duration.ofMinutes(5);

    final Snowflakes ids = new Snowflakes();
    /** Files sent with messages, for reading back. */
    final Attachments attachments = new Attachments();

    final Clock clock;
    final LocalUser bot;
    final String token;

    private final Map<Long, LocalUser> users = new LinkedHashMap<>();
    private final Map<Long, GuildModel> guilds = new LinkedHashMap<>();
    private final Map<Long, LocalChannel> channels = new LinkedHashMap<>();
    private final Map<Long, Long> dmChannelByUser = new HashMap<>();
    private final Map<Long, StoredMessage> messages = new LinkedHashMap<>();
    private final Map<String, NonceUse> nonces = new HashMap<>();
    private final Set<Long> closedDms = new HashSet<>();
    private final Map<Long, ArrayNode> commandsByGuild = new HashMap<>();
    private final Map<Long, InteractionRecord> interactions = new LinkedHashMap<>();
    private final Map<String, Long> interactionByToken = new HashMap<>();
    /** Digests of every credential a client presented, right or wrong: never the credentials themselves. */
    private final Set<String> presented = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private volatile boolean tokenPresented;
    /** Counts changes; a leaf lock, taken last, so waiting never blocks the server. */
    private final Object signal = new Object();

    private long version;

    DiscordState(Clock clock, String botName, String token) {
        this.clock = clock;
        this.token = token;
        this.bot = new LocalUser(ids.next(), botName, true);
        users.put(bot.id(), bot);
    }

    long applicationId() {
        return bot.id(); // Discord gives new applications the same id as their bot user
    }

    // ---- seeding

    synchronized LocalUser addUser(String username) {
        return addUser(ids.next(), username, null);
    }

    synchronized LocalUser addUser(long id, String username, String displayName) {
        requireNew(id);
        LocalUser user = new LocalUser(id, username, false, displayName);
        users.put(user.id(), user);
        changed();
        return user;
    }

    /** The user sets their Discord app to {@code locale}: their next interactions carry it. */
    synchronized LocalUser setLocale(long userId, String locale) {
        LocalUser user = user(userId).withLocale(locale);
        users.put(userId, user);
        changed();
        return user;
    }

    synchronized GuildModel addGuild(String name, long ownerId) {
        return addGuild(ids.next(), name, ownerId);
    }

    synchronized GuildModel addGuild(long id, String name, long ownerId) {
        requireNew(id);
        GuildModel guild = new GuildModel(id, name, ownerId, clock.instant());
        // The @everyone role shares the guild's id; the bot gets a managed role as when it is invited.
        guild.roles.put(id, new LocalRole(id, id, "@everyone", Permissions.EVERYONE_DEFAULT));
        LocalRole botRole = new LocalRole(ids.next(), id, bot.username(), Permissions.BOT_DEFAULT);
        guild.roles.put(botRole.id(), botRole);
        guild.members.put(bot.id(), new MemberModel(bot.id(), List.of(botRole.id()), clock.instant()));
        guilds.put(id, guild);
        changed();
        return guild;
    }

    synchronized LocalChannel addTextChannel(long guildId, String name) {
        return addTextChannel(ids.next(), guildId, name);
    }

    synchronized LocalChannel addTextChannel(long id, long guildId, String name) {
        requireNew(id);
        LocalChannel channel = new LocalChannel(id, guildId, name, 0);
        channels.put(channel.id(), channel);
        guild(guildId).channelIds.add(channel.id());
        changed();
        return channel;
    }

    synchronized LocalRole addRole(long guildId, String name, long permissions) {
        return addRole(ids.next(), guildId, name, permissions);
    }

    synchronized LocalRole addRole(long id, long guildId, String name, long permissions) {
        requireNew(id);
        LocalRole role = new LocalRole(id, guildId, name, permissions);
        guild(guildId).roles.put(role.id(), role);
        changed();
        return role;
    }

    synchronized void addMember(long guildId, long userId, List<Long> roleIds) {
        user(userId);
        guild(guildId).members.put(userId, new MemberModel(userId, List.copyOf(roleIds), clock.instant()));
        changed();
    }

    synchronized void closeDirectMessages(long userId, boolean closed) {
        if (closed) {
            closedDms.add(userId);
        } else {
            closedDms.remove(userId);
        }
        changed();
    }

    /**
     * Ids chosen by the caller (the sandbox keeps its people across restarts) must be new and below
     * the generated ones, which start at the current time: so they never meet.
     */
    private void requireNew(long id) {
        boolean taken = users.containsKey(id)
                || guilds.containsKey(id)
                || channels.containsKey(id)
                || guilds.values().stream().anyMatch(guild -> guild.roles.containsKey(id));
        if (taken || id <= 0 || id >= ids.peek()) {
            throw new IllegalArgumentException("id " + id + " is taken, or not below the generated ids");
        }
    }

    // ---- credentials

    /** Notes that a client presented {@code credential} (a bot token, in a header or at IDENTIFY). */
    void notePresented(String credential) {
        if (credential == null || credential.isEmpty()) {
            return;
        }
        if (credential.equals(token)) {
            if (!tokenPresented) {
                presented.add(digest(credential));
                tokenPresented = true; // the bot's own token, on every request: hashed once
            }
            return;
        }
        presented.add(digest(credential));
    }

    boolean wasPresented(String credential) {
        return presented.contains(digest(credential));
    }

    private static String digest(String credential) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(credential.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    // ---- lookups

    synchronized Optional<LocalUser> findUser(long id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized LocalUser user(long id) {
        LocalUser user = users.get(id);
        if (user == null) {
            throw DiscordError.unknownUser();
        }
        return user;
    }

    synchronized GuildModel guild(long id) {
        GuildModel guild = guilds.get(id);
        if (guild == null) {
            throw DiscordError.unknownGuild();
        }
        return guild;
    }

    synchronized List<GuildModel> guilds() {
        return List.copyOf(guilds.values());
    }

    synchronized LocalChannel channel(long id) {
        LocalChannel channel = channels.get(id);
        if (channel == null) {
            throw DiscordError.unknownChannel();
        }
        return channel;
    }

    synchronized List<LocalChannel> guildChannels(long guildId) {
        return guild(guildId).channelIds.stream().map(channels::get).toList();
    }

    synchronized Optional<MemberModel> findMember(long guildId, long userId) {
        return Optional.ofNullable(guild(guildId).members.get(userId));
    }

    synchronized MemberModel member(long guildId, long userId) {
        MemberModel member = guild(guildId).members.get(userId);
        if (member == null) {
            throw DiscordError.unknownMember();
        }
        return member;
    }

    /** The DM channel between the bot and a user, made on first use as Discord does. */
    synchronized LocalChannel directChannel(long userId) {
        user(userId);
        Long existing = dmChannelByUser.get(userId);
        if (existing != null) {
            return channels.get(existing);
        }
        LocalChannel channel = new LocalChannel(ids.next(), 0, "", userId);
        channels.put(channel.id(), channel);
        dmChannelByUser.put(userId, channel.id());
        changed();
        return channel;
    }

    synchronized boolean directMessagesClosed(long userId) {
        return closedDms.contains(userId);
    }

    // ---- messages

    /** Returns the earlier message when the same enforced nonce was used in the channel within the window. */
    synchronized Optional<ObjectNode> messageForNonce(long channelId, String nonce) {
        NonceUse use = nonces.get(channelId + ":" + nonce);
        if (use == null || use.at.plus(NONCE_WINDOW).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(messages.get(use.messageId).json.deepCopy());
    }

    synchronized ObjectNode storeMessage(ObjectNode json, JsonNode allowedMentions, boolean enforcedNonce) {
        long id = json.get("id").asLong();
        messages.put(id, new StoredMessage(json, allowedMentions));
        if (enforcedNonce && json.hasNonNull("nonce")) {
            nonces.put(
                    json.get("channel_id").asText() + ":" + json.get("nonce").asText(),
                    new NonceUse(id, clock.instant()));
        }
        changed();
        return json.deepCopy();
    }

    synchronized ObjectNode message(long channelId, long messageId) {
        StoredMessage stored = messages.get(messageId);
        if (stored == null || stored.deleted || stored.json.get("channel_id").asLong() != channelId) {
            throw DiscordError.unknownMessage();
        }
        return stored.json.deepCopy();
    }

    synchronized ObjectNode editMessage(long channelId, long messageId, JsonNode edit) {
        message(channelId, messageId);
        StoredMessage stored = messages.get(messageId);
        for (String field : List.of("content", "components", "embeds", "flags", "attachments")) {
            if (edit.has(field)) {
                stored.json.set(field, edit.get(field).deepCopy());
            }
        }
        if (edit.has("allowed_mentions")) {
            stored.allowedMentions = edit.get("allowed_mentions").deepCopy();
        }
        stored.json.put("edited_timestamp", clock.instant().toString());
        changed();
        return stored.json.deepCopy();
    }

    synchronized void deleteMessage(long channelId, long messageId) {
        message(channelId, messageId);
        messages.get(messageId).deleted = true;
        changed();
    }

    synchronized List<PostedMessage> messagesIn(long channelId) {
        return messages.values().stream()
                .filter(stored -> stored.json.get("channel_id").asLong() == channelId)
                .map(StoredMessage::snapshot)
                .toList();
    }

    synchronized Optional<PostedMessage> postedMessage(long messageId) {
        return Optional.ofNullable(messages.get(messageId)).map(StoredMessage::snapshot);
    }

    // ---- commands

    synchronized ArrayNode replaceCommands(long guildId, ArrayNode commands) {
        ArrayNode stored = Json.array();
        for (JsonNode command : commands) {
            ObjectNode copy = command.deepCopy();
            copy.put("id", Json.id(ids.next()));
            copy.put("application_id", Json.id(applicationId()));
            copy.put("version", Json.id(ids.next()));
            copy.putIfAbsent("type", Json.MAPPER.getNodeFactory().numberNode(1));
            copy.putIfAbsent("description", Json.MAPPER.getNodeFactory().textNode(""));
            copy.putIfAbsent(
                    "default_member_permissions", Json.MAPPER.getNodeFactory().nullNode());
            copy.putIfAbsent("nsfw", Json.MAPPER.getNodeFactory().booleanNode(false));
            if (guildId != 0) {
                copy.put("guild_id", Json.id(guildId));
            }
            stored.add(copy);
        }
        commandsByGuild.put(guildId, stored);
        changed();
        return stored.deepCopy();
    }

    /** Commands registered globally (guildId 0) or for one guild. */
    synchronized ArrayNode commands(long guildId) {
        return commandsByGuild.getOrDefault(guildId, Json.array()).deepCopy();
    }

    // ---- interactions

    synchronized InteractionRecord addInteraction(InteractionRecord record) {
        interactions.put(record.id, record);
        interactionByToken.put(record.token, record.id);
        changed();
        return record;
    }

    synchronized InteractionRecord interaction(long id, String token) {
        InteractionRecord record = interactions.get(id);
        if (record == null || !record.token.equals(token)) {
            throw DiscordError.unknownInteraction();
        }
        return record;
    }

    synchronized InteractionRecord interactionByToken(String token) {
        Long id = interactionByToken.get(token);
        if (id == null) {
            throw DiscordError.unknownWebhook();
        }
        return interactions.get(id);
    }

    synchronized void respond(InteractionRecord record, InteractionResponse response) {
        record.callbacks++;
        if (record.response != null) {
            throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
        }
        record.response = response;
        record.respondedNanos = System.nanoTime();
        changed();
    }

    synchronized void setOriginal(InteractionRecord record, long messageId) {
        record.originalMessageId = messageId;
        changed();
    }

    synchronized void addFollowUp(InteractionRecord record, long messageId) {
        record.followUpIds.add(messageId);
        changed();
    }

    // ---- waiting

    /** How many changes there were so far; it only grows. */
    long version() {
        synchronized (signal) {
            return version;
        }
    }

    /** Wakes up everyone waiting in {@link #await}; called after every change. */
    void changed() {
        synchronized (signal) {
            version++;
            signal.notifyAll();
        }
    }

    /**
     * Waits until the condition holds, re-checking after each change; false when the timeout passed.
     * The condition runs without any lock held: it may read the gateway, whose lock comes before ours.
     */
    boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (signal) {
                seen = version;
            }
            if (condition.getAsBoolean()) {
                return true;
            }
            synchronized (signal) {
                while (version == seen) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    signal.wait(Math.max(1, left / 1_000_000));
                }
            }
        }
    }

    // ---- model

    /** A guild and what is in it; mutated only under the state's lock. */
    static final class GuildModel {
        final long id;
        final String name;
        final long ownerId;
        final Instant createdAt;
        final Map<Long, LocalRole> roles = new LinkedHashMap<>();
        final List<Long> channelIds = new ArrayList<>();
        final Map<Long, MemberModel> members = new LinkedHashMap<>();

        GuildModel(long id, String name, long ownerId, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.ownerId = ownerId;
            this.createdAt = createdAt;
        }
    }

    record MemberModel(long userId, List<Long> roleIds, Instant joinedAt) {}

    private record NonceUse(long messageId, Instant at) {}

    private static final class StoredMessage {
        final ObjectNode json;
        JsonNode allowedMentions;
        boolean deleted;

        StoredMessage(ObjectNode json, JsonNode allowedMentions) {
            this.json = json;
            this.allowedMentions = allowedMentions;
        }

        PostedMessage snapshot() {
            return new PostedMessage(
                    json.get("id").asLong(),
                    json.get("channel_id").asLong(),
                    json.path("author").path("id").asLong(),
                    json.path("content").asText(""),
                    json.has("components") ? json.get("components").deepCopy() : Json.array(),
                    json.has("embeds") ? json.get("embeds").deepCopy() : Json.array(),
                    json.path("flags").asInt(0),
                    allowedMentions == null ? null : allowedMentions.deepCopy(),
                    json.hasNonNull("nonce") ? json.get("nonce").asText() : null,
                    json.hasNonNull("edited_timestamp"),
                    deleted,
                    json.deepCopy());
        }
    }

    /** An interaction the server sent to the bot, and what the bot answered. */
    static final class InteractionRecord {
        final long id;
        final String token;
        final int type;
        final long channelId;
        final long userId;
        final long guildId;
        /** The message a component was on, for UPDATE_MESSAGE callbacks; 0 when none. */
        final long sourceMessageId;

        InteractionResponse response;
        /** Every callback the bot made, the refused second one included. */
        int callbacks;
        /** When the interaction was made and sent to the bot, and when the bot acknowledged it. */
        final long createdNanos = System.nanoTime();

        long respondedNanos;
        long originalMessageId;
        final List<Long> followUpIds = new ArrayList<>();

        InteractionRecord(
                long id, String token, int type, long channelId, long userId, long guildId, long sourceMessageId) {
            this.id = id;
            this.token = token;
            this.type = type;
            this.channelId = channelId;
            this.userId = userId;
            this.guildId = guildId;
            this.sourceMessageId = sourceMessageId;
        }
    }
}
