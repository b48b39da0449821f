package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
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
 * Issue 13's {@code /preferences} end to end: real JDA against the local Discord server, GreenMail's
 * real SMTP and IMAP, a real SQLite file. A parent changes her plan with the menus and forms, confirms
 * two new addresses with the codes mailed to them (the old one is told), and nobody else can press her
 * answer; an email-only grandmother does the same by verified mail, and a forged mail changes nothing.
 */
@Timeout(180)
class PreferencesOnDiscordTest {
    private static final String BOT = "klas@school.example";
    private static final String FIRST = "mama.sam@example.org";
    private static final String SECOND = "sam.thuis@example.net";
    private static final String GRANDMA = "oma.sam@example.org";
    private static final String GRANDMA_NEW = "oma.nieuw@example.com";
    private static final String NOT_YOURS = "voor iemand anders bedoeld";
    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    LogCapture logs;
    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        logs = new LogCapture();
        school = new SchoolOnDiscord(folder);
        school.useMail(MAIL, BOT, "Groep 5");
        school.restart();
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
    }

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
        logs.close();
    }

    @Test
    @DisplayName("GIVEN Sam's mother on Discord WHEN she uses /preferences THEN she changes language and channel with"
            + " the menus, quiet hours in a form, and two addresses with the codes mailed to them (the old address"
            + " is told); someone else's press, a forged id or value change nothing; a non-parent is told how to join")
    void aParentChangesHerPlanOnDiscord() throws Exception {
        LocalUser mum = school.joined("mama.sam", "Sam");
        LocalUser dad = school.joined("papa.sam", "Sam");
        assertThat(school.command(school.bystander, school.groep5, "preferences", Map.of()))
                .contains("/meedoen");

        Interaction asked =
                school.discord.slashCommand(mum, school.discord.directChannel(mum), "preferences", Map.of());
        InteractionResponse answer = asked.awaitResponse();
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("Jouw voorkeuren", "Berichten: **Discord**", "E-mailadres: nog geen");
        PostedMessage shown = asked.awaitOriginal();
        String languageId = SchoolOnDiscord.idStartingWith(shown, "pf:lang:");
        long guardianId = Long.parseLong(languageId.substring("pf:lang:".length()));

        // Someone else's press, a forged id and a forged value change nothing.
        assertThat(school.discord
                        .chooseOptions(school.bystander, shown, languageId, List.of("en"))
                        .awaitResponse()
                        .content())
                .contains(NOT_YOURS);
        assertThat(school.discord
                        .chooseOptions(dad, shown, languageId, List.of("en"))
                        .awaitResponse()
                        .content())
                .contains(NOT_YOURS);
        assertThat(school.discord
                        .chooseOptions(mum, shown, languageId, List.of("xx"))
                        .awaitResponse()
                        .content())
                .contains(NOT_YOURS);
        assertThat(school.discord
                        .submitModal(dad, shown, "pf:emailf:" + guardianId, Map.of("email", "gehackt@example.org"))
                        .awaitResponse()
                        .content())
                .contains(NOT_YOURS);
        assertThat(school.discord
                        .submitModal(
                                mum, shown, "pf:emailf:" + (guardianId + 1), Map.of("email", "gehackt@example.org"))
                        .awaitResponse()
                        .content())
                .contains(NOT_YOURS);
        assertThat(school.discord
                        .submitModal(mum, shown, "pf:nope:" + guardianId, Map.of("email", "gehackt@example.org"))
                        .awaitResponse()
                        .content())
                .contains(NOT_YOURS);
        assertThat(count("SELECT COUNT(*) AS n FROM family_confirmation")).isZero();
        // Both joined from a Dutch Discord app, so Dutch is their language; no press changed it.
        assertThat(count("SELECT COUNT(*) AS n FROM guardian WHERE language IS NOT 'nl'"))
                .isZero();

        // WHEN she picks English, then email (no address yet), then sets quiet hours in the form
        shown = update(mum, shown, school.discord.chooseOptions(mum, shown, languageId, List.of("en")));
        assertThat(shown.content()).contains("Saved: language.", "Your preferences", "Language: **English**");
        shown = update(mum, shown, school.discord.chooseOptions(mum, shown, id(shown, "pf:chan:"), List.of("email")));
        assertThat(shown.content()).contains("Add a new email address first", "Messages: **Discord**");
        shown = submit(mum, shown, "pf:quiet:", Map.of("quiet", "21:00 - 7:15"));
        assertThat(shown.content()).contains("Saved: quiet hours.", "21:00", "07:15", "Europe/Amsterdam");
        Map<String, String> badTimes = Map.of("quiet", "25:00-07:00");
        shown = submit(mum, shown, "pf:quiet:", badTimes);
        assertThat(shown.content()).contains("I could not read those times");
        shown = update(
                mum, shown, school.discord.chooseOptions(mum, shown, id(shown, "pf:times:"), List.of("evening")));
        assertThat(shown.content()).contains("Best time to reach you: **In the evening**");

        // WHEN she gives an address: a code goes there; a wrong code is refused; the right one makes it hers
        shown = submit(mum, shown, "pf:email:", Map.of("email", "geen adres"));
        assertThat(shown.content()).contains("does not look like an email address");
        shown = submit(mum, shown, "pf:email:", Map.of("email", FIRST));
        assertThat(shown.content()).contains("We sent a code to " + md(FIRST), "Waiting for the code");
        String code = codeIn(awaitMailTo(FIRST, "code"));
        shown = submit(mum, shown, "pf:code:", Map.of("code", "ABCDE-FGHJK"));
        assertThat(shown.content()).contains("That code is not right", "4 more");
        shown = submit(mum, shown, "pf:code:", Map.of("code", code.toLowerCase()));
        assertThat(shown.content()).contains("Done! From now on we use " + md(FIRST), "Email address: **" + md(FIRST));
        assertThat(shown.customIds()).noneMatch(id -> id.startsWith("pf:code:"));
        shown = update(mum, shown, school.discord.chooseOptions(mum, shown, id(shown, "pf:chan:"), List.of("both")));
        assertThat(shown.content()).contains("Saved: how you get messages.", "Messages: **Discord and email**");

        // WHEN she moves to a second address: the first is told once the second is confirmed
        shown = submit(mum, shown, "pf:email:", Map.of("email", SECOND));
        shown = submit(mum, shown, "pf:code:", Map.of("code", codeIn(awaitMailTo(SECOND, "code"))));
        assertThat(shown.content()).contains("From now on we use " + md(SECOND));
        MimeMessage told = awaitMailTo(FIRST, "changed");
        assertThat(GreenMailUtil.getBody(told)).contains("sam.thuis@example.net", "teacher");

        // THEN the store holds her plan, the audit names fields only, and nothing reached the channel or the log
        assertThat(count("SELECT COUNT(*) AS n FROM guardian WHERE email = '" + SECOND
                        + "' AND language = 'en' AND preferred_channel = 'both' AND contact_times = 'evening'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'family:preferences'"
                        + " AND actor_user_id = " + mum.id()))
                .isGreaterThanOrEqualTo(8);
        assertThat(count("SELECT COUNT(*) AS n FROM audit_log WHERE detail LIKE '%@%' OR detail LIKE '%21%'"))
                .isZero();
        assertThat(school.discord.messagesIn(school.groep5))
                .filteredOn(m -> !m.ephemeral())
                .noneMatch(m -> m.content().contains("@example"));
        assertThat(logs.linesWith(List.of(FIRST, SECOND, code)))
                .as("nothing of hers logged (the test's own queries aside)")
                .allMatch(line -> line.contains("[SQLite EXEC]"));
    }

    @Test
    @DisplayName("GIVEN Sam's grandmother by email WHEN she replies PREFERENCES with lines THEN her language changes,"
            + " a code goes to her new address, and replying the code from her address makes it hers (the old one"
            + " is told); a forged mail from her address without a token changes nothing and reaches the teacher")
    void aGrandmotherChangesHerPlanByMail() throws Exception {
        school.teacher("guardian add-email", Map.of("student", "Sam", "email", GRANDMA));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        MimeMessage questions = awaitMailTo(GRANDMA, "Sam");

        // A forged request: her address, but no token of ours
        send(GRANDMA, "Voorkeuren", "VOORKEUREN\ntaal: ar\ne-mail: aanvaller@example.com");
        Eventually.await(
                "the forged request to be read",
                Duration.ofSeconds(60),
                () -> count("SELECT COUNT(*) AS n FROM mail_seen WHERE outcome LIKE 'unverified-%'") == 1);
        school.discord.await(
                "the teacher told of the unverified mail",
                Duration.ofSeconds(30),
                () -> school.discord.directMessagesTo(school.teacher).stream()
                        .anyMatch(m -> m.content().contains("aanvaller")));
        assertThat(count("SELECT COUNT(*) AS n FROM guardian WHERE language IS NOT NULL"))
                .isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM family_confirmation")).isZero();

        // The keyword alone: her plan and how to change it
        SentMail.reply(MAIL, GRANDMA, BOT, questions, "Voorkeuren");
        MimeMessage plan = awaitMailTo(GRANDMA, "voorkeuren");
        assertThat(GreenMailUtil.getBody(plan)).contains("Berichten", "E-mail", "taal: nl", "VOORKEUREN");

        // Lines: a new language and a new address
        SentMail.reply(
                MAIL, GRANDMA, BOT, questions, "VOORKEUREN\ntaal: en\ne-mail: " + GRANDMA_NEW + "\nkleur: blauw");
        MimeMessage answered = awaitMailTo(GRANDMA, "Your preferences");
        assertThat(GreenMailUtil.getBody(answered))
                .contains("Saved: language.", "We sent a code to", "We did not understand one line");
        String code = codeIn(awaitMailTo(GRANDMA_NEW, "code"));
        assertThat(count("SELECT COUNT(*) AS n FROM guardian WHERE email = '" + GRANDMA + "'"))
                .isEqualTo(1);

        // The code, replied from her current address, confirms the new one
        SentMail.reply(MAIL, GRANDMA, BOT, answered, "PREFERENCES\ncode: " + code);
        Eventually.await(
                "her new address to be hers",
                Duration.ofSeconds(60),
                () -> count("SELECT COUNT(*) AS n FROM guardian WHERE email = '" + GRANDMA_NEW + "'") == 1);
        MimeMessage told = awaitMailTo(GRANDMA, "changed");
        assertThat(GreenMailUtil.getBody(told)).contains(GRANDMA_NEW);
        assertThat(
                        count(
                                "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'family:preferences' AND actor_user_id = 0"))
                .isGreaterThanOrEqualTo(3);
        assertThat(logs.linesWith(List.of(GRANDMA_NEW, code, "aanvaller")))
                .as("nothing of hers logged (the test's own queries aside)")
                .allMatch(line -> line.contains("[SQLite EXEC]"));
    }

    private PostedMessage submit(LocalUser parent, PostedMessage message, String button, Map<String, String> inputs) {
        InteractionResponse form =
                school.discord.pressButton(parent, message, id(message, button)).awaitResponse();
        assertThat(form.type()).as(form.content()).isEqualTo(InteractionResponse.MODAL);
        return update(
                parent,
                message,
                school.discord.submitModal(
                        parent, message, form.data().get("custom_id").asText(), inputs));
    }

    private PostedMessage update(LocalUser parent, PostedMessage message, Interaction interaction) {
        InteractionResponse response = interaction.awaitResponse();
        assertThat(response.type()).as(response.content()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        school.discord.await(
                "the answer to show the change",
                () -> school.discord
                        .message(message.id())
                        .map(m -> m.content().equals(response.content()))
                        .orElse(false));
        return school.discord.message(message.id()).orElseThrow();
    }

    /** An address as Discord Markdown shows it, escaped so it is never a link or a mention. */
    private static String md(String address) {
        return address.replace("@", "\\@");
    }

    private static String id(PostedMessage message, String prefix) {
        return SchoolOnDiscord.idStartingWith(message, prefix);
    }

    private static String codeIn(MimeMessage mail) throws Exception {
        Matcher matcher = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    private long count(String query) {
        return school.inStore(db -> db.read(sql -> sql.count(query)));
    }

    private MimeMessage awaitMailTo(String address, String subjectPart) {
        Eventually.await(
                "a mail to " + address + " about " + subjectPart,
                Duration.ofSeconds(60),
                () -> SentMail.to(MAIL, address, subjectPart).isPresent());
        return SentMail.to(MAIL, address, subjectPart).orElseThrow();
    }

    private static void send(String from, String subject, String body) throws Exception {
        MimeMessage mail = new MimeMessage(MAIL.getSmtp().createSession());
        mail.setFrom(new InternetAddress(from));
        mail.setRecipients(Message.RecipientType.TO, BOT);
        mail.setSubject(subject, "UTF-8");
        mail.setText(body, "UTF-8");
        GreenMailUtil.sendMimeMessage(mail);
    }
}
