package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A gateway session's place among the bot's connections, as IDENTIFY's {@code shard: [id, count]}
 * gives it. Discord sends a server's events to the session with {@code id == (guild_id >> 22) %
 * count}, and DMs (events outside any server) to shard 0 only.
 *
 * @param id    this session's shard, from 0
 * @param count how many shards the bot says it runs
 */
record ShardKey(int id, int count) {
    /** A bot that does not shard: one connection with every server and every DM. */
    static final ShardKey UNSHARDED = new ShardKey(0, 1);

    /** IDENTIFY's {@code shard} field; absent means unsharded, anything but {@code [id < count]} is refused. */
    static Optional<ShardKey> of(JsonNode shard) {
        if (shard == null || shard.isMissingNode() || shard.isNull()) {
            return Optional.of(UNSHARDED);
        }
        if (!shard.isArray() || shard.size() != 2 || !isInt(shard.get(0)) || !isInt(shard.get(1))) {
            return Optional.empty();
        }
        int id = shard.get(0).asInt();
        int count = shard.get(1).asInt();
        return id >= 0 && count >= 1 && id < count ? Optional.of(new ShardKey(id, count)) : Optional.empty();
    }

    private static boolean isInt(JsonNode number) {
        return number.isIntegralNumber() && number.canConvertToInt();
    }

    /** Discord's formula: the shard of {@code count} that carries the server. */
    static int of(long guildId, int count) {
        return (int) ((guildId >>> 22) % count);
    }

    /** Whether this session gets the events of the server {@code guildId}; 0 (a DM) goes to shard 0. */
    boolean carries(long guildId) {
        return guildId == 0 ? id == 0 : of(guildId, count) == id;
    }
}
