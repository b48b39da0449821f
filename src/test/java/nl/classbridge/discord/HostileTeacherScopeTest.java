package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalGuild;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's hostile input for teacher scope, end to end: the real ClassBridge with the real JDA
 * client against the local Discord server, three servers (the school's, a second school's, and
 * one the bot does not serve), two classes with their own teachers, and families who were
 * removed. Every case gets a clear reply or a quiet refusal; nothing is stored that should not be.
 */
@Timeout(120)
@DisplayName("Hostile input: teacher scope")
class HostileTeacherScopeTest {
    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}");
    private static final String NOT_TEACHER = "alleen de leerkracht";
    private static final String NOT_YOUR_CLASS = "hoort bij een andere leerkracht";
    private static final String NOT_HERE = "dit kan hier niet";
    private static final String NO_LONGER_LINKED = "niet meer aangemeld als ouder van dit kind";
    private static final String NOT_LINKED = "nu niet aangemeld bij een klas";

    @TempDir
    Path folder;

    SchoolOnDiscord school;
    /** A colleague with the teacher role, who has a class of his own in the same server. */
    LocalUser tom;

    LocalChannel groep6;
    /** A second school's server, also served by the bot, run by its director. */
    LocalGuild zonnebloem;

    LocalUser director;
    LocalChannel groep7;
    /** A server the bot is in but does not serve, with its own admin. */
    LocalGuild gamers;

    LocalUser gamer;
    LocalChannel general;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder, s -> {
            tom = s.discord.addUser("meester.tom");
            s.guild.addMember(tom, s.teacherRole);
            groep6 = s.guild.addTextChannel("groep-6");
            director = s.discord.addUser("directeur.bram");
            zonnebloem = s.discord.addGuild("De Zonnebloem", director);
            groep7 = zonnebloem.addTextChannel("groep-7");
            gamer = s.discord.addUser("gamer");
            gamers = s.discord.addGuild("Gamers", gamer);
            general = gamers.addTextChannel("algemeen");
            s.extraEnvironment.put(
                    "CLASSBRIDGE_DISCORD_GUILDS",
                    Long.toUnsignedString(s.guild.id()) + "," + Long.toUnsignedString(zonnebloem.id()));
        });
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Noor"));
        school.teacher("student add", Map.of("name", "Lotte"));
        school.command(tom, groep6, "class setup", Map.of("name", "Groep 6"));
        school.command(tom, groep6, "student add", Map.of("name", "Fenna"));
    }

    @AfterEach
    void stop() {
        school.close();
    }

    private String as(LocalUser user, LocalChannel channel, String command, Map<String, ?> options) {
        return school.command(user, channel, command, options);
    }

    private List<String> suggestions(LocalUser user, LocalChannel channel, String command, String typed) {
        InteractionResponse response = school.discord
                .autocomplete(user, channel, command, Map.of("student", typed), "student")
                .awaitResponse();
        assertThat(response.type()).isEqualTo(InteractionResponse.AUTOCOMPLETE);
        return response.data().path("choices").findValuesAsText("name");
    }

    private long count(String sql) {
        return school.inStore(db -> db.read(s -> s.count(sql)));
    }

    /** One text column of each row. */
    private List<String> strings(String column, String sql) {
        return school.inStore(db -> db.read(s -> s.list(sql, row -> row.string(column))));
    }

    private LocalUser joined(String name, String student) {
        LocalUser parent = school.parent(name);
        assertThat(as(parent, school.discord.directChannel(parent), "join", Map.of("code", school.inviteCode(student))))
                .contains(student);
        return parent;
    }

    private PostedMessage greeting(LocalUser parent, String child) {
        return school.discord.awaitValue(
                "the check-in greeting about " + child,
                () -> greetings(parent, child).stream().findFirst());
    }

    /** The DMs with a Start button that name the child. */
    private List<PostedMessage> greetings(LocalUser parent, String child) {
        return school.discord.directMessagesTo(parent).stream()
                .filter(m -> m.content().contains(child)
                        && m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                .toList();
    }

    /** The message as it is now, after the bot's edits. */
    private PostedMessage latest(PostedMessage message) {
        return school.discord.message(message.id()).orElseThrow();
    }

    /** Presses a button and waits until the message shows the bot's update. */
    private PostedMessage press(LocalUser user, PostedMessage message, String customId) {
        InteractionResponse response =
                school.discord.pressButton(user, message, customId).awaitResponse();
        assertThat(response.type()).as(response.content()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        school.discord.await(
                "the message to show the update",
                () -> latest(message).content().equals(response.content()));
        return latest(message);
    }

    private static String id(PostedMessage message, String prefix) {
        return message.customIds().stream()
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + message.customIds()));
    }

    private long guardianNumber(String line, String student) {
        Matcher matcher = Pattern.compile("\\*\\*" + student + "\\*\\* #(\\d+)").matcher(line);
        assertThat(matcher.find())
                .as("a guardian of " + student + " in: " + line)
                .isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    @DisplayName("GIVEN a member without the teacher role WHEN they use teacher commands, suggestions, a teacher's"
            + " buttons and a forged form THEN each is refused and nothing changes")
    void nonTeacher() {
        // GIVEN Anna's highlight list, with its buttons
        school.teacher("update add", Map.of("text", "We bouwden een brug", "kind", "learning"));
        PostedMessage list = school.discord
                .slashCommand(school.teacher, school.groep5, "update list", Map.of())
                .awaitOriginal();
        String remove = id(list, "up:rm:");
        String highlight = remove.substring("up:rm:".length());

        // WHEN / THEN
        for (String command : List.of("student list", "guardian list", "checkin results", "class info")) {
            assertThat(as(school.bystander, school.groep5, command, Map.of()))
                    .as(command)
                    .contains(NOT_TEACHER);
        }
        assertThat(as(school.bystander, school.groep5, "class setup", Map.of("name", "Mijn klas")))
                .contains(NOT_TEACHER);
        assertThat(suggestions(school.bystander, school.groep5, "invite", "")).isEmpty();
        assertThat(school.discord
                        .pressButton(school.bystander, list, remove)
                        .awaitResponse()
                        .content())
                .contains(NOT_TEACHER);
        assertThat(school.discord
                        .submitModal(school.bystander, school.groep5, "up:md:" + highlight, Map.of("text", "Gehackt"))
                        .awaitResponse()
                        .content())
                .contains(NOT_TEACHER);

        // THEN the class, its highlight and its children are as they were
        assertThat(school.teacher("update list", Map.of()))
                .contains("We bouwden een brug")
                .doesNotContain("Gehackt");
        assertThat(count("SELECT COUNT(*) AS n FROM school_class WHERE name = 'Mijn klas'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM student")).isEqualTo(4);
    }

    @Test
    @DisplayName("GIVEN two classes in one server WHEN the teacher of one uses commands, suggestions, buttons and"
            + " forms for the other THEN nothing of it is shown or changed; as a co-teacher he may, and not after")
    void teacherOfAnotherClass() {
        // GIVEN Anna's class with a family, a check-in answer pending and a highlight with buttons
        joined("papa.sam", "Sam");
        school.teacher("update add", Map.of("text", "We bouwden een brug", "kind", "learning"));
        PostedMessage annasList = school.discord
                .slashCommand(school.teacher, school.groep5, "update list", Map.of())
                .awaitOriginal();
        String highlight = id(annasList, "up:rm:").substring("up:rm:".length());
        long invitesBefore = count("SELECT COUNT(*) AS n FROM invite_code");

        // WHEN Tom works in Anna's channel
        for (String command : List.of(
                "student list",
                "guardian list",
                "checkin status",
                "checkin results",
                "class info",
                "update list",
                "update preview",
                "update post-now",
                "checkin remind")) {
            assertThat(as(tom, school.groep5, command, Map.of())).as(command).contains(NOT_YOUR_CLASS);
        }
        assertThat(as(tom, school.groep5, "invite", Map.of("student", "Sam")))
                .contains(NOT_YOUR_CLASS)
                .doesNotContainPattern(CODE.pattern());
        assertThat(as(tom, school.groep5, "student remove", Map.of("name", "Sam")))
                .contains(NOT_YOUR_CLASS);
        assertThat(as(tom, school.groep5, "update add", Map.of("text", "Van Tom")))
                .contains(NOT_YOUR_CLASS);
        assertThat(as(tom, school.groep5, "checkin start", Map.of("questionnaire", "check-in")))
                .contains(NOT_YOUR_CLASS);
        assertThat(as(tom, school.groep5, "class setup", Map.of("name", "Groep 5 van Tom")))
                .contains(NOT_YOUR_CLASS);
        assertThat(as(tom, school.groep5, "class teacher add", Map.of("user", tom.id())))
                .contains(NOT_YOUR_CLASS);
        assertThat(school.discord
                        .pressButton(tom, annasList, id(annasList, "up:ed:"))
                        .awaitResponse()
                        .content())
                .contains(NOT_YOUR_CLASS);
        assertThat(school.discord
                        .submitModal(tom, school.groep5, "up:md:" + highlight, Map.of("text", "Gehackt"))
                        .awaitResponse()
                        .content())
                .contains(NOT_YOUR_CLASS);

        // WHEN Tom works in his own channel with Anna's ids and names
        assertThat(school.discord
                        .submitModal(tom, groep6, "up:md:" + highlight, Map.of("text", "Gehackt"))
                        .awaitResponse()
                        .content())
                .contains("niet meer klaar");
        assertThat(as(tom, groep6, "invite", Map.of("student", "Sam"))).contains("Ik kan Sam niet vinden");
        assertThat(as(tom, groep6, "checkin results", Map.of("student", "Sam"))).doesNotContain("papa.sam");

        // THEN suggestions show each teacher his own class only
        assertThat(suggestions(tom, school.groep5, "invite", "")).isEmpty();
        assertThat(suggestions(tom, groep6, "invite", "")).containsExactly("Fenna");
        assertThat(suggestions(school.teacher, school.groep5, "invite", ""))
                .containsExactlyInAnyOrder("Sam", "Noor", "Lotte");
        // and nothing of Anna's class changed
        assertThat(school.teacher("update list", Map.of()))
                .contains("We bouwden een brug")
                .doesNotContain("Gehackt");
        assertThat(school.teacher("class info", Map.of()))
                .contains("Groep 5", "juf.anna")
                .doesNotContain("Tom");
        assertThat(count("SELECT COUNT(*) AS n FROM invite_code")).isEqualTo(invitesBefore);
        assertThat(count("SELECT COUNT(*) AS n FROM checkin_round")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM highlight WHERE text LIKE '%Tom%'"))
                .isZero();

        // WHEN Anna makes Tom her co-teacher, he may act for her class; a co-teacher does not manage teachers
        assertThat(school.teacher("class teacher add", Map.of("user", tom.id())))
                .contains("meester.tom is nu ook leerkracht");
        assertThat(as(tom, school.groep5, "student list", Map.of())).contains("Sam", "Noor");
        assertThat(as(tom, school.groep5, "class teacher remove", Map.of("user", school.teacher.id())))
                .contains("Alleen juf.anna");
        assertThat(school.teacher("class teacher add", Map.of("user", school.bystander.id())))
                .contains("kan geen leerkracht van deze klas worden");
        assertThat(school.teacher("class info", Map.of())).contains("juf.anna, meester.tom");

        // WHEN Anna removes him again, he is refused again
        assertThat(school.teacher("class teacher remove", Map.of("user", tom.id())))
                .contains("geen leerkracht van deze klas meer");
        assertThat(as(tom, school.groep5, "student list", Map.of())).contains(NOT_YOUR_CLASS);
        assertThat(strings("action", "SELECT action FROM audit_log WHERE action LIKE 'class.teacher%' ORDER BY id"))
                .containsExactly("class.teacher-add", "class.teacher-remove");
    }

    @Test
    @DisplayName(
            "GIVEN an admin of the school's server WHEN they read a class that is not theirs THEN they are"
                    + " refused; WHEN they take it over THEN the teacher is told by DM, loses access, and the audit log says so")
    void adminTakesOver() {
        // GIVEN the server's owner, an admin without the teacher role
        LocalUser admin = school.admin;

        // WHEN / THEN reading is refused, suggestions are empty
        assertThat(as(admin, school.groep5, "checkin results", Map.of())).contains(NOT_YOUR_CLASS);
        assertThat(as(admin, school.groep5, "guardian list", Map.of())).contains(NOT_YOUR_CLASS);
        assertThat(suggestions(admin, school.groep5, "invite", "")).isEmpty();
        // a teacher who is no admin cannot take a class over
        assertThat(as(tom, school.groep5, "class takeover", Map.of())).contains("Alleen een beheerder");

        // WHEN the admin takes the class over
        assertThat(as(admin, school.groep5, "class takeover", Map.of())).contains("overgenomen", "juf.anna");

        // THEN Anna is told by DM, through the outbox, and is now refused; the admin acts for the class
        PostedMessage told = school.discord.awaitValue(
                "the DM to the former teacher",
                () -> school.discord.directMessagesTo(school.teacher).stream()
                        .filter(m -> m.content().contains("overgenomen"))
                        .findFirst());
        assertThat(told.content()).contains("ict.beheer", "Groep 5");
        // The outbox marks the row sent right after Discord took the DM: wait for that, not only for the DM.
        Eventually.await(
                "the notice marked sent",
                Duration.ofSeconds(10),
                () -> count("SELECT COUNT(*) AS n FROM delivery WHERE kind = 'teacher-notice' AND status = 'sent'")
                        == 1);
        assertThat(school.teacher("student list", Map.of())).contains(NOT_YOUR_CLASS);
        assertThat(as(admin, school.groep5, "student list", Map.of())).contains("Sam");
        assertThat(as(admin, school.groep5, "class takeover", Map.of())).contains("al van jou");
        assertThat(strings("detail", "SELECT detail FROM audit_log WHERE action = 'class.takeover'"))
                .containsExactly("from=" + school.teacher.id());
        // Tom's class is untouched
        assertThat(as(tom, groep6, "student list", Map.of())).contains("Fenna");
    }

    @Test
    @DisplayName("GIVEN a server the bot does not serve WHEN its admin uses teacher commands, suggestions, a forged"
            + " form and /join THEN each gets a polite refusal, no command is registered there and nothing is stored")
    void serverNotServed() {
        // GIVEN only the two schools' servers have the teacher commands
        assertThat(school.discord.guildCommands(gamers)).isEmpty();
        assertThat(StreamSupport.stream(school.discord.guildCommands(zonnebloem).spliterator(), false)
                        .map(c -> c.path("name").asText()))
                .contains("class", "checkin");
        long classes = count("SELECT COUNT(*) AS n FROM school_class");

        // WHEN / THEN
        assertThat(as(gamer, general, "class setup", Map.of("name", "Groep 5"))).containsIgnoringCase(NOT_HERE);
        assertThat(as(gamer, general, "student list", Map.of())).containsIgnoringCase(NOT_HERE);
        assertThat(as(gamer, general, "class takeover", Map.of())).containsIgnoringCase(NOT_HERE);
        assertThat(suggestions(gamer, general, "invite", "")).isEmpty();
        assertThat(school.discord
                        .submitModal(gamer, general, "up:md:1", Map.of("text", "Gehackt"))
                        .awaitResponse()
                        .content())
                .containsIgnoringCase(NOT_HERE);
        assertThat(as(gamer, general, "join", Map.of("code", school.inviteCode("Sam"))))
                .containsIgnoringCase(NOT_HERE);

        // THEN
        assertThat(count("SELECT COUNT(*) AS n FROM school_class")).isEqualTo(classes);
        assertThat(count("SELECT COUNT(*) AS n FROM join_attempt")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM guardian")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM highlight")).isZero();
    }

    @Test
    @DisplayName("GIVEN parents in a check-in WHEN the teacher removes one parent and another's child THEN their old"
            + " buttons and typed answers get 'no longer linked' and store nothing; /guardian list shows who joined")
    void removedFamilies() {
        // GIVEN three families, each with the greeting
        LocalUser papaSam = joined("papa.sam", "Sam");
        LocalUser mamaNoor = joined("mama.noor", "Noor");
        LocalUser omaLotte = joined("oma.lotte", "Lotte");
        String list = school.teacher("guardian list", Map.of());
        assertThat(list).contains("papa.sam", "mama.noor", "oma.lotte", "aangemeld op");
        assertThat(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'guardian.join'"))
                .isEqualTo(3);
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage question = press(papaSam, greeting(papaSam, "Sam"), id(greeting(papaSam, "Sam"), "ci:start:"));
        PostedMessage noorsGreeting = greeting(mamaNoor, "Noor");
        PostedMessage lottesGreeting = greeting(omaLotte, "Lotte");

        // WHEN the teacher unlinks Sam's father and removes Noor
        long papa = guardianNumber(list, "Sam");
        assertThat(school.teacher("guardian remove", Map.of("student", "Sam", "guardian", papa)))
                .contains("verwijderd");
        assertThat(school.teacher("student remove", Map.of("name", "Noor"))).contains("verwijderd");

        // THEN an old button, a typed answer, a form: a polite refusal, and the message stays as it was
        Interaction pressed = school.discord.pressButton(papaSam, question, id(question, "ci:ans:"));
        assertThat(pressed.awaitResponse().ephemeral()).isTrue();
        assertThat(pressed.awaitResponse().content()).contains(NO_LONGER_LINKED);
        assertThat(latest(question).content()).isEqualTo(question.content());
        String form = id(question, "ci:ans:").replaceAll("^ci:ans:(\\d+):(\\d+):\\d+$", "ci:modal:$1:$2");
        assertThat(school.discord
                        .submitModal(papaSam, question, form, Map.of("answer", "Toch nog"))
                        .awaitResponse()
                        .content())
                .contains(NO_LONGER_LINKED);
        school.discord.sendDirectMessage(papaSam, "4");
        school.discord.await(
                "a reply to the removed father",
                () -> school.discord.directMessagesTo(papaSam).stream()
                        .anyMatch(m -> m.content().contains(NOT_LINKED)));
        assertThat(school.discord
                        .pressButton(mamaNoor, noorsGreeting, id(noorsGreeting, "ci:start:"))
                        .awaitResponse()
                        .content())
                .contains(NO_LONGER_LINKED);
        school.discord.sendDirectMessage(mamaNoor, "Hallo?");
        school.discord.await(
                "a reply to Noor's mother",
                () -> school.discord.directMessagesTo(mamaNoor).stream()
                        .anyMatch(m -> m.content().contains(NOT_LINKED)));

        // THEN nothing was stored for them; the family that stays goes on as before
        assertThat(count("SELECT COUNT(*) AS n FROM answer")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM guardian")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM checkin_request")).isEqualTo(1);
        assertThat(press(omaLotte, lottesGreeting, id(lottesGreeting, "ci:start:"))
                        .content())
                .contains("Vraag 1 van 4");
        assertThat(school.teacher("guardian list", Map.of()))
                .contains("oma.lotte")
                .doesNotContain("papa.sam", "mama.noor");
        assertThat(school.teacher("checkin status", Map.of())).contains("Lotte").doesNotContain("Sam", "Noor");
    }

    @Test
    @DisplayName("GIVEN check-in greetings waiting in the outbox (Discord failed once) WHEN the teacher removes a"
            + " parent THEN that parent's greeting is never sent, and the other family's is")
    void queuedMessagesAreCancelled() {
        // GIVEN
        LocalUser papaSam = joined("papa.sam", "Sam");
        LocalUser omaLotte = joined("oma.lotte", "Lotte");
        long papa = guardianNumber(school.teacher("guardian list", Map.of()), "Sam");
        school.discord.failWith("POST", "channels/{channel_id}/messages", 2, 500);
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        school.discord.await(
                "both greetings to wait for a retry",
                () -> count("SELECT COUNT(*) AS n FROM delivery WHERE kind = 'checkin-greeting' AND status = 'queued'"
                                + " AND last_error = 'http-500'")
                        == 2);

        // WHEN
        school.teacher("guardian remove", Map.of("student", "Sam", "guardian", papa));
        school.clock.jump(Duration.ofMinutes(5));
        school.bot.clockMoved();

        // THEN
        greeting(omaLotte, "Lotte");
        assertThat(count("SELECT COUNT(*) AS n FROM delivery WHERE kind = 'checkin-greeting'"))
                .isEqualTo(1);
        assertThat(school.discord.directMessagesTo(papaSam))
                .noneMatch(m -> m.content().contains("Sam") && !m.customIds().isEmpty());
    }

    @Test
    @DisplayName("GIVEN a parent of two children WHEN the same button press arrives twice and an old round's"
            + " button is pressed THEN answers are stored once, the next child is greeted once, the old round says"
            + " it is closed; a teacher's press twice removes once")
    void replayedPresses() {
        // GIVEN
        LocalUser parent = school.parent("papa.sam");
        as(parent, school.discord.directChannel(parent), "join", Map.of("code", school.inviteCode("Sam")));
        as(parent, school.discord.directChannel(parent), "join", Map.of("code", school.inviteCode("Lotte")));
        school.teacher("checkin start", Map.of("questionnaire", "check-in", "deadline-days", 1));
        PostedMessage greeting = greeting(parent, "Lotte");
        PostedMessage question = press(parent, greeting, id(greeting, "ci:start:"));
        String child = question.content().contains("Sam") ? "Sam" : "Lotte";
        String other = child.equals("Sam") ? "Lotte" : "Sam";

        // WHEN the same answer arrives twice
        String four = id(question, "ci:ans:").replaceAll(":\\d+$", ":4");
        InteractionResponse once =
                school.discord.pressButton(parent, question, four).awaitResponse();
        InteractionResponse twice =
                school.discord.pressButton(parent, question, four).awaitResponse();

        // THEN one answer, and both show the next question
        assertThat(once.content()).contains("Vraag 2 van 4");
        assertThat(twice.content()).isEqualTo(once.content());
        assertThat(count("SELECT COUNT(*) AS n FROM answer WHERE question_id = 'feeling'"))
                .isEqualTo(1);

        // WHEN the parent finishes the first child and Done arrives twice
        school.discord.await(
                "the second question", () -> latest(question).content().contains("Vraag 2 van 4"));
        PostedMessage second = latest(question);
        InteractionResponse form = school.discord
                .pressButton(parent, second, id(second, "ci:open:"))
                .awaitResponse();
        InteractionResponse written = school.discord
                .submitModal(
                        parent, second, form.data().get("custom_id").asText(), Map.of("answer", "Hij hielp een vriend"))
                .awaitResponse();
        school.discord.await(
                "the third question", () -> latest(second).content().equals(written.content()));
        PostedMessage third = latest(second);
        PostedMessage fourth = press(parent, third, id(third, "ci:skip:"));
        PostedMessage summary = press(parent, fourth, id(fourth, "ci:skip:"));
        String done = id(summary, "ci:done:");
        InteractionResponse firstDone =
                school.discord.pressButton(parent, summary, done).awaitResponse();
        InteractionResponse secondDone =
                school.discord.pressButton(parent, summary, done).awaitResponse();
        assertThat(secondDone.content()).isEqualTo(firstDone.content());
        // a typed message goes the same way as the greetings, so once it is answered all before it arrived
        school.discord.sendDirectMessage(parent, "hoi");
        school.discord.await(
                "the next child's first question",
                () -> school.discord.directMessagesTo(parent).stream()
                        .anyMatch(m -> m.content().contains("Vraag 1 van 4")
                                && m.content().contains(other)));

        // THEN the second child was greeted once
        assertThat(greetings(parent, other)).hasSize(1);

        // WHEN the round closes and a new one starts, the old greeting is pressed
        school.clock.jump(Duration.ofDays(2));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage old = greetings(parent, other).get(0);
        InteractionResponse closed =
                school.discord.pressButton(parent, old, id(old, "ci:start:")).awaitResponse();

        // THEN
        assertThat(closed.ephemeral()).isTrue();
        assertThat(closed.content()).contains("gesloten");
        assertThat(latest(old).content()).isEqualTo(old.content());

        // AND a teacher's remove pressed twice removes once
        school.teacher("update add", Map.of("text", "We bouwden een brug"));
        PostedMessage list = school.discord
                .slashCommand(school.teacher, school.groep5, "update list", Map.of())
                .awaitOriginal();
        String remove = id(list, "up:rm:");
        assertThat(school.discord
                        .pressButton(school.teacher, list, remove)
                        .awaitResponse()
                        .content())
                .contains("Weggehaald");
        assertThat(school.discord
                        .pressButton(school.teacher, list, remove)
                        .awaitResponse()
                        .content())
                .contains("niet meer klaar");
    }

    @Test
    @DisplayName("GIVEN someone guessing invite codes WHEN five wrong codes come by DM, in the school's channel and"
            + " in another school's THEN the sixth is refused, even a real code of either school's class")
    void codeGuessing() {
        // GIVEN a guesser in both schools' servers, and a real code for each school's class
        LocalUser guesser = school.parent("raden");
        zonnebloem.addMember(guesser);
        as(director, groep7, "class setup", Map.of("name", "Groep 7"));
        as(director, groep7, "student add", Map.of("name", "Daan"));
        Matcher zonnebloemCode = CODE.matcher(as(director, groep7, "invite", Map.of("student", "Daan")));
        assertThat(zonnebloemCode.find()).isTrue();
        String regenboogCode = school.inviteCode("Sam");
        LocalChannel dm = school.discord.directChannel(guesser);

        // WHEN five wrong codes, in three places
        List<LocalChannel> places = List.of(dm, dm, school.groep5, school.groep5, groep7);
        for (int i = 0; i < places.size(); i++) {
            assertThat(as(guesser, places.get(i), "join", Map.of("code", "ABCDE-FGHJ" + "KMNPQ".charAt(i))))
                    .contains("ken deze code niet");
        }

        // THEN the sixth and seventh are refused, whichever class and place
        assertThat(as(guesser, groep7, "join", Map.of("code", zonnebloemCode.group())))
                .contains("minuten");
        assertThat(as(guesser, dm, "join", Map.of("code", regenboogCode))).contains("minuten");
        assertThat(count("SELECT COUNT(*) AS n FROM guardian")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM invite_code WHERE used_at IS NOT NULL"))
                .isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM join_attempt WHERE discord_user_id = " + guesser.id()))
                .isEqualTo(5);
        // the codes still work for the parents they were meant for
        LocalUser papaSam = school.parent("papa.sam");
        assertThat(as(papaSam, school.discord.directChannel(papaSam), "join", Map.of("code", regenboogCode)))
                .contains("Gelukt");
    }
}
