package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.ClassBridge;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.config.Settings;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalGuild;
import nl.classbridge.sandbox.discord.LocalRole;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.store.Database;
import nl.classbridge.testing.JumpingClock;

/**
 * A school on the local Discord server with the real ClassBridge (real JDA, real SQLite file)
 * logged in: a teacher with the teacher role, parents, a member who is not a teacher, and the
 * server's owner, an admin.
 */
final class SchoolOnDiscord implements AutoCloseable {
    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}");

    final LocalDiscord discord = LocalDiscord.start();
    final LocalUser teacher = discord.addUser("juf.anna");
    final LocalUser bystander = discord.addUser("stagiair");
    /** The server's owner: an admin (Manage Server), without the teacher role. */
    final LocalUser admin = discord.addUser("ict.beheer");
    final LocalGuild guild = discord.addGuild("De Regenboog", admin);
    final LocalChannel groep5 = guild.addTextChannel("groep-5");
    final LocalRole teacherRole = guild.addRole("Leerkracht", 0L);
    final JumpingClock clock = new JumpingClock();
    final Path folder;
    /** Overrides of the environment for the next start, e.g. a slower DM pace. */
    final Map<String, String> extraEnvironment = new HashMap<>();
    ClassBridge bot;

    SchoolOnDiscord(Path folder) throws Exception {
        this(folder, school -> { });
    }

    /** A school with more seeded before the bot logs in (other servers, colleagues), by {@code seed}. */
    SchoolOnDiscord(Path folder, java.util.function.Consumer<SchoolOnDiscord> seed) throws Exception {
        this.folder = folder;
        guild.addMember(teacher, teacherRole);
        guild.addMember(bystander);
        seed.accept(this);
        start();
    }

    LocalUser parent(String name) {
        LocalUser parent = discord.addUser(name);
        guild.addMember(parent);
        return parent;
    }

    Settings settings() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", discord.botToken());
        env.put("CLASSBRIDGE_DISCORD_REST_URL", discord.restUrl());
        env.put("CLASSBRIDGE_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("CLASSBRIDGE_DISCORD_TEACHER_ROLE", "Leerkracht");
        env.put("CLASSBRIDGE_DISCORD_DM_PER_SECOND", "50");
        env.put("CLASSBRIDGE_DISCORD_GUILDS", Long.toUnsignedString(guild.id()));
        env.put("CLASSBRIDGE_DATABASE_PATH", folder.resolve("classbridge.db").toString());
        // Families are never disturbed at night; the test runs at any hour, so quiet hours are off.
        env.put("CLASSBRIDGE_QUIET_HOURS_START", "00:00");
        env.put("CLASSBRIDGE_QUIET_HOURS_END", "00:00");
        env.putAll(extraEnvironment);
        return ConfigLoader.load(Path.of("config/classbridge.yml"), env);
    }

    void start() throws Exception {
        bot = ClassBridge.start(settings(), clock);
    }

    void restart() throws Exception {
        bot.close();
        start();
    }

    /** Runs a slash command and returns the bot's reply text. */
    String command(LocalUser user, LocalChannel channel, String command, Map<String, ?> options) {
        Interaction interaction = discord.slashCommand(user, channel, command, options);
        return interaction.awaitResponse().content();
    }

    String teacher(String command, Map<String, ?> options) {
        return command(teacher, groep5, command, options);
    }

    String inviteCode(String student) {
        String reply = teacher("invite", Map.of("student", student));
        Matcher matcher = CODE.matcher(reply);
        assertThat(matcher.find()).as("an invite code in: " + reply).isTrue();
        return matcher.group();
    }

    /** A second look at the bot's database, as the teacher's answers would be read. */
    <T> T inStore(java.util.function.Function<Database, T> query) {
        try (Database database = Database.open(folder.resolve("classbridge.db"))) {
            return query.apply(database);
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
