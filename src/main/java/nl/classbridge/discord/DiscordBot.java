package nl.classbridge.discord;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import nl.classbridge.config.Discord;
import nl.classbridge.health.DiscordLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to Discord: the real JDA client, pointed at {@code discord.rest-url} and
 * {@code discord.gateway-url} (Discord itself, or the local Discord-compatible server), with the
 * commands registered. The bot needs no privileged intent: DMs to the bot arrive with content.
 *
 * <p>JDA runs under a {@link ShardManager}: {@code discord.shards} gateway connections (shards), or as
 * many as Discord recommends ({@code auto}). Discord sends each server's events to one shard,
 * {@code (server id >> 22) % shards}, and every DM to shard 0; the same {@link CommandRouter} listens on
 * all of them, so an event reaches the bot once whichever shard carries it. One shard is plenty below
 * Discord's 2,500 servers a connection (see {@code docs/scaling.md}).
 *
 * <p>With servers listed in {@code discord.guilds}, the teacher commands are registered in those
 * servers only (guild commands change at once, and other servers never see them), while
 * {@code /join} stays global so parents can use it in a DM with the bot. With no servers listed,
 * every command is global, as before the list existed.
 */
public final class DiscordBot implements DiscordLink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    private static final URI DISCORD_GATEWAY = URI.create("wss://gateway.discord.gg");
    /** {@link DefaultShardManagerBuilder#setShardsTotal}'s way of saying "ask Discord". */
    private static final int RECOMMENDED = -1;
    /** Discord sends DMs, and interactions in them, to this shard only. */
    private static final int DIRECT_MESSAGE_SHARD = 0;

    private final ShardManager shards;

    private DiscordBot(ShardManager shards) {
        this.shards = shards;
    }

    /**
     * Logs in every shard, waits until all are ready, and registers the commands (replacing what was
     * registered). A shard Discord refuses stops start-up with a message naming {@code discord.shards}.
     */
    public static DiscordBot connect(Discord settings, CommandRouter router, CommandDefinitions definitions)
            throws InterruptedException {
        DiscordFailures.installAsDefault();
        ShardsReady ready = new ShardsReady();
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(
                        settings.token().orElseThrow().reveal(), List.of(GatewayIntent.DIRECT_MESSAGES))
                .setRestConfig(new RestConfig().setBaseUrl(settings.restUrl().toString()))
                .setShardsTotal(settings.shards().orElse(RECOMMENDED))
                // JDA's own shutdown hook would cut Discord off at SIGTERM while the outbox is still
                // finishing the DM in flight; ClassBridge closes JDA itself, after the outbox.
                .setEnableShutdownHook(false)
                .addEventListeners(ready, router);
        RestPool.applyTo(builder);
        if (!settings.gatewayUrl().equals(DISCORD_GATEWAY)) {
            builder.setSessionController(
                            new ConfiguredGateway(settings.gatewayUrl().toString(), 0))
                    .setCompression(Compression.NONE);
        }
        // Logs in the first shard here (a refused token throws at once); the others follow in the background.
        DiscordBot bot = new DiscordBot(builder.build());
        try {
            ready.await(bot.shards);
            bot.shards.removeEventListener(ready);
            register(bot.shards, settings.guilds(), router.commands(), definitions);
        } catch (RuntimeException | InterruptedException e) {
            bot.close();
            throw e;
        }
        LOG.info(
                "Connected to Discord with {} shard(s), in {} server(s)",
                bot.shards.getShardsTotal(),
                bot.shards.getGuildCache().size());
        return bot;
    }

    /**
     * Global commands, and each server's own: the teacher commands in every listed server, none in
     * the others (so a server dropped from the list loses them at the next start). Each server's
     * commands go through the shard that carries it.
     */
    private static void register(
            ShardManager shards, List<Long> guilds, List<SlashCommand> commands, CommandDefinitions definitions) {
        boolean everywhere = guilds.isEmpty();
        List<SlashCommandData> forEveryone = commands.stream()
                .filter(c -> everywhere || !c.teacherOnly())
                .map(c -> c.definition(definitions))
                .toList();
        List<SlashCommandData> forTeachers = commands.stream()
                .filter(SlashCommand::teacherOnly)
                .map(c -> c.definition(definitions))
                .toList();
        // Global commands belong to the application, not to a shard: registered once.
        directMessages(shards).updateCommands().addCommands(forEveryone).complete();
        for (Guild guild : shards.getGuilds()) {
            boolean listed = guilds.contains(guild.getIdLong());
            guild.updateCommands().addCommands(listed ? forTeachers : List.of()).complete();
        }
        guilds.stream()
                .filter(id -> shards.getGuildById(id) == null)
                .forEach(id -> LOG.warn(
                        "discord.guilds lists server {}, but the bot is not in it: add the bot to that server", id));
    }

    /** Every shard; a server's channels are found through it in the shard that carries the server. */
    public ShardManager shards() {
        return shards;
    }

    /**
     * The shard that carries DMs: Discord sends them to shard 0 only, and sending them through it too
     * keeps all DM requests in one shard's rate-limit buckets. The same JDA for the bot's lifetime:
     * a shard that reconnects keeps its JDA.
     */
    public JDA directMessages() {
        return directMessages(shards);
    }

    private static JDA directMessages(ShardManager shards) {
        return shards.getShardById(DIRECT_MESSAGE_SHARD);
    }

    /** Every shard is logged in and ready; a shard that lost the gateway and reconnects is not. */
    @Override
    public boolean connected() {
        List<JDA> all = shards.getShards();
        return !all.isEmpty() && all.stream().allMatch(shard -> shard.getStatus() == JDA.Status.CONNECTED);
    }

    /** The gateway's heartbeat round trip, averaged over the shards that measured one. */
    @Override
    public Optional<Duration> latency() {
        double average = shards.getAverageGatewayPing();
        return average >= 0 ? Optional.of(Duration.ofMillis(Math.round(average))) : Optional.empty();
    }

    /** Disconnects every shard, waiting up to 10 seconds in all for requests in flight. */
    @Override
    public void close() {
        List<JDA> started = shards.getShards();
        shards.shutdown();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            for (JDA shard : started) {
                // At least a millisecond: JDA reads a timeout of 0 as "wait for ever".
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (!shard.awaitShutdown(Duration.ofMillis(left))) {
                    shard.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.forEach(JDA::shutdownNow);
        }
    }
}
