package nl.classbridge.discord;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import nl.classbridge.config.Discord;

/**
 * The connection to Discord: the real JDA client, pointed at {@code discord.rest-url} and
 * {@code discord.gateway-url} (Discord itself, or the local Discord-compatible server), with the
 * commands registered. The bot needs no privileged intent: DMs to the bot arrive with content.
 */
public final class DiscordBot implements AutoCloseable {
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
                .addEventListeners(router);
        if (!settings.gatewayUrl().equals(DISCORD_GATEWAY)) {
            builder.setSessionController(new ConfiguredGateway(settings.gatewayUrl().toString(), 0))
                    .setCompression(Compression.NONE);
        }
        JDA jda = builder.build();
        jda.awaitReady();
        jda.updateCommands()
                .addCommands(router.commands().stream().map(command -> command.definition(definitions)).toList())
                .complete();
        return new DiscordBot(jda);
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
