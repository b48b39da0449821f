package nl.classbridge.cli;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.mail.LocalMailServer;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalGuild;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.store.Database;
import nl.classbridge.store.SqlWork;
import nl.classbridge.testing.TestStore;

/**
 * A school for the packaged jar: the local Discord server and GreenMail run here, in the test's
 * JVM, on loopback; the bot runs in its own JVM ({@link JarProcess}) with its environment pointing
 * at them and at a SQLite file in the test's folder. The families are seeded in that file with the
 * project's own store classes before the jar starts, as the bot would have stored them.
 */
final class SchoolForTheJar implements AutoCloseable {
    static final String BOT_MAILBOX = "klas@school.example";
    static final String IMAP_PASSWORD = "imap-test-password";
    /** How long a start or an answer may take at most on a busy build machine (a bound, not a wait). */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    final LocalDiscord discord = LocalDiscord.start();
    final LocalMailServer mail = LocalMailServer.onFreePorts();
    final LocalUser teacher = discord.addUser("juf.anna");
    final LocalGuild guild = discord.addGuild("De Regenboog", discord.addUser("ict.beheer"));
    final LocalChannel groep5 = guild.addTextChannel("groep-5");
    final Path folder;
    final Path database;
    /** Families on Discord, in the order they were added (and their greetings are queued). */
    final List<LocalUser> onDiscord = new ArrayList<>();
    /** Families by email: their addresses, in order. */
    final List<String> byEmail = new ArrayList<>();

    private final List<JarProcess> started = new ArrayList<>();
    private Database look;

    SchoolForTheJar(Path folder) {
        this.folder = folder;
        this.database = folder.resolve("classbridge.db");
        guild.addMember(teacher, guild.addRole("Leerkracht", 0L));
        mail.setUser(BOT_MAILBOX, BOT_MAILBOX, IMAP_PASSWORD);
        mail.start();
    }

    /** Groep 5 with one child per family: {@code discordFamilies} on Discord, {@code emailFamilies} by email. */
    void seed(int discordFamilies, int emailFamilies) {
        Instant now = Instant.now();
        try (TestStore store = new TestStore(folder)) {
            SchoolClass groep = store.classes.add(
                    "Groep 5",
                    guild.id(),
                    groep5.id(),
                    Language.NL,
                    ZoneId.of("Europe/Amsterdam"),
                    teacher.id(),
                    teacher.username(),
                    now);
            for (int i = 0; i < discordFamilies + emailFamilies; i++) {
                long child = store.students
                        .add(groep.id(), String.format("Kind%03d", i), now)
                        .id();
                long guardian;
                if (i < discordFamilies) {
                    LocalUser parent = discord.addUser(String.format("ouder%03d", i));
                    onDiscord.add(parent);
                    guardian = store.guardians.addDiscord(parent.id(), now).id();
                } else {
                    String address = String.format("ouder%03d@example.org", i);
                    byEmail.add(address);
                    guardian = store.guardians
                            .addEmail(address, Optional.empty(), now)
                            .id();
                }
                store.guardians.link(guardian, child, now);
            }
        }
    }

    /** The environment of {@code java -jar classbridge.jar run} for this school. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", discord.botToken());
        env.put("CLASSBRIDGE_DISCORD_REST_URL", discord.restUrl());
        env.put("CLASSBRIDGE_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("CLASSBRIDGE_DISCORD_TEACHER_ROLE", "Leerkracht");
        // The fastest pace allowed: the kills are timed by holds at the servers, not by the pace.
        env.put("CLASSBRIDGE_DISCORD_DM_PER_SECOND", "50");
        env.put("CLASSBRIDGE_DATABASE_PATH", database.toString());
        // The tests run at any hour; families are never disturbed at night, so quiet hours are off here.
        env.put("CLASSBRIDGE_QUIET_HOURS_START", "00:00");
        env.put("CLASSBRIDGE_QUIET_HOURS_END", "00:00");
        env.put("CLASSBRIDGE_MAIL_FROM", "Groep 5 <" + BOT_MAILBOX + ">");
        env.put("CLASSBRIDGE_MAIL_SMTP_HOST", LocalMailServer.HOST);
        env.put("CLASSBRIDGE_MAIL_SMTP_PORT", Integer.toString(mail.smtpPort()));
        env.put("CLASSBRIDGE_MAIL_SMTP_SECURITY", "none");
        env.put("CLASSBRIDGE_MAIL_IMAP_HOST", LocalMailServer.HOST);
        env.put("CLASSBRIDGE_MAIL_IMAP_PORT", Integer.toString(mail.imapPort()));
        env.put("CLASSBRIDGE_MAIL_IMAP_SECURITY", "none");
        env.put("CLASSBRIDGE_MAIL_IMAP_USERNAME", BOT_MAILBOX);
        env.put("CLASSBRIDGE_MAIL_IMAP_PASSWORD", IMAP_PASSWORD);
        env.put("CLASSBRIDGE_MAIL_IMAP_POLL_SECONDS", "5");
        return env;
    }

    /** Starts the bot in its own JVM and waits until it is connected and sending. */
    JarProcess startBot() throws IOException {
        return startBot(List.of(), Map.of());
    }

    /** As {@link #startBot()}, the JVM with {@code jvmFlags} and {@code extraEnvironment} (e.g. MALLOC_ARENA_MAX). */
    JarProcess startBot(List<String> jvmFlags, Map<String, String> extraEnvironment) throws IOException {
        Map<String, String> env = environment();
        env.putAll(extraEnvironment);
        JarProcess jar = JarProcess.start(jvmFlags, env, "run");
        started.add(jar);
        jar.awaitOutput("ClassBridge started", PATIENCE);
        return jar;
    }

    /** The teacher runs a command in the class channel; returns the bot's reply. */
    String teacher(String command, Map<String, ?> options) throws InterruptedException {
        return discord.slashCommand(teacher, groep5, command, options)
                .response(PATIENCE)
                .orElseThrow(() -> new AssertionError("no answer to /" + command))
                .content();
    }

    /** The check-in greetings (the DM with a Start button) a family got. */
    List<PostedMessage> greetings(LocalUser parent) {
        return discord.directMessagesTo(parent).stream()
                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                .toList();
    }

    /** Greetings on Discord over all families. */
    int greetingsSent() {
        return onDiscord.stream().mapToInt(parent -> greetings(parent).size()).sum();
    }

    /** How many families got at least one greeting. */
    long familiesGreeted() {
        return onDiscord.stream().filter(parent -> !greetings(parent).isEmpty()).count();
    }

    /** The questionnaires GreenMail received (not the confirmations, which answer a parent's mail). */
    List<MimeMessage> questionnairesReceived() {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> header(m, "In-Reply-To") == null)
                .filter(m -> !recipient(m).equals(BOT_MAILBOX))
                .toList();
    }

    static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts rows in the bot's database from this process, as a second process would. The
     * connection stays open for the next look (opening runs the migrations check each time) until
     * {@link #stopLooking()}.
     */
    long count(String sql, Object... parameters) {
        if (look == null) {
            look = Database.open(database);
        }
        return look.read(s -> s.count(sql, parameters));
    }

    /** Any read of the bot's database from this process, on the connection {@link #count} keeps. */
    <T> T read(SqlWork<T> work) {
        if (look == null) {
            look = Database.open(database);
        }
        return look.read(work);
    }

    /** Closes this process's connection to the bot's database. */
    void stopLooking() {
        if (look != null) {
            look.close();
            look = null;
        }
    }

    @Override
    public void close() {
        stopLooking();
        for (JarProcess jar : started) {
            jar.close();
        }
        discord.close();
        mail.stop();
    }
}
