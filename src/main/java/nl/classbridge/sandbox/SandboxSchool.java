package nl.classbridge.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalGuild;
import nl.classbridge.sandbox.discord.LocalRole;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.store.Repositories;

/**
 * The invented school a visitor finds in the sandbox: a teacher, six children and eight families,
 * five on Discord (one with private messages closed, one with two children in the class) and three
 * by email only, speaking Dutch, English, Arabic, Polish and Turkish.
 *
 * <p>Its Discord side is put on the local server at every start, with the same ids, because the
 * local server keeps nothing. The bot's side is made once, on a fresh database, the way a teacher
 * and parents would make it: with slash commands ({@code /class setup}, {@code /student add},
 * {@code /invite} and {@code /join}, {@code /guardian add-email}, {@code /update add} and
 * {@code /update schedule}).
 */
public final class SandboxSchool {
    /** Ids made on this day, so they are the same at every start and never meet the server's own. */
    private static final Instant IDS_MADE = Instant.parse("2026-01-05T08:00:00Z");

    private static final Pattern INVITE_CODE = Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}");

    public static final String SCHOOL = "Basisschool De Zandbak";
    public static final String CLASS = "Groep 5";
    public static final String TEACHER_ROLE = "Leerkracht";
    /** The bot's mailbox; {@code .example} names can never reach a real mail server. */
    public static final String BOT_ADDRESS = "groep5@zandbak.example";

    /**
     * A family as the sandbox seeds it.
     *
     * @param username    their Discord user name, or null for a family reached by email only
     * @param displayName the name shown for them
     * @param email       their address, or null
     * @param language    the language they read
     * @param children    their children in the class
     * @param dmsClosed   whether their Discord blocks private messages from the bot
     */
    public record Family(
            String username,
            String displayName,
            String email,
            Language language,
            List<String> children,
            boolean dmsClosed) {

        public boolean onDiscord() {
            return username != null;
        }
    }

    public static final List<String> CHILDREN = List.of("Sem", "Milan", "Noor", "Yusuf", "Zofia", "Elif");

    public static final List<Family> FAMILIES = List.of(
            new Family("papa.sem", "Papa van Sem en Milan", null, Language.NL, List.of("Sem", "Milan"), false),
            new Family("mama.noor", "Mama van Noor", "mama.noor@thuis.example", Language.NL, List.of("Noor"), false),
            new Family("umm.yusuf", "أم يوسف", null, Language.AR, List.of("Yusuf"), false),
            new Family("mama.zofia", "Mama Zofii", "mama.zofia@thuis.example", Language.PL, List.of("Zofia"), true),
            new Family("dad.elif", "Elif's dad", null, Language.EN, List.of("Elif"), false),
            new Family(null, "Elif'in annesi", "anne.elif@thuis.example", Language.TR, List.of("Elif"), false),
            new Family(null, "Oma van Milan", "oma.milan@thuis.example", Language.NL, List.of("Milan"), false),
            new Family(null, "Yusuf's dad", "dad.yusuf@thuis.example", Language.EN, List.of("Yusuf"), false));

    private static final List<Map<String, String>> HIGHLIGHTS = List.of(
            Map.of(
                    "kind",
                    "learning",
                    "text",
                    "We hebben breuken ontdekt met pizzapunten: een half is echt meer dan een kwart!"),
            Map.of(
                    "kind",
                    "social-emotional",
                    "text",
                    "Iedereen hielp mee met opruimen na het knutselen, zonder dat iemand het vroeg."),
            Map.of("kind", "celebration", "text", "Onze klassenplant Henk heeft een nieuw blad."));

    private final LocalDiscord discord;
    private final LocalUser teacher;
    private final LocalChannel channel;
    private final LocalGuild guild;
    private final LocalUser ict;
    private final List<LocalUser> families = new ArrayList<>();
    /** The interactions that set the school up: their replies are not news to the visitor. */
    private final java.util.Set<Long> setUpInteractions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SandboxSchool(LocalDiscord discord) {
        this.discord = discord;
        int id = 0;
        ict = discord.addUser(LocalDiscord.snowflake(IDS_MADE, ++id), "ict.zandbak", "ICT De Zandbak");
        guild = discord.addGuild(LocalDiscord.snowflake(IDS_MADE, ++id), SCHOOL, ict);
        channel = guild.addTextChannel(LocalDiscord.snowflake(IDS_MADE, ++id), "groep-5");
        LocalRole teachers = guild.addRole(LocalDiscord.snowflake(IDS_MADE, ++id), TEACHER_ROLE, 0L);
        teacher = discord.addUser(LocalDiscord.snowflake(IDS_MADE, ++id), "juf.vera", "Juf Vera");
        guild.addMember(teacher, teachers);
        for (Family family : FAMILIES) {
            ++id; // every family keeps its place in the numbering, also those without Discord
            if (family.onDiscord()) {
                LocalUser user =
                        discord.addUser(LocalDiscord.snowflake(IDS_MADE, id), family.username(), family.displayName());
                user = discord.setLocale(user, appLocale(family.language()));
                guild.addMember(user);
                if (family.dmsClosed()) {
                    discord.closeDirectMessages(user);
                }
                families.add(user);
            }
        }
    }

    /**
     * The language a family's Discord app is set to: the one they read, where Discord offers it
     * (Arabic it does not: those apps stay in Dutch, the default of the local server's users).
     */
    private static String appLocale(Language language) {
        return switch (language) {
            case EN -> "en-US";
            case AR -> LocalUser.DEFAULT_LOCALE;
            default -> language.code();
        };
    }

    /** Puts the school's guild, channel, teacher and parents on the local server, before the bot logs in. */
    public static SandboxSchool onto(LocalDiscord discord) {
        return new SandboxSchool(discord);
    }

    public LocalUser teacher() {
        return teacher;
    }

    /** The school's ICT person, who owns the server and so is its admin (Discord gives an owner every permission). */
    public LocalUser ict() {
        return ict;
    }

    public LocalChannel channel() {
        return channel;
    }

    public LocalGuild guild() {
        return guild;
    }

    /** The Discord user of a seeded family, by user name. */
    public Optional<LocalUser> discordUser(String username) {
        return families.stream()
                .filter(user -> user.username().equals(username))
                .findFirst();
    }

    /** Whether the bot's database already has the class (a restart), so nothing is seeded again. */
    public boolean isSetUp(Repositories store) {
        return store.classes().findByChannel(channel.id()).isPresent();
    }

    /** Sets the class up through the bot, as the teacher and the parents would; once, on a fresh database. */
    public void setUpThroughTheBot(Repositories store) {
        asTeacher("class setup", Map.of("name", CLASS, "language", "nl"));
        CHILDREN.forEach(child -> asTeacher("student add", Map.of("name", child)));
        for (Family family : FAMILIES) {
            for (String child : family.children()) {
                if (family.onDiscord()) {
                    LocalUser parent = discordUser(family.username()).orElseThrow();
                    // The invite in the family's own language, as a teacher would make it: the family starts in it,
                    // Arabic too, which no Discord app offers.
                    String code = inviteCode(asTeacher(
                            "invite",
                            Map.of(
                                    "student",
                                    child,
                                    "language",
                                    family.language().code())));
                    reply(discord.slashCommand(parent, discord.directChannel(parent), "join", Map.of("code", code)));
                } else {
                    asTeacher(
                            "guardian add-email",
                            Map.of(
                                    "student",
                                    child,
                                    "email",
                                    family.email(),
                                    "language",
                                    family.language().code()));
                }
            }
        }
        HIGHLIGHTS.forEach(highlight -> asTeacher("update add", highlight));
        asTeacher("update schedule", Map.of("day", "FRIDAY", "time", "14:30"));
        agreePlans(store);
        check(store);
    }

    /**
     * What the start-of-year conversation would have settled for the Discord families: an email
     * address for two of them, written as the questionnaire's plan questions write it. (Their
     * language came with their invite.)
     */
    private void agreePlans(Repositories store) {
        for (Family family : FAMILIES) {
            if (!family.onDiscord()) {
                continue;
            }
            Guardian guardian = store.guardians()
                    .findByDiscordUser(
                            discordUser(family.username()).orElseThrow().id())
                    .orElseThrow(() -> new IllegalStateException("a sandbox parent could not join"));
            if (family.email() != null) {
                store.guardians().setEmail(guardian.id(), family.email());
            }
        }
    }

    private void check(Repositories store) {
        SchoolClass schoolClass = store.classes()
                .findByChannel(channel.id())
                .orElseThrow(() -> new IllegalStateException("the sandbox's class could not be set up"));
        int children = store.students().inClass(schoolClass.id()).size();
        int guardians = store.guardians().inClass(schoolClass.id()).size();
        if (children != CHILDREN.size() || guardians != FAMILIES.size()) {
            throw new IllegalStateException("the sandbox's class has " + children + " children and " + guardians
                    + " families, not " + CHILDREN.size() + " and " + FAMILIES.size());
        }
    }

    /** Whether {@code message} answered one of the commands that set the school up. */
    public boolean answersSetUp(PostedMessage message) {
        return setUpInteractions.contains(
                message.json().path("interaction_metadata").path("id").asLong());
    }

    private String asTeacher(String command, Map<String, ?> options) {
        return reply(discord.slashCommand(teacher, channel, command, options));
    }

    private String reply(Interaction interaction) {
        setUpInteractions.add(interaction.id());
        return interaction.awaitResponse().content();
    }

    private static String inviteCode(String reply) {
        Matcher matcher = INVITE_CODE.matcher(reply);
        if (!matcher.find()) {
            throw new IllegalStateException("the bot gave no invite code");
        }
        return matcher.group();
    }
}
