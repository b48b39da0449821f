package nl.classbridge.discord;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.classbridge.ClassBridge;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalGuild;
import nl.classbridge.sandbox.discord.LocalRole;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.store.Database;
import nl.classbridge.testing.JumpingClock;

/**
 * A school board's schools, each in its own Discord server, on a local Discord server that, like
 * Discord above 2,500 servers, refuses one connection for them all: it lets a gateway session carry
 * at most {@link #PER_SESSION} servers and recommends two shards. The real ClassBridge (real JDA on a
 * ShardManager, real SQLite file) logs in with {@code discord.shards} as the test says. Every
 * interaction sent is kept, so a test can count the bot's answers to each.
 */
final class ShardedSchools implements AutoCloseable {
    static final int SCHOOLS = 4;
    static final int PER_SESSION = SCHOOLS - 1;
    /** Ids made at this instant plus n milliseconds land on shard n % 2: it is an even count from Discord's epoch. */
    private static final Instant BASE = Instant.parse("2024-09-02T08:00:00Z");

    /** One school: its server, its class channel, its teacher (with the teacher role) and one parent. */
    record School(int number, LocalGuild guild, LocalChannel channel, LocalUser teacher, LocalUser parent) {
        String className() {
            return "Groep " + number;
        }

        String child() {
            return "Kind" + (char) ('A' + number);
        }
    }

    final LocalDiscord discord = LocalDiscord.builder()
            .recommendedShards(2)
            .maxGuildsPerSession(PER_SESSION)
            .start();
    final List<School> schools = new ArrayList<>();
    final List<Interaction> interactions = new CopyOnWriteArrayList<>();
    private final JumpingClock clock = new JumpingClock();
    private final Path folder;
    ClassBridge bot;

    ShardedSchools(Path folder) {
        this.folder = folder;
        for (int n = 0; n < SCHOOLS; n++) {
            LocalUser admin = discord.addUser("ict." + n);
            LocalGuild guild = discord.addGuild(LocalDiscord.snowflake(BASE.plusMillis(n), 0), "School " + n, admin);
            LocalRole teacherRole = guild.addRole("Leerkracht", 0L);
            LocalUser teacher = discord.addUser("juf." + n);
            guild.addMember(teacher, teacherRole);
            LocalUser parent = discord.addUser("ouder." + n);
            guild.addMember(parent);
            schools.add(new School(n, guild, guild.addTextChannel("groep-" + n), teacher, parent));
        }
    }

    /** Starts ClassBridge serving every school's server, with {@code discord.shards} set to {@code shards}. */
    void start(String shards) throws Exception {
        Map<String, String> env = SchoolOnDiscord.environment(
                discord, schools.stream().map(School::guild).toList(), folder);
        env.put("CLASSBRIDGE_DISCORD_SHARDS", shards);
        bot = ClassBridge.start(ConfigLoader.load(Path.of("config/classbridge.yml"), env), clock);
    }

    /** Runs a slash command and returns the bot's reply text. */
    String command(LocalUser user, LocalChannel channel, String command, Map<String, ?> options) {
        return kept(discord.slashCommand(user, channel, command, options))
                .awaitResponse()
                .content();
    }

    String teacher(School school, String command, Map<String, ?> options) {
        return command(school.teacher(), school.channel(), command, options);
    }

    Interaction press(LocalUser user, PostedMessage message, String customId) {
        return kept(discord.pressButton(user, message, customId));
    }

    private Interaction kept(Interaction interaction) {
        interactions.add(interaction);
        return interaction;
    }

    /** A second look at the bot's database. */
    long count(String query, Object... params) {
        try (Database database = Database.open(folder.resolve("classbridge.db"))) {
            return database.read(sql -> sql.count(query, params));
        }
    }

    @Override
    public void close() {
        if (bot != null) {
            bot.close();
        }
        discord.close();
    }
}
