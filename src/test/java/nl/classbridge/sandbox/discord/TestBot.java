package nl.classbridge.sandbox.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import nl.classbridge.discord.ConfiguredGateway;

/** The real JDA client logged in to a {@link LocalDiscord}, recording every event it sees. */
final class TestBot implements AutoCloseable, EventListener {
    /** What the bot needs: guild and DM messages; GUILD_MEMBERS is privileged and left out. */
    static final EnumSet<GatewayIntent> INTENTS =
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);

    final JDA jda;
    private final List<GenericEvent> events = new ArrayList<>();

    private TestBot(
            LocalDiscord discord, EnumSet<GatewayIntent> intents, Consumer<JDABuilder> tweak, Object... listeners)
            throws InterruptedException {
        JDABuilder builder = JDABuilder.createLight(discord.botToken(), intents)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                .setSessionController(new ConfiguredGateway(discord.gatewayUrl(), 0))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(this)
                .addEventListeners(listeners);
        tweak.accept(builder);
        jda = builder.build();
        // awaitReady has no timeout of its own; the login must not hang a test run.
        jda.awaitStatus(JDA.Status.CONNECTED, JDA.Status.SHUTDOWN);
        if (jda.getStatus() != JDA.Status.CONNECTED) {
            throw new IllegalStateException("JDA shut down while logging in");
        }
    }

    static TestBot login(LocalDiscord discord, Object... listeners) throws InterruptedException {
        return new TestBot(discord, INTENTS, builder -> {}, listeners);
    }

    static TestBot login(
            LocalDiscord discord, EnumSet<GatewayIntent> intents, Consumer<JDABuilder> tweak, Object... listeners)
            throws InterruptedException {
        return new TestBot(discord, intents, tweak, listeners);
    }

    @Override
    public void onEvent(GenericEvent event) {
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
    }

    /** Every event of the type seen so far, oldest first. */
    <T extends GenericEvent> List<T> events(Class<T> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** Waits for an event of the type that matches; fails after the timeout. */
    <T extends GenericEvent> T awaitEvent(Class<T> type, Predicate<T> matching) throws InterruptedException {
        long deadline = System.nanoTime() + LocalDiscord.DEFAULT_TIMEOUT.toNanos();
        synchronized (events) {
            while (true) {
                for (GenericEvent event : events) {
                    if (type.isInstance(event) && matching.test(type.cast(event))) {
                        return type.cast(event);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No " + type.getSimpleName() + " within " + LocalDiscord.DEFAULT_TIMEOUT);
                }
                events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    @Override
    public void close() {
        // A graceful shutdown lets requests in flight finish instead of interrupting them mid-lock.
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}
