package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.classbridge.sandbox.discord.DiscordState.GuildModel;
import nl.classbridge.sandbox.discord.DiscordState.MemberModel;

/**
 * Discord's object shapes (user, role, member, channel, guild, message) as the API documents them.
 * JDA's entity builder treats several fields as required (a role's {@code colors}, a channel's
 * {@code position}, a guild's {@code threads}, {@code emojis}, ...), so these stay complete.
 */
final class Payloads {
    private final DiscordState state;

    Payloads(DiscordState state) {
        this.state = state;
    }

    ObjectNode user(LocalUser user) {
        ObjectNode json = Json.object()
                .put("id", user.idString())
                .put("username", user.username())
                .put("discriminator", "0")
                .put("public_flags", 0)
                .put("flags", 0)
                .put("bot", user.bot());
        if (user.displayName() == null) {
            json.putNull("global_name");
        } else {
            json.put("global_name", user.displayName());
        }
        json.putNull("avatar");
        json.putNull("banner");
        json.putNull("accent_color");
        return json;
    }

    ObjectNode selfUser() {
        return user(state.bot).put("verified", true).put("mfa_enabled", false);
    }

    ObjectNode application() {
        ObjectNode app = Json.object()
                .put("id", Json.id(state.applicationId()))
                .put("name", state.bot.username())
                .put("description", "")
                .put("bot_public", false)
                .put("bot_require_code_grant", false)
                .put("verify_key", "0".repeat(64))
                .put("flags", 0);
        app.putNull("icon");
        app.set("bot", user(state.bot));
        app.set("owner", user(state.bot));
        app.putNull("team");
        app.set("tags", Json.array());
        app.set("redirect_uris", Json.array());
        return app;
    }

    ObjectNode role(LocalRole role, int position) {
        ObjectNode json = Json.object()
                .put("id", Json.id(role.id()))
                .put("name", role.name())
                .put("color", 0)
                .put("hoist", false)
                .put("position", position)
                .put("permissions", Long.toString(role.permissions()))
                .put("managed", false)
                .put("mentionable", false)
                .put("flags", 0);
        json.set("colors", Json.object().put("primary_color", 0));
        json.putNull("icon");
        json.putNull("unicode_emoji");
        return json;
    }

    ObjectNode member(MemberModel member) {
        ObjectNode json = Json.object();
        json.set("user", user(state.user(member.userId())));
        ArrayNode roles = json.putArray("roles");
        member.roleIds().forEach(id -> roles.add(Json.id(id)));
        json.put("joined_at", member.joinedAt().toString());
        json.putNull("nick");
        json.putNull("avatar");
        json.putNull("premium_since");
        json.putNull("communication_disabled_until");
        json.put("deaf", false).put("mute", false).put("pending", false).put("flags", 0);
        return json;
    }

    ObjectNode channel(LocalChannel channel, int position) {
        if (channel.isDirect()) {
            return directChannel(channel);
        }
        ObjectNode json = Json.object()
                .put("id", Json.id(channel.id()))
                .put("type", 0)
                .put("guild_id", Json.id(channel.guildId()))
                .put("name", channel.name())
                .put("position", position)
                .put("nsfw", false)
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        json.putNull("topic");
        json.putNull("parent_id");
        json.putNull("last_message_id");
        json.set("permission_overwrites", Json.array());
        return json;
    }

    ObjectNode directChannel(LocalChannel channel) {
        ObjectNode json =
                Json.object().put("id", Json.id(channel.id())).put("type", 1).put("flags", 0);
        json.putNull("last_message_id");
        json.putArray("recipients").add(user(state.user(channel.recipientId())));
        return json;
    }

    /**
     * A channel as an interaction carries it: with the invoking user's permissions in it. A DM is seen
     * from the user's side, so its recipient is the bot, as Discord sends it; JDA takes a DM whose
     * recipient is someone else for a friend's DM, where a bot cannot post.
     */
    ObjectNode interactionChannel(LocalChannel channel, long userId) {
        if (channel.isDirect()) {
            ObjectNode json = directChannel(channel);
            json.putArray("recipients").add(user(state.bot));
            return json;
        }
        int position = state.guildChannels(channel.guildId()).indexOf(channel);
        return channel(channel, position).put("permissions", Long.toString(permissions(channel.guildId(), userId)));
    }

    /** GUILD_CREATE's payload; {@code members} is the list the gateway decided to send. */
    ObjectNode guildCreate(GuildModel guild, boolean allMembers) {
        ObjectNode json = Json.object()
                .put("id", Json.id(guild.id))
                .put("name", guild.name)
                .put("owner_id", Json.id(guild.ownerId))
                .put("unavailable", false)
                .put("large", false)
                .put("member_count", guild.members.size())
                .put("joined_at", guild.createdAt.toString())
                .put("preferred_locale", "nl")
                .put("verification_level", 0)
                .put("default_message_notifications", 1)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false)
                .put("system_channel_flags", 0)
                .put("afk_timeout", 300)
                .put("max_members", 500000);
        for (String nullField : new String[] {
            "icon",
            "splash",
            "banner",
            "description",
            "vanity_url_code",
            "afk_channel_id",
            "system_channel_id",
            "rules_channel_id",
            "public_updates_channel_id",
            "safety_alerts_channel_id"
        }) {
            json.putNull(nullField);
        }
        ArrayNode roles = json.putArray("roles");
        int position = 0;
        for (LocalRole role : guild.roles.values()) {
            roles.add(role(role, position++));
        }
        ArrayNode channels = json.putArray("channels");
        int channelPosition = 0;
        for (LocalChannel channel : state.guildChannels(guild.id)) {
            channels.add(channel(channel, channelPosition++));
        }
        ArrayNode members = json.putArray("members");
        for (MemberModel member : guild.members.values()) {
            // Without the GUILD_MEMBERS intent Discord sends only the bot itself (and voice members).
            if (allMembers || member.userId() == state.bot.id()) {
                members.add(member(member));
            }
        }
        for (String emptyArray : new String[] {
            "threads",
            "guild_scheduled_events",
            "emojis",
            "stickers",
            "voice_states",
            "presences",
            "features",
            "stage_instances",
            "soundboard_sounds"
        }) {
            json.putArray(emptyArray);
        }
        return json;
    }

    /** A member's permissions in the guild: its roles and {@code @everyone} combined; owners and admins get all. */
    long permissions(long guildId, long userId) {
        GuildModel guild = state.guild(guildId);
        if (guild.ownerId == userId) {
            return ~0L >>> 13; // every permission bit Discord defines today
        }
        long bits = guild.roles.get(guildId).permissions();
        for (long roleId : state.member(guildId, userId).roleIds()) {
            LocalRole role = guild.roles.get(roleId);
            if (role != null) {
                bits |= role.permissions();
            }
        }
        return (bits & Permissions.ADMINISTRATOR) != 0 ? ~0L >>> 13 : bits;
    }

    /** A new message object; the caller fills content, components and so on. */
    ObjectNode message(long id, LocalChannel channel, LocalUser author) {
        ObjectNode json = Json.object()
                .put("id", Json.id(id))
                .put("type", 0)
                .put("channel_id", Json.id(channel.id()))
                .put("content", "")
                .put("timestamp", Snowflakes.iso(id))
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", 0);
        json.set("author", user(author));
        json.putNull("edited_timestamp");
        for (String emptyArray : new String[] {"mentions", "mention_roles", "attachments", "embeds", "components"}) {
            json.putArray(emptyArray);
        }
        return json;
    }
}
