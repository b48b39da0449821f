package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.testing.DiscordView;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's hostile input, end to end: the real bot with the real JDA client against the local
 * Discord server, GreenMail for the email copies, a real SQLite file. Each case gets a clear reply
 * or a quiet refusal; nothing is stored that should not be, and nothing crashes (no error in the
 * log, no Discord request refused).
 */
@Timeout(120)
class HostileTextTest {
    private static final String BOT = "klas@school.example";
    private static final String GENERIC_ERROR = "er ging iets mis";
    /** Discord's longest value for a string option without a max_length of its own. */
    private static final int LONGEST_OPTION = 6000;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    SchoolOnDiscord school;
    LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.useMail(MAIL, BOT, "Groep 5");
        school.restart();
        logs = new LogCapture(Level.INFO);
    }

    @AfterEach
    void stop() {
        school.close();
        logs.close();
    }

    /** Nothing crashed: no error logged, and Discord refused none of the bot's requests. */
    private void assertNothingCrashed() {
        assertThat(logs.linesAtLeast(Level.ERROR, "")).as("errors in the log").isEmpty();
        assertThat(logs.linesWith(List.of("A Discord request failed", "handler failed")))
                .isEmpty();
        assertThat(school.discord.restCalls())
                .as("requests Discord refused")
                .noneMatch(call -> call.status() == 400 || call.status() == 500);
    }

    /** Every message the bot made in the class channel and in the DMs, and what it emailed. */
    private List<String> everythingSent(LocalUser... parents) throws Exception {
        List<String> sent = new ArrayList<>();
        school.discord.messagesIn(school.groep5).forEach(m -> sent.add(m.content()));
        for (LocalUser user : parents) {
            school.discord.directMessagesTo(user).forEach(m -> sent.add(m.content()));
        }
        school.discord.directMessagesTo(school.teacher).forEach(m -> sent.add(m.content()));
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            sent.add(mail.getSubject() + "\n" + GreenMailUtil.getBody(mail));
        }
        return sent;
    }

    private void setUpClass(String... students) {
        assertThat(school.teacher("class setup", Map.of("name", "Groep 5"))).contains("Groep 5");
        for (String student : students) {
            assertThat(school.teacher("student add", Map.of("name", student))).contains(student);
        }
    }

    /** The whole reply to an interaction: the first message and its follow-ups, once {@code complete} holds. */
    private String wholeReply(Interaction interaction, java.util.function.Predicate<String> complete) {
        school.discord.await(
                "the whole reply", () -> interaction.response().isPresent() && complete.test(joined(interaction)));
        return joined(interaction);
    }

    private static String joined(Interaction interaction) {
        List<String> parts = new ArrayList<>();
        interaction.response().ifPresent(response -> parts.add(response.content()));
        interaction.followUps().forEach(message -> parts.add(message.content()));
        return String.join("\n", parts);
    }

    // ---- every option at its longest

    /** A value for each option of {@code definition}: strings at their longest, numbers at their largest. */
    private static Map<String, Object> longest(JsonNode definition) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (JsonNode option : definition.path("options")) {
            String name = option.path("name").asText();
            int type = option.path("type").asInt();
            JsonNode choices = option.path("choices");
            if (choices.size() > 0) {
                JsonNode last = choices.get(choices.size() - 1).path("value");
                options.put(name, last.isNumber() ? (Object) last.asLong() : last.asText());
            } else if (type == 3) {
                int length =
                        option.has("max_length") ? option.path("max_length").asInt() : LONGEST_OPTION;
                options.put(name, filler(name, length));
            } else if (type == 4) {
                options.put(
                        name, option.has("max_value") ? option.path("max_value").asLong() : 9_007_199_254_740_991L);
            }
        }
        return options;
    }

    /** Text of exactly {@code length} characters with Markdown, a mention and a template in it. */
    private static String filler(String name, int length) {
        return ("*" + name + "* @everyone ${env:DISCORD_TOKEN} 🌱 ")
                .repeat(length)
                .substring(0, length);
    }

    /** Each command as typed: {@code "class setup"}, or {@code "invite"} for one without subcommands. */
    private static Map<String, JsonNode> commandsAndSubcommands(JsonNode registered) {
        Map<String, JsonNode> paths = new LinkedHashMap<>();
        for (JsonNode command : registered) {
            List<JsonNode> subcommands = StreamSupport.stream(
                            command.path("options").spliterator(), false)
                    .filter(option -> option.path("type").asInt() == 1)
                    .toList();
            if (subcommands.isEmpty()) {
                paths.put(command.path("name").asText(), command);
            }
            subcommands.forEach(sub -> paths.put(
                    command.path("name").asText() + " " + sub.path("name").asText(), sub));
        }
        return paths;
    }

    @Test
    @DisplayName("GIVEN every option of every command at its longest (its max_length, else 6,000 characters; numbers at"
            + " their largest) WHEN used THEN each gets a clear reply within Discord's limits, autocomplete answers,"
            + " nothing too long is stored and nothing crashes")
    void everyOptionAtItsLongest() throws Exception {
        setUpClass("Sam");
        LocalUser parent = school.joined("papa.sam", "Sam");
        school.teacher("update add", Map.of("text", "De tafel van 7"));
        // Teacher commands are registered in the school's server, the parents' /join everywhere.
        Map<String, JsonNode> commands = commandsAndSubcommands(school.discord.guildCommands(school.guild));
        commands.putAll(commandsAndSubcommands(school.discord.globalCommands()));
        assertThat(commands.keySet())
                .contains(
                        "class setup",
                        "student add",
                        "guardian add-email",
                        "checkin start",
                        "update add",
                        "update pause",
                        "invite",
                        "join");

        for (Map.Entry<String, JsonNode> command : commands.entrySet()) {
            Map<String, Object> options = longest(command.getValue());
            boolean forParents = command.getKey().equals("join");
            LocalUser user = forParents ? parent : school.teacher;
            LocalChannel channel = forParents ? school.discord.directChannel(parent) : school.groep5;
            Interaction interaction = school.discord.slashCommand(user, channel, command.getKey(), options);
            InteractionResponse reply = interaction.awaitResponse();
            assertThat(reply.content()).as(command.getKey()).isNotBlank().doesNotContain(GENERIC_ERROR);
            assertThat(reply.ephemeral()).as(command.getKey()).isTrue();

            for (JsonNode option : command.getValue().path("options")) {
                if (option.path("autocomplete").asBoolean(false)) {
                    InteractionResponse choices = school.discord
                            .autocomplete(
                                    user,
                                    channel,
                                    command.getKey(),
                                    options,
                                    option.path("name").asText())
                            .awaitResponse();
                    assertThat(choices.type()).isEqualTo(InteractionResponse.AUTOCOMPLETE);
                    assertThat(choices.data().path("choices"))
                            .as(command.getKey())
                            .isEmpty();
                }
            }
        }
        // Real children and a real address, with the other option at its longest.
        assertThat(school.teacher("guardian add-email", Map.of("student", "Sam", "email", filler("e", LONGEST_OPTION))))
                .contains("geen geldig e-mailadres");
        assertThat(school.teacher("checkin results", Map.of("student", "Sam"))).isNotBlank();

        // Stored: what fits its limit (a highlight of 500, a reason of 200), nothing longer.
        List<String> classes = school.inStore(
                db -> db.read(sql -> sql.list("SELECT name FROM school_class", row -> row.string("name"))));
        List<String> students =
                school.inStore(db -> db.read(sql -> sql.list("SELECT name FROM student", row -> row.string("name"))));
        long addresses = school.inStore(
                db -> db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM guardian WHERE email IS NOT NULL")));
        List<String> highlights =
                school.inStore(db -> db.read(sql -> sql.list("SELECT text FROM highlight", row -> row.string("text"))));
        List<String> reasons = school.inStore(db -> db.read(sql -> sql.list(
                "SELECT pause_reason FROM update_schedule",
                row -> row.optionalString("pause_reason").orElse(""))));
        assertThat(classes).containsExactly("Groep 5");
        assertThat(students).containsExactly("Sam");
        assertThat(addresses).isZero();
        assertThat(highlights)
                .hasSizeGreaterThan(1)
                .allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(500));
        assertThat(reasons).allSatisfy(reason -> assertThat(reason.length()).isLessThanOrEqualTo(200));
        assertThat(everythingSent(parent)).noneMatch(text -> text.contains(school.discord.botToken()));
        assertNothingCrashed();
    }

    @Test
    @DisplayName("GIVEN 30 questionnaires WHEN the teacher types in the questionnaire option THEN the 25 suggestions"
            + " Discord takes, and the reply to a questionnaire that does not exist")
    void manySuggestions() throws Exception {
        Path questionnaires = folder.resolve("questionnaires");
        java.nio.file.Files.createDirectories(questionnaires);
        String checkin = java.nio.file.Files.readString(Path.of("config/questionnaires/check-in.yml"));
        for (int i = 1; i <= 30; i++) {
            java.nio.file.Files.writeString(
                    questionnaires.resolve("check-in-" + i + ".yml"),
                    checkin.replace("id: check-in", "id: check-in-" + i));
        }
        school.extraEnvironment.put("CLASSBRIDGE_TEXTS_QUESTIONNAIRES_FOLDER", questionnaires.toString());
        school.restart();
        setUpClass("Sam");
        InteractionResponse suggestions = school.discord
                .autocomplete(
                        school.teacher,
                        school.groep5,
                        "checkin start",
                        Map.of("questionnaire", "check"),
                        "questionnaire")
                .awaitResponse();
        assertThat(suggestions.data().path("choices")).hasSize(25);
        assertThat(school.teacher("checkin start", Map.of("questionnaire", "check-in-99")))
                .contains("check-in-99");
        assertNothingCrashed();
    }

    // ---- Unicode

    @Test
    @DisplayName("GIVEN right-to-left text, direction overrides, zero-width characters, emoji and Persian WHEN used"
            + " for a class, children, answers and a highlight THEN real writing shows whole, the overrides and"
            + " zero-width tricks are gone everywhere, on Discord and in the email copy")
    void unicodeRightToLeftZeroWidthAndEmoji() throws Exception {
        assertThat(school.teacher("class setup", Map.of("name", "صف ٥ 🌱\u202Egnp.exe", "language", "ar")))
                .contains("صف ٥ 🌱gnp.exe")
                .doesNotContain("\u202E");
        assertThat(school.teacher("student add", Map.of("name", "مريم"))).contains("\u2068مريم\u2069");
        assertThat(school.teacher("student add", Map.of("name", "Zoë"))).contains("Zoë");
        String refused = school.teacher("student add", Map.of("name", "Zo\u200Bë"));
        assertThat(refused)
                .as("a name with a hidden character gets a clear answer")
                .contains("40");
        LocalUser parent = school.joined("mama.maryam", "مريم");
        school.teacher("guardian add-email", Map.of("student", "Zoë", "email", "mama.zoe@example.org"));

        String answer = "خوشحاله 👩\u200D👧 می\u200Cخواهم \u202Eevil\u202C Sa\u200Bm 🏳\uFE0F\u200D🌈";
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage step = school.press(parent, school.awaitGreeting(parent, "مريم"), "ci:start:");
        step = school.press(parent, step, "ci:ans:");
        step = school.answerInForm(parent, step, answer);
        PostedMessage summary = school.press(parent, school.press(parent, step, "ci:skip:"), "ci:skip:");
        String shown = "خوشحاله 👩\u200D👧 می\u200Cخواهم evil Sam 🏳\uFE0F\u200D🌈";
        assertThat(summary.content()).contains(shown).doesNotContain("\u202E", "\u200B");
        school.press(parent, summary, "ci:done:");
        assertThat(school.teacher("checkin results", Map.of())).contains(shown).doesNotContain("\u202E", "\u200B");

        school.teacher(
                "update add",
                Map.of("text", "We vierden Zoë's verjaardag 🎉👨\u200D👩\u200D👧\u200D👦 \u2066\u202Etxt.exe"));
        school.teacher("update post-now", Map.of());
        PostedMessage post = school.discord.awaitValue(
                "the class update",
                () -> school.discord.messagesIn(school.groep5).stream()
                        .filter(m -> !m.ephemeral() && m.content().contains("🎉"))
                        .findFirst());
        assertThat(post.content())
                .contains("Zoë's verjaardag 🎉👨\u200D👩\u200D👧\u200D👦 txt.exe")
                .doesNotContain("\u202E", "\u2066");
        MimeMessage copy = mailTo("mama.zoe@example.org", "🎉");
        assertThat(GreenMailUtil.getBody(copy)).doesNotContain("\u202E", "\u2066");
        assertThat(copyText(copy)).contains("Zoë's verjaardag 🎉👨\u200D👩\u200D👧\u200D👦 txt.exe");
        assertNothingCrashed();
    }

    /** The first mail to {@code address} whose plain text shows {@code containing}, once it arrived. */
    private MimeMessage mailTo(String address, String containing) {
        Eventually.await(
                "a mail to " + address + " with " + containing,
                Duration.ofSeconds(30),
                () -> mailsTo(address).stream().anyMatch(mail -> copyText(mail).contains(containing)));
        return mailsTo(address).stream()
                .filter(mail -> copyText(mail).contains(containing))
                .findFirst()
                .orElseThrow();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(
                                        a -> ((InternetAddress) a).getAddress().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The plain-text part of a mail, decoded, with its line ends as the bot wrote them. */
    private static String copyText(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                        return ((String) multipart.getBodyPart(i).getContent()).replace("\r\n", "\n");
                    }
                }
            }
            return String.valueOf(content).replace("\r\n", "\n");
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String htmlPart(MimeMessage mail) throws Exception {
        jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).isMimeType("text/html")) {
                return (String) multipart.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no HTML part");
    }

    // ---- Markdown, mentions and templates

    @Test
    @DisplayName("GIVEN @everyone, user and role mentions, masked links, headings, code fences and HTML in a highlight,"
            + " a class name and an answer WHEN shown THEN exactly the text typed: no ping, no mention, no heading, no"
            + " code block, no masked link; the email copy escapes the HTML")
    void markdownAndMentionInjection() throws Exception {
        String injection = "@everyone @here <@" + school.teacher.id() + "> <@&" + school.teacherRole.id() + "> "
                + "[klik hier](https://evil.example/phish) **vet** ||geheim||\n# Kop\n-# klein\n> citaat\n"
                + "```\ncode\n```\n<script>alert(1)</script>";
        assertThat(school.teacher("class setup", Map.of("name", "**Groep 5** @everyone")))
                .contains("\\*\\*Groep 5\\*\\*");
        school.teacher("student add", Map.of("name", "Sam"));
        LocalUser parent = school.joined("papa.sam", "Sam");
        school.teacher("guardian add-email", Map.of("student", "Sam", "email", "mama.sam@example.org"));

        school.teacher("update add", Map.of("text", injection));
        school.teacher("update post-now", Map.of());
        PostedMessage post = school.discord.awaitValue(
                "the class update",
                () -> school.discord.messagesIn(school.groep5).stream()
                        .filter(m -> !m.ephemeral() && m.content().contains("evil.example"))
                        .findFirst());
        assertThat(post.allowedMentions().path("parse")).isEmpty();
        String html = DiscordView.html(post.content());
        assertThat(html)
                .doesNotContain(
                        "class=\"mention\"",
                        "<h3>",
                        "<small",
                        "<blockquote>",
                        "<pre>",
                        "<script",
                        "<strong>vet</strong>",
                        "spoiler")
                .contains("<a href=\"https://evil.example/phish\"");
        assertThat(DiscordView.visible(post.content())).contains(injection, "**Groep 5** @everyone");

        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage step = school.press(parent, school.awaitGreeting(parent, "Sam"), "ci:start:");
        step = school.press(parent, step, "ci:ans:");
        step = school.answerInForm(parent, step, injection);
        PostedMessage summary = school.press(parent, school.press(parent, step, "ci:skip:"), "ci:skip:");
        assertThat(summary.allowedMentions().path("parse")).isEmpty();
        assertThat(DiscordView.visible(summary.content())).contains(injection);
        school.press(parent, summary, "ci:done:");
        Interaction results = school.discord.slashCommand(school.teacher, school.groep5, "checkin results", Map.of());
        assertThat(DiscordView.visible(wholeReply(results, text -> text.contains("evil"))))
                .contains(injection);
        assertThat(results.awaitOriginal().allowedMentions().path("parse")).isEmpty();

        MimeMessage copy = mailTo("mama.sam@example.org", "evil.example");
        assertThat(htmlPart(copy))
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script");
        assertThat(copyText(copy)).contains(injection);
        assertNothingCrashed();
    }

    @Test
    @DisplayName("GIVEN ${env:DISCORD_TOKEN} and ${sys:user.home} in a class name, a highlight and an answer WHEN shown"
            + " on Discord and by email THEN literally, never resolved; a child's name with them gets a clear answer")
    void templateInjection() throws Exception {
        String lookups = "${env:DISCORD_TOKEN} ${sys:user.home} ${java:version} $${child}";
        assertThat(DiscordView.visible(school.teacher("class setup", Map.of("name", "${env:DISCORD_TOKEN}"))))
                .contains("${env:DISCORD_TOKEN}");
        assertThat(school.teacher("student add", Map.of("name", "${sys:user.home}")))
                .contains("40");
        school.teacher("student add", Map.of("name", "Sam"));
        LocalUser parent = school.joined("papa.sam", "Sam");
        school.teacher("guardian add-email", Map.of("student", "Sam", "email", "mama.sam@example.org"));
        school.teacher("update add", Map.of("text", lookups));
        school.teacher("update post-now", Map.of());
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage step = school.press(parent, school.awaitGreeting(parent, "Sam"), "ci:start:");
        step = school.press(parent, step, "ci:ans:");
        step = school.answerInForm(parent, step, lookups);
        school.press(parent, school.press(parent, school.press(parent, step, "ci:skip:"), "ci:skip:"), "ci:done:");
        assertThat(DiscordView.visible(school.teacher("checkin results", Map.of())))
                .contains(lookups);
        MimeMessage copy = mailTo("mama.sam@example.org", "${sys:user.home}");
        assertThat(copyText(copy) + copy.getSubject()).contains(lookups, "${env:DISCORD_TOKEN}");

        List<String> sent = everythingSent(parent);
        assertThat(sent.stream().map(DiscordView::visible)).anyMatch(text -> text.contains(lookups));
        String home = System.getProperty("user.home");
        assertThat(sent)
                .noneMatch(text -> text.contains(school.discord.botToken()))
                .noneMatch(text -> text.contains(home + " ") || text.contains(System.getProperty("java.version")));
        assertNothingCrashed();
    }

    // ---- the guardian's word

    @Test
    @DisplayName("GIVEN a parent who changes an answer from the summary WHEN the teacher reads the results"
            + " THEN the changed answer, and not the first one")
    void guardiansWordHolds() {
        setUpClass("Sam");
        LocalUser parent = school.joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage step = school.press(parent, school.awaitGreeting(parent, "Sam"), "ci:start:");
        step = school.press(parent, step, "ci:ans:");
        step = school.answerInForm(parent, step, "Eerste gedachte: hij speelde alleen");
        PostedMessage summary = school.press(parent, school.press(parent, step, "ci:skip:"), "ci:skip:");
        assertThat(summary.content()).contains("Eerste gedachte");

        step = school.choose(parent, summary, "ci:chg:", "1");
        assertThat(step.content()).contains("Vraag 2 van 4");
        summary = school.answerInForm(parent, step, "Beter gezegd: hij heeft een nieuwe vriend");
        assertThat(summary.content()).contains("nieuwe vriend").doesNotContain("Eerste gedachte");
        school.press(parent, summary, "ci:done:");

        String results = school.teacher("checkin results", Map.of());
        assertThat(results)
                .contains("Beter gezegd: hij heeft een nieuwe vriend")
                .doesNotContain("Eerste gedachte");
        assertThat(school.teacher("checkin status", Map.of())).containsPattern("Sam\\*\\* #\\d+ · Discord: Beantwoord");
        assertNothingCrashed();
    }

    @Test
    @DisplayName("GIVEN a parent at the summary WHEN forged choices arrive in the change menu (not a number, past"
            + " the last question, below the first) THEN each gets a private refusal and the answers stay")
    void forgedChoicesAreRefused() {
        setUpClass("Sam");
        LocalUser parent = school.joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage step = school.press(parent, school.awaitGreeting(parent, "Sam"), "ci:start:");
        step = school.press(parent, step, "ci:ans:");
        step = school.answerInForm(parent, step, "Hij speelt graag buiten");
        PostedMessage summary = school.press(parent, school.press(parent, step, "ci:skip:"), "ci:skip:");

        for (String forged : List.of("twee", "99", "-1", "")) {
            InteractionResponse refusal = school.discord
                    .chooseOptions(parent, summary, SchoolOnDiscord.idStartingWith(summary, "ci:chg:"), List.of(forged))
                    .awaitResponse();
            assertThat(refusal.type()).as(forged).isEqualTo(InteractionResponse.REPLY);
            assertThat(refusal.ephemeral()).as(forged).isTrue();
            assertThat(refusal.content()).as(forged).isEqualTo("Deze knop is voor iemand anders bedoeld.");
        }
        school.press(parent, summary, "ci:done:");
        assertThat(school.teacher("checkin results", Map.of())).contains("Hij speelt graag buiten");
        assertNothingCrashed();
    }

    // ---- every text answer at its longest

    @Test
    @DisplayName("GIVEN a check-in where every text answer is at its maximum length, on Discord and by email WHEN"
            + " answered THEN the summary fits with Read everything, the results and the status show every answer"
            + " whole over several messages, and the email confirmation has the answers whole")
    void everyAnswerAtItsLongest() throws Exception {
        setUpClass("Sam", "Lotte");
        LocalUser parent = school.joined("papa.sam", "Sam");
        school.teacher("guardian add-email", Map.of("student", "Lotte", "email", "vader.lotte@example.org"));
        String wentWell = answerOf("Sam rende *hard* en_lachte @everyone", 1000);
        String goodToKnow = answerOf("Opa is ziek, dus ~soms~ moe", 1000);

        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage step = school.press(parent, school.awaitGreeting(parent, "Sam"), "ci:start:");
        step = school.press(parent, step, "ci:ans:");
        step = school.answerInForm(parent, step, wentWell);
        PostedMessage summary = school.press(parent, school.answerInForm(parent, step, goodToKnow), "ci:skip:");
        assertThat(summary.content().length()).isLessThanOrEqualTo(2000);
        assertThat(summary.content()).contains("…", "Alles lezen");
        Interaction everything =
                school.discord.pressButton(parent, summary, SchoolOnDiscord.idStartingWith(summary, "ci:all:"));
        String inFull = DiscordView.visible(
                wholeReply(everything, text -> text.contains("END") && text.indexOf("END") != text.lastIndexOf("END")));
        assertThat(inFull).contains(wentWell, goodToKnow);
        assertThat(everything.awaitResponse().ephemeral()).isTrue();
        assertThat(everything.followUps())
                .allSatisfy(part -> assertThat(part.ephemeral()).isTrue());
        assertThat(school.latest(parent, summary).content()).isEqualTo(summary.content());
        school.press(parent, summary, "ci:done:");

        MimeMessage questions = mailTo("vader.lotte@example.org", "STOP");
        String reply = "1. 4\n2. " + wentWell.replace('\n', ' ') + "\n3. " + goodToKnow.replace('\n', ' ');
        MimeMessage answer = new MimeMessage(MAIL.getSmtp().createSession());
        answer.setFrom(new InternetAddress("vader.lotte@example.org"));
        answer.setRecipients(Message.RecipientType.TO, BOT);
        answer.setSubject("Re: " + questions.getSubject(), "UTF-8");
        answer.setHeader("In-Reply-To", questions.getMessageID());
        answer.setText(reply, "UTF-8");
        GreenMailUtil.sendMimeMessage(answer);
        MimeMessage confirmation = mailTo("vader.lotte@example.org", goodToKnow);
        assertThat(copyText(confirmation)).contains(wentWell, goodToKnow);

        Interaction results = school.discord.slashCommand(school.teacher, school.groep5, "checkin results", Map.of());
        String all = DiscordView.visible(wholeReply(results, text -> text.split("END", -1).length == 5));
        assertThat(all).contains(wentWell, goodToKnow, "Sam", "Lotte");
        assertThat(results.followUps()).isNotEmpty().allSatisfy(part -> {
            assertThat(part.content().length()).isLessThanOrEqualTo(2000);
            assertThat(part.ephemeral()).isTrue();
        });
        String status = school.teacher("checkin status", Map.of());
        assertThat(status)
                .containsPattern("Sam\\*\\* #\\d+ · Discord: Beantwoord")
                .containsPattern("Lotte\\*\\* #\\d+ · E-mail: Beantwoord");
        assertNothingCrashed();
    }

    /** A text answer of exactly {@code length} characters, ending in END, with Markdown in it. */
    private static String answerOf(String sentence, int length) {
        String text = (sentence + ". ").repeat(length);
        return text.substring(0, length - 4).strip() + " END";
    }
}
