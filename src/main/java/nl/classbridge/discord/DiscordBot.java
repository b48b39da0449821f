package nl.classbridge.discord;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import nl.classbridge.config.Discord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to Discord: the real JDA client, pointed at {@code discord.rest-url} and
 * {@code discord.gateway-url} (Discord itself, or the local Discord-compatible server), with the
 * commands registered. The bot needs no privileged intent: DMs to the bot arrive with content.
 *
 * <p>With servers listed in {@code discord.guilds}, the teacher commands are registered in those
 * servers only (guild commands change at once, and other servers never see them), while
 * {@code /join} stays global so parents can use it in a DM with the bot. With no servers listed,
 * every command is global, as before the list existed.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    private static final URI DISCORD_GATEWAY = URI.create("wss://gateway.discord.gg");

    private final JDA jda;

    private DiscordBot(JDA jda) {
        this.jda = jda;
    }

    /** Logs in, waits until ready, and registers the commands (replacing what was registered). */
    public static DiscordBot connect(Discord settings, CommandRouter router, CommandDefinitions definitions)
            throws InterruptedException {
        DiscordFailures.installAsDefault();
        JDABuilder builder = JDABuilder.createLight(settings.token().orElseThrow().reveal(),
                        List.of(GatewayIntent.DIRECT_MESSAGES))
                .setRestConfig(new RestConfig().setBaseUrl(settings.restUrl().toString()))
                // JDA's own shutdown hook would cut Discord off at SIGTERM while the outbox is still
                // finishing the DM in flight; ClassBridge closes JDA itself, after the outbox.
                .setEnableShutdownHook(false)
                .addEventListeners(router);
        RestPool.applyTo(builder);
        if (!settings.gatewayUrl().equals(DISCORD_GATEWAY)) {
            builder.setSessionController(new ConfiguredGateway(settings.gatewayUrl().toString(), 0))
                    .setCompression(Compression.NONE);
        }
        JDA jda = builder.build();
        jda.awaitReady();
        register(jda, settings.guilds(), router.commands(), definitions);
        return new DiscordBot(jda);
    }

    /**
     * Global commands, and each server's own: the teacher commands in every listed server, none in
     * the others (so a server dropped from the list loses them at the next start).
     */
    private static void register(JDA jda, List<Long> guilds, List<SlashCommand> commands,
            CommandDefinitions definitions) {
        boolean everywhere = guilds.isEmpty();
        List<SlashCommandData> forEveryone = commands.stream().filter(c -> everywhere || !c.teacherOnly())
                .map(c -> c.definition(definitions)).toList();
        List<SlashCommandData> forTeachers = commands.stream().filter(SlashCommand::teacherOnly)
                .map(c -> c.definition(definitions)).toList();
        jda.updateCommands().addCommands(forEveryone).complete();
        for (Guild guild : jda.getGuilds()) {
            boolean listed = guilds.contains(guild.getIdLong());
            guild.updateCommands().addCommands(listed ? forTeachers : List.of()).complete();
        }
        guilds.stream().filter(id -> jda.getGuildById(id) == null).forEach(id -> LOG.warn(
                "discord.guilds lists server {}, but the bot is not in it: add the bot to that server", id));
    }

    public JDA jda() {
        return jda;
    }

    @Override
    public void close() {
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}
