package nl.classbridge.discord;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.classbridge.ClassBridge;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalGuild;
import nl.classbridge.sandbox.discord.LocalRole;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.JumpingClock;

/**
 * A benchmark, not a test: what sharding costs and gives one ClassBridge process. A school board's
 * servers (100 by default, {@code -Dbench.servers=N}) on the local Discord server, each with a teacher
 * and a class; the real ClassBridge (real JDA on a ShardManager, real SQLite) started with 1, 2 and 4
 * shards, three times each. Prints start-up to ready, the heap and threads that stay once started (the
 * local server's replay backlog of the new sessions included: it runs in the same JVM), and a burst of
 * teacher commands spread over every server ({@code -Dbench.burst=N}, 1,000 by default): acknowledgement
 * latency and throughput; then a class update posted in every server by the outbox. All on loopback, bounded in count; each wait is bounded by the local server's.
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:java -Dbench.main=nl.classbridge.discord.ShardingBenchmark}
 */
public final class ShardingBenchmark {
    private static final int SERVERS = Integer.getInteger("bench.servers", 100);
    private static final int BURST = Integer.getInteger("bench.burst", 1_000);
    private static final int[] SHARDS = {1, 2, 4};
    private static final int ROUNDS = 3;
    /** Ids made at this instant plus n milliseconds land on shard n % 4 (and n % 2): a multiple of 4 from Discord's epoch. */
    private static final Instant BASE = Instant.parse("2024-09-02T08:00:00Z");

    private record Server(LocalGuild guild, LocalChannel channel, LocalUser teacher) {}

    private ShardingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("classbridge-shards-bench");
        JumpingClock clock = new JumpingClock();
        try (LocalDiscord discord = LocalDiscord.start()) {
            List<Server> servers = seed(discord);
            Map<String, String> env = SchoolOnDiscord.environment(
                    discord, servers.stream().map(Server::guild).toList(), folder);
            // Warm-up, also the set-up: a class in every server (and the database made and migrated).
            try (ClassBridge bot = start(env, 1, clock)) {
                for (Server server : servers) {
                    discord.slashCommand(
                                    server.teacher(),
                                    server.channel(),
                                    "class setup",
                                    Map.of("name", "Groep " + server.guild().name()))
                            .awaitResponse();
                }
            }
            System.out.printf(
                    "ClassBridge on shards: %d servers, a teacher and a class in each; real JDA + local"
                            + " Discord (same JVM) + SQLite; %d cores%n",
                    SERVERS, Runtime.getRuntime().availableProcessors());
            System.out.println("shards | start-up to ready (3 runs) | heap held by the bot | threads | burst of "
                    + BURST + " commands: p50 / p99 / max ack, throughput | a class update posted in every server");
            for (int shards : SHARDS) {
                List<Long> startMillis = new ArrayList<>();
                long heap = 0;
                int threads = 0;
                String burst = "";
                String updates = "";
                for (int round = 1; round <= ROUNDS; round++) {
                    long heapBefore = settledHeap();
                    int threadsBefore = threads();
                    long begin = System.nanoTime();
                    try (ClassBridge bot = start(env, shards, clock)) {
                        startMillis.add((System.nanoTime() - begin) / 1_000_000);
                        heap = settledHeap() - heapBefore;
                        threads = threads() - threadsBefore;
                        if (round == ROUNDS) {
                            burst = burst(discord, servers);
                            updates = classUpdates(bot, discord, servers);
                        }
                    }
                }
                startMillis.sort(Comparator.naturalOrder());
                System.out.printf(
                        "%6d | %s ms (median %d) | %.1f MiB | %d | %s | %s%n",
                        shards,
                        startMillis,
                        startMillis.get(ROUNDS / 2),
                        heap / (1024.0 * 1024),
                        threads,
                        burst,
                        updates);
            }
        }
    }

    /** The servers, spread evenly over 1, 2 and 4 shards by their ids; a teacher with the role in each. */
    private static List<Server> seed(LocalDiscord discord) {
        List<Server> servers = new ArrayList<>();
        for (int n = 0; n < SERVERS; n++) {
            LocalUser admin = discord.addUser("ict." + n);
            LocalGuild guild = discord.addGuild(LocalDiscord.snowflake(BASE.plusMillis(n), 0), "S" + n, admin);
            LocalRole role = guild.addRole("Leerkracht", 0L);
            LocalUser teacher = discord.addUser("juf." + n);
            guild.addMember(teacher, role);
            servers.add(new Server(guild, guild.addTextChannel("groep"), teacher));
        }
        return servers;
    }

    private static ClassBridge start(Map<String, String> env, int shards, JumpingClock clock) throws Exception {
        Map<String, String> withShards = new HashMap<>(env);
        withShards.put("CLASSBRIDGE_DISCORD_SHARDS", Integer.toString(shards));
        return ClassBridge.start(ConfigLoader.load(Path.of("config/classbridge.yml"), withShards), clock);
    }

    /** {@link #BURST} times {@code /update add} (a write and a reply), round-robin over the servers, all at once. */
    private static String burst(LocalDiscord discord, List<Server> servers) {
        long begin = System.nanoTime();
        List<Interaction> sent = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            Server server = servers.get(i % servers.size());
            sent.add(discord.slashCommand(
                    server.teacher(),
                    server.channel(),
                    "update add",
                    Map.of("text", "Highlight " + i, "kind", "learning")));
        }
        sent.forEach(Interaction::awaitResponse);
        double seconds = (System.nanoTime() - begin) / 1e9;
        List<Duration> acks = sent.stream()
                .map(i -> i.acknowledgedIn().orElseThrow())
                .sorted()
                .toList();
        return String.format(
                "%.0f / %.0f / %.0f ms, %.0f per s",
                millis(percentile(acks, 50)),
                millis(percentile(acks, 99)),
                millis(acks.get(acks.size() - 1)),
                BURST / seconds);
    }

    /**
     * {@code /update post-now} in every server, one after the other, until the outbox has posted them
     * all: the single dispatcher sending through each server's shard.
     */
    private static String classUpdates(ClassBridge bot, LocalDiscord discord, List<Server> servers) {
        long begin = System.nanoTime();
        for (Server server : servers) {
            discord.slashCommand(server.teacher(), server.channel(), "update post-now", Map.of())
                    .awaitResponse();
        }
        Eventually.await(
                "every class update posted",
                Duration.ofSeconds(120),
                () -> bot.store().deliveries().countQueued(DeliveryChannel.DISCORD_CHANNEL) == 0);
        double seconds = (System.nanoTime() - begin) / 1e9;
        return String.format("%d posts in %.1f s (%.0f per s)", servers.size(), seconds, servers.size() / seconds);
    }

    private static Duration percentile(List<Duration> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    /** Heap in use after the collector has run: what stays, not what waits to be collected. */
    private static long settledHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
