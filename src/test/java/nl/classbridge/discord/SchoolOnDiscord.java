package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.base.GreenMailOperations;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.ClassBridge;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.config.Settings;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalGuild;
import nl.classbridge.sandbox.discord.LocalRole;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.store.Database;
import nl.classbridge.testing.JumpingClock;

/**
 * A school on the local Discord server with the real ClassBridge (real JDA, real SQLite file)
 * logged in: a teacher with the teacher role, parents, a member who is not a teacher, and the
 * server's owner, an admin.
 */
final class SchoolOnDiscord implements AutoCloseable {
    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}");
    /** The nonce of a message the outbox sent: its delivery id, and the part for a message in parts. */
    private static final Pattern OUTBOX_NONCE = Pattern.compile("cb(\\d+)(?:-\\d+)?");

    final LocalDiscord discord;
    final LocalUser teacher;
    final LocalUser bystander;
    /** The server's owner: an admin (Manage Server), without the teacher role. */
    final LocalUser admin;

    final LocalGuild guild;
    final LocalChannel groep5;
    final LocalRole teacherRole;
    final JumpingClock clock = new JumpingClock();
    final Path folder;
    /** Overrides of the environment for the next start, e.g. a slower DM pace. */
    final Map<String, String> extraEnvironment = new HashMap<>();

    ClassBridge bot;
    /** The translator the next start uses; empty: the configured one (none by default). */
    java.util.Optional<nl.classbridge.translation.Translator> translator = java.util.Optional.empty();

    SchoolOnDiscord(Path folder) throws Exception {
        this(folder, school -> {});
    }

    /** A school with more seeded before the bot logs in (other servers, colleagues), by {@code seed}. */
    SchoolOnDiscord(Path folder, java.util.function.Consumer<SchoolOnDiscord> seed) throws Exception {
        this(folder, LocalDiscord.builder(), seed);
    }

    /** A school on a local server made by {@code server}, e.g. with Discord's rate limits enforced. */
    SchoolOnDiscord(Path folder, LocalDiscord.Builder server, java.util.function.Consumer<SchoolOnDiscord> seed)
            throws Exception {
        this.discord = server.start();
        this.teacher = discord.addUser("juf.anna");
        this.bystander = discord.addUser("stagiair");
        this.admin = discord.addUser("ict.beheer");
        this.guild = discord.addGuild("De Regenboog", admin);
        this.groep5 = guild.addTextChannel("groep-5");
        this.teacherRole = guild.addRole("Leerkracht", 0L);
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
        Map<String, String> env = environment(discord, List.of(guild), folder);
        env.putAll(extraEnvironment);
        return ConfigLoader.load(Path.of("config/classbridge.yml"), env);
    }

    /**
     * The environment that runs ClassBridge against {@code discord}, serving {@code guilds}, with the
     * teacher role "Leerkracht" and its database in {@code folder}.
     */
    static Map<String, String> environment(LocalDiscord discord, List<LocalGuild> guilds, Path folder) {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", discord.botToken());
        env.put("CLASSBRIDGE_DISCORD_REST_URL", discord.restUrl());
        env.put("CLASSBRIDGE_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("CLASSBRIDGE_DISCORD_TEACHER_ROLE", "Leerkracht");
        env.put("CLASSBRIDGE_DISCORD_DM_PER_SECOND", "50");
        env.put(
                "CLASSBRIDGE_DISCORD_GUILDS",
                String.join(
                        ",",
                        guilds.stream()
                                .map(served -> Long.toUnsignedString(served.id()))
                                .toList()));
        env.put("CLASSBRIDGE_DATABASE_PATH", folder.resolve("classbridge.db").toString());
        // Families are never disturbed at night; the test runs at any hour, so quiet hours are off.
        env.put("CLASSBRIDGE_QUIET_HOURS_START", "00:00");
        env.put("CLASSBRIDGE_QUIET_HOURS_END", "00:00");
        return env;
    }

    /**
     * Email through {@code mail} (GreenMail's real SMTP and IMAP on loopback) from the next start on:
     * the bot's mailbox is {@code bot}, the sender families see {@code sender <bot>}.
     */
    void useMail(GreenMailOperations mail, String bot, String sender) {
        mail.setUser(bot, bot, "geheim");
        extraEnvironment.putAll(Map.of(
                "CLASSBRIDGE_MAIL_FROM",
                sender + " <" + bot + ">",
                "CLASSBRIDGE_MAIL_REPLY_TO",
                bot,
                "CLASSBRIDGE_MAIL_SMTP_HOST",
                "127.0.0.1",
                "CLASSBRIDGE_MAIL_SMTP_PORT",
                String.valueOf(mail.getSmtp().getPort()),
                "CLASSBRIDGE_MAIL_SMTP_SECURITY",
                "none",
                "CLASSBRIDGE_MAIL_IMAP_HOST",
                "127.0.0.1",
                "CLASSBRIDGE_MAIL_IMAP_PORT",
                String.valueOf(mail.getImap().getPort()),
                "CLASSBRIDGE_MAIL_IMAP_SECURITY",
                "none",
                "CLASSBRIDGE_MAIL_IMAP_USERNAME",
                bot,
                "CLASSBRIDGE_MAIL_IMAP_PASSWORD",
                "geheim"));
        extraEnvironment.put("CLASSBRIDGE_MAIL_IMAP_POLL_SECONDS", "5");
    }

    void start() throws Exception {
        bot = translator.isPresent()
                ? ClassBridge.start(settings(), clock, translator.get())
                : ClassBridge.start(settings(), clock);
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

    /** A parent joins with a fresh invite code for {@code student}, in a DM with the bot. */
    LocalUser joined(String username, String student) {
        LocalUser parent = parent(username);
        String reply = command(parent, discord.directChannel(parent), "join", Map.of("code", inviteCode(student)));
        assertThat(reply).as(reply).contains(student);
        return parent;
    }

    /** The check-in greeting about {@code child}: the DM with a Start button. */
    PostedMessage awaitGreeting(LocalUser parent, String child) {
        return discord.awaitValue(
                "the check-in greeting about " + child,
                () -> discord.directMessagesTo(parent).stream()
                        .filter(m -> m.content().contains(child)
                                && m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                        .findFirst());
    }

    /** The first component on {@code message} whose id starts with {@code prefix}. */
    static String idStartingWith(PostedMessage message, String prefix) {
        return message.customIds().stream()
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + message.customIds()));
    }

    /** Presses the component starting with {@code prefix} and returns the message once updated in place. */
    PostedMessage press(LocalUser parent, PostedMessage message, String prefix) {
        return updated(parent, message, discord.pressButton(parent, message, idStartingWith(message, prefix)));
    }

    /** Chooses {@code value} in the select menu starting with {@code prefix}; the message once updated. */
    PostedMessage choose(LocalUser parent, PostedMessage message, String prefix, String value) {
        return updated(
                parent,
                message,
                discord.chooseOptions(parent, message, idStartingWith(message, prefix), List.of(value)));
    }

    /** Opens the answer form on {@code message}, writes {@code text} and sends it; the message once updated. */
    PostedMessage answerInForm(LocalUser parent, PostedMessage message, String text) {
        InteractionResponse modal = discord.pressButton(parent, message, idStartingWith(message, "ci:open:"))
                .awaitResponse();
        assertThat(modal.type()).isEqualTo(InteractionResponse.MODAL);
        return updated(
                parent,
                message,
                discord.submitModal(
                        parent, message, modal.data().get("custom_id").asText(), Map.of("answer", text)));
    }

    PostedMessage updated(LocalUser parent, PostedMessage message, Interaction interaction) {
        InteractionResponse response = interaction.awaitResponse();
        assertThat(response.type()).as(response.content()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        discord.await(
                "the message to show the bot's update",
                () -> latest(parent, message).content().equals(response.content()));
        return latest(parent, message);
    }

    /** The message as it is now. */
    PostedMessage latest(LocalUser parent, PostedMessage message) {
        return discord.directMessagesTo(parent).stream()
                .filter(m -> m.id() == message.id())
                .findFirst()
                .orElseThrow();
    }

    /**
     * The bot's messages in the DMs of {@code people} that broke the one path out: every new DM must be
     * either the response to that person's own interaction (Discord marks it with the interaction) or a
     * row of the outbox (it carries the nonce the outbox derives from the row's id, {@code cb<id>}, and
     * that row is a DM). Edits are not new messages. Empty when the rule held.
     */
    List<String> directMessagesOutsideTheOutbox(LocalUser... people) {
        java.util.Set<Long> outboxDms = new java.util.HashSet<>(inStore(db -> db.read(
                sql -> sql.list("SELECT id FROM delivery WHERE channel = 'discord-dm'", row -> row.longValue("id")))));
        List<String> outside = new java.util.ArrayList<>();
        for (LocalUser person : people) {
            for (PostedMessage message : discord.directMessagesTo(person)) {
                if (message.authorId() != discord.bot().id() || message.json().has("interaction_metadata")) {
                    continue;
                }
                Matcher nonce = OUTBOX_NONCE.matcher(message.nonceValue().orElse(""));
                if (!nonce.matches() || !outboxDms.contains(Long.parseLong(nonce.group(1)))) {
                    outside.add("to " + person.username() + ", nonce "
                            + message.nonceValue().orElse("none") + ": " + message.content());
                }
            }
        }
        return outside;
    }

    /** A second look at the bot's database, as the teacher's answers would be read. */
    <T> T inStore(java.util.function.Function<Database, T> query) {
        try (Database database = Database.open(folder.resolve("classbridge.db"))) {
            return query.apply(database);
        }
    }

    /** The language stored in the plan of the guardian who is {@code parent} on Discord. */
    java.util.Optional<nl.classbridge.domain.Language> storedLanguage(LocalUser parent) {
        return inStore(db -> new nl.classbridge.store.GuardianRepository(db)
                .findByDiscordUser(parent.id())
                .orElseThrow()
                .plan()
                .language());
    }

    @Override
    public void close() {
        if (bot != null) {
            bot.close();
        }
        discord.close();
    }
}
