package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.domain.Guardian;
import nl.classbridge.sandbox.Sandbox;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.sandbox.mail.LocalMail;
import nl.classbridge.sandbox.page.SandboxPage;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.LogCapture;
import nl.classbridge.testing.SentMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, nothing personal in logs: the real bot runs the end-to-end flows with marked names,
 * addresses and answers while every logger, JDA's too, logs at TRACE; no line, failure message or
 * stack trace may carry a marker. Long, wrong and failing input is part of each flow, because
 * that is where exception messages are made.
 */
@Timeout(150)
class NothingPersonalInLogsTest {
    /** In every name, address and answer below; matched ignoring case. */
    private static final String MARKER = "zzmarker";

    private static final String BOT = "klas@school.example";
    private static final String PARENT = "zzmarker.mama@zzmarker.example";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    LogCapture logs;
    SchoolOnDiscord school;
    Sandbox sandbox;

    @BeforeEach
    void captureFromTheStart() {
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        logs.close();
    }

    /** Stops the bot (its last words are logged too) and reads the log. */
    private void assertNothingPersonalLogged() {
        if (school != null) {
            school.close();
            school = null;
        }
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
        List<String> lines = logs.lines();
        assertThat(lines)
                .as("the log was captured, debug and trace included")
                .hasSizeGreaterThan(50)
                .anyMatch(line -> line.startsWith("DEBUG ") || line.startsWith("TRACE "));
        assertThat(logs.linesWith(List.of(MARKER, "juf.anna")))
                .as("log lines with a name, address or answer")
                .isEmpty();
    }

    private static String marked(String start, int length) {
        return (start + " ZZMARKER ").repeat(length).substring(0, length);
    }

    @Test
    @DisplayName("GIVEN marked names and answers WHEN a check-in runs on Discord with the teacher's commands, long and"
            + " wrong input, closed DMs and a failing Discord THEN no log line carries a marker")
    void checkinOnDiscord() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.teacher("class setup", Map.of("name", "Zzmarkerklas"));
        school.teacher("student add", Map.of("name", "Zzmarkerchild"));
        school.teacher("student add", Map.of("name", "Zzmarkerzus"));
        LocalUser parent = school.joined("zzmarker.papa", "Zzmarkerchild");
        LocalUser closed = school.joined("zzmarker.mama", "Zzmarkerzus");
        school.discord.closeDirectMessages(closed);
        school.teacher("guardian add-email", Map.of("student", "Zzmarkerzus", "email", PARENT));
        school.teacher("guardian add-email", Map.of("student", "Zzmarkerzus", "email", "zzmarker@@kapot"));
        school.teacher("invite", Map.of("student", "Zzmarkeronbekend"));
        school.teacher("class setup", Map.of("name", "Zzmarker".repeat(750)));
        school.teacher("class setup", Map.of("name", "Zzmarkerklas", "timezone", "Zzmarker/Nergens"));
        school.teacher("update schedule", Map.of("day", "ZZMARKER", "time", "15:00"));
        school.teacher("update schedule", Map.of("day", "FRIDAY", "time", "zzmarker"));
        school.teacher("update pause", Map.of("until", "zzmarker", "reason", "Zzmarker op reis"));
        school.teacher("checkin start", Map.of("questionnaire", "zzmarker"));

        assertThat(school.teacher("checkin start", Map.of("questionnaire", "check-in")))
                .contains("Gezinnen: 3");
        PostedMessage step = school.press(parent, school.awaitGreeting(parent, "Zzmarkerchild"), "ci:start:");
        step = school.press(parent, step, "ci:ans:");
        school.discord.sendDirectMessage(parent, marked("te lang", 1200));
        school.discord.await(
                "the answer refused as too long",
                () -> school.discord.directMessagesTo(parent).stream()
                        .anyMatch(m -> m.content().contains("1.000 tekens")));
        step = school.answerInForm(parent, step, marked("ging goed", 1000));
        PostedMessage summary =
                school.press(parent, school.answerInForm(parent, step, marked("goed om te weten", 1000)), "ci:skip:");
        assertThat(summary.customIds()).anyMatch(id -> id.startsWith("ci:all:"));
        InteractionResponse everything = school.discord
                .pressButton(parent, summary, SchoolOnDiscord.idStartingWith(summary, "ci:all:"))
                .awaitResponse();
        assertThat(everything.ephemeral()).isTrue();
        step = school.choose(parent, summary, "ci:chg:", "1");
        summary = school.answerInForm(parent, step, "ZZMARKER toch iets anders");
        school.press(parent, summary, "ci:done:");
        school.discord.sendDirectMessage(parent, "Zzmarker hoi");

        school.teacher("update add", Map.of("text", "Zzmarker @everyone <@1> [klik](https://x.example) # kop"));
        String list = school.teacher("update list", Map.of());
        assertThat(list).contains("Zzmarker");
        PostedMessage listed = school.discord.awaitValue(
                "the list with its buttons",
                () -> school.discord.messagesIn(school.groep5).stream()
                        .filter(m -> m.content().contains("Zzmarker \\@everyone"))
                        .reduce((a, b) -> b));
        InteractionResponse form = school.discord
                .pressButton(school.teacher, listed, SchoolOnDiscord.idStartingWith(listed, "up:ed:"))
                .awaitResponse();
        school.discord
                .submitModal(
                        school.teacher,
                        listed,
                        form.data().get("custom_id").asText(),
                        Map.of("text", "Zzmarker veranderd"))
                .awaitResponse();
        for (String command : List.of(
                "checkin status",
                "checkin results",
                "student list",
                "guardian list",
                "update preview",
                "checkin remind",
                "update post-now")) {
            school.teacher(command, Map.of());
        }
        school.teacher("checkin results", Map.of("student", "Zzmarkerchild"));
        school.teacher("prep", Map.of("student", "Zzmarkerchild"));
        school.teacher("prep", Map.of("student", "Zzmarkeronbekend"));

        // Discord refuses to take a reply: the bot's request fails, and the failure is logged.
        school.discord.failWith("POST", "interactions/{interaction_id}/{interaction_token}/callback", 1, 500);
        school.discord.slashCommand(school.teacher, school.groep5, "checkin results", Map.of());
        Eventually.await(
                "the failed reply in the log",
                Duration.ofSeconds(10),
                () -> logs.lines().stream()
                        .anyMatch(line -> line.contains("A Discord request failed: discord-0/http-500")));
        school.discord.dropGatewayConnection();
        school.teacher("class info", Map.of());
        school.discord.await(
                "the parent with closed DMs marked unreachable",
                () -> school.inStore(db -> db.read(sql ->
                                sql.count("SELECT COUNT(*) AS n FROM guardian WHERE discord_status = 'unreachable'")))
                        == 1);

        assertNothingPersonalLogged();
    }

    @Test
    @DisplayName("GIVEN marked addresses and answers WHEN a family answers by email, a stranger replies, the class"
            + " update is mailed and the family stops email THEN no log line carries a marker")
    void emailFallbackAndClassUpdate() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.useMail(MAIL, BOT, "Zzmarkerklas");
        school.restart();
        school.teacher("class setup", Map.of("name", "Zzmarkerklas"));
        school.teacher("student add", Map.of("name", "Zzmarkerchild"));
        school.teacher("guardian add-email", Map.of("student", "Zzmarkerchild", "email", PARENT));

        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        assertThat(MAIL.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage questions = MAIL.getReceivedMessages()[0];
        reply("zzmarker.vreemde@zzmarker.example", questions, "1. 1\n2. ZZMARKER van een ander");
        reply(
                PARENT,
                questions,
                "1. 4\n2. " + marked("Zzmarker ging goed", 1000) + "\n3. ZZMARKER nog iets\n\n"
                        + "Zzmarker losse tekst zonder nummer\n\nOp ma schreef Zzmarkerklas:\n> 1. Hoe gaat het?");
        assertThat(MAIL.waitForIncomingEmail(30_000, 4)).isTrue();
        school.teacher("update add", Map.of("text", "Zzmarker hoogtepunt"));
        school.teacher("update post-now", Map.of());
        assertThat(MAIL.waitForIncomingEmail(30_000, 5)).isTrue();
        assertThat(school.teacher("checkin results", Map.of())).contains("Zzmarker ging goed");
        reply(PARENT, questions, "STOP");
        Eventually.await(
                "the family to stop email",
                Duration.ofSeconds(30),
                () -> school.inStore(db -> db.read(sql ->
                                sql.count("SELECT COUNT(*) AS n FROM guardian WHERE status_reason = 'unsubscribed'")))
                        == 1);
        Map<String, Long> mails = Arrays.stream(MAIL.getReceivedMessages())
                .collect(Collectors.groupingBy(NothingPersonalInLogsTest::to, Collectors.counting()));
        assertThat(mails).containsEntry(PARENT, 3L); // the questions, the confirmation, the class update

        assertNothingPersonalLogged();
    }

    private static void reply(String from, MimeMessage original, String body) throws Exception {
        SentMail.reply(MAIL, from, BOT, original, body);
    }

    private static String to(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("GIVEN the sandbox WHEN its page adds a marked child and family, posts a marked highlight, starts a"
            + " check-in and a family answers by email and on Discord THEN no log line carries a marker")
    void sandbox() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CLASSBRIDGE_SANDBOX_DATABASE", folder.resolve("sandbox.db").toString());
        env.put("CLASSBRIDGE_SANDBOX_PORT", "0");
        sandbox = Sandbox.start(
                ConfigLoader.load(Path.of("config/classbridge.yml"), env),
                false,
                Clock.systemUTC(),
                SandboxPage::start);
        command("student add", Map.of("name", "Zzmarkersandbox"));
        command("guardian add-email", Map.of("student", "Zzmarkersandbox", "email", PARENT));
        command("update add", Map.of("text", "Zzmarker hoogtepunt *vet*"));
        command("update post-now", Map.of());
        command("invite", Map.of("student", "Zzmarkeronbekend"));
        command("checkin start", Map.of("questionnaire", "check-in"));
        Guardian family = sandbox.bot().store().guardians().findByEmail(PARENT).orElseThrow();
        LocalMail.Mail questions = awaitMail(PARENT, "Zzmarkersandbox");
        post(
                "families/" + family.id() + "/mail/" + questions.id() + "/reply",
                Map.of("body", "1. 5\n2. ZZMARKER antwoord\n3. Zzmarker nog iets"));
        Guardian onDiscord = sandbox
                .bot()
                .store()
                .guardians()
                .inClass(sandbox.bot()
                        .store()
                        .classes()
                        .findByChannel(sandbox.school().channel().id())
                        .orElseThrow()
                        .id())
                .stream()
                .filter(g -> g.discordUserId().isPresent())
                .findFirst()
                .orElseThrow();
        post("act/g" + onDiscord.id() + "/say", Map.of("text", "Zzmarker hallo"));
        // The mails so far: the class update, the questions; then the confirmation of the answers.
        Eventually.await(
                "the confirmation of the email answers",
                Duration.ofSeconds(30),
                () -> sandbox.mail().mailboxOf(PARENT).size() >= 3);
        assertThat(get("")).contains("Zzmarker");
        command("checkin results", Map.of());

        assertNothingPersonalLogged();
    }

    private LocalMail.Mail awaitMail(String address, String containing) {
        Eventually.await(
                "a mail to the family",
                Duration.ofSeconds(30),
                () -> sandbox.mail().mailboxOf(address).stream()
                        .anyMatch(mail -> mail.subject().contains(containing)));
        return sandbox.mail().mailboxOf(address).stream()
                .filter(mail -> mail.subject().contains(containing))
                .findFirst()
                .orElseThrow();
    }

    private String command(String path, Map<String, String> options) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("command", path);
        options.forEach((name, value) -> form.put("option." + name, value));
        return post("teacher/command", form);
    }

    private String post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(sandbox.page().resolve(path))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(sandbox.page().resolve(path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
