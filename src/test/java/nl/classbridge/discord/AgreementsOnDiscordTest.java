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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
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
 * Issue 12's agreements end to end: real JDA against the local Discord server, GreenMail's real SMTP
 * and IMAP, a real SQLite file. Two parents on Discord and a grandmother by email confirm (or not)
 * an agreement about Sam; the teacher lists them, is reminded on the align-again day, reads the class
 * overview and marks it done. Nothing of it reaches the class channel or the log.
 */
@Timeout(180)
class AgreementsOnDiscordTest {
    private static final String BOT = "klas@school.example";
    private static final String GRANDMA = "oma.sam@example.org";
    private static final String AGREEMENT = "Sam leest elke avond vijftien minuten";
    private static final String OWN_WORDS = "Liever op zaterdagochtend, dan is het rustig";
    private static final String NOT_YOURS = "voor iemand anders bedoeld";
    private static final String NOT_TEACHER = "alleen de leerkracht";
    private static final String NOT_YOUR_CLASS = "hoort bij een andere leerkracht";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    LogCapture logs;
    SchoolOnDiscord school;
    LocalUser tom;
    LocalChannel groep6;

    @BeforeEach
    void start() throws Exception {
        logs = new LogCapture();
        school = new SchoolOnDiscord(folder, s -> {
            tom = s.discord.addUser("meester.tom");
            s.guild.addMember(tom, s.teacherRole);
            groep6 = s.guild.addTextChannel("groep-6");
        });
        school.useMail(MAIL, BOT, "Groep 5");
        school.restart();
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.command(tom, groep6, "class setup", Map.of("name", "Groep 6"));
        school.command(tom, groep6, "student add", Map.of("name", "Fenna"));
    }

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
        logs.close();
    }

    @Test
    @DisplayName("GIVEN Sam's two parents on Discord and his grandmother by email WHEN the teacher adds an agreement"
            + " THEN one parent confirms, the other sees it differently in her words, the grandmother confirms by a"
            + " verified reply while forged replies change nothing; the list, the reminder on the day and the"
            + " overview show it, privately, and nothing reaches the channel or the log")
    void agreeConfirmRemindAndOverview() throws Exception {
        // GIVEN
        LocalUser mum = school.joined("mama.sam", "Sam");
        LocalUser dad = school.joined("papa.sam", "Sam");
        school.teacher("guardian add-email", Map.of("student", "Sam", "email", GRANDMA));
        LocalDate alignOn = LocalDate.now(school.clock.withZone(AMSTERDAM)).plusDays(3);

        // WHEN the teacher adds the agreement
        String added = school.teacher(
                "agreement add",
                Map.of("student", "Sam", "text", AGREEMENT, "owner", "parents", "align-again", alignOn.toString()));
        assertThat(added).contains("opgeslagen", "3 ouders krijgen de afspraak");

        // THEN each Discord parent gets it with two buttons; pressing changes the answer in place
        PostedMessage mumsDm = awaitAgreementDm(mum);
        PostedMessage dadsDm = awaitAgreementDm(dad);
        assertThat(mumsDm.content()).contains(AGREEMENT, "ouders", String.valueOf(alignOn.getYear()));
        PostedMessage confirmed = school.press(mum, mumsDm, "ag:ok:");
        assertThat(confirmed.content()).contains("dit klopt");

        InteractionResponse form = school.discord
                .pressButton(dad, dadsDm, SchoolOnDiscord.idStartingWith(dadsDm, "ag:diff:"))
                .awaitResponse();
        assertThat(form.type()).isEqualTo(InteractionResponse.MODAL);
        PostedMessage differs = school.updated(
                dad,
                dadsDm,
                school.discord.submitModal(
                        dad, dadsDm, form.data().get("custom_id").asText(), Map.of("words", OWN_WORDS)));
        assertThat(differs.content()).contains("leest hoe jij het ziet");
        awaitDmTo(school.teacher, "ziet een afspraak anders");
        assertThat(school.discord.directMessagesTo(school.teacher))
                .noneMatch(m -> m.content().contains("zaterdagochtend"));

        // a forged id and someone else's press are refused privately and change nothing
        long agreementId =
                Long.parseLong(SchoolOnDiscord.idStartingWith(mumsDm, "ag:ok:").substring("ag:ok:".length()));
        for (String forged : List.of("ag:words:" + (agreementId + 1000), "ag:words:abc", "ag:ok:" + agreementId)) {
            assertThat(school.discord
                            .submitModal(mum, mumsDm, forged, Map.of("words", "Vervalst"))
                            .awaitResponse()
                            .content())
                    .as(forged)
                    .contains(NOT_YOURS);
        }
        assertThat(school.discord
                        .pressButton(school.bystander, dadsDm, "ag:ok:" + agreementId)
                        .awaitResponse()
                        .content())
                .contains(NOT_YOURS);
        assertThat(school.discord
                        .submitModal(school.bystander, dadsDm, "ag:words:" + agreementId, Map.of("words", "Gehackt"))
                        .awaitResponse()
                        .content())
                .contains(NOT_YOURS);

        // the grandmother gets a mail; a reply from another address, and one with a wrong code, change nothing
        MimeMessage mail = awaitMailTo(GRANDMA, "Sam");
        assertThat(GreenMailUtil.getBody(mail)).contains("vijftien minuten", "ja");
        reply("iemand.anders@example.org", mail.getSubject(), "ja");
        reply(GRANDMA, mail.getSubject().replaceAll("\\[[a-z2-9]{16}]", "[abcdefghijkmnpqr]"), "ja");
        Eventually.await(
                "both forged replies to be read",
                Duration.ofSeconds(60),
                () -> count("SELECT COUNT(*) AS n FROM mail_seen WHERE outcome LIKE 'unverified-%'") == 2);
        assertThat(count("SELECT COUNT(*) AS n FROM agreement_confirmation WHERE status = 'confirmed'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM agreement_confirmation WHERE own_words LIKE '%Vervalst%'"
                        + " OR own_words LIKE '%Gehackt%'"))
                .isZero();
        reply(GRANDMA, mail.getSubject(), "Ja!\n\nOp maandag schreef Groep 5:\n> " + AGREEMENT);
        Eventually.await(
                "the grandmother's reply to confirm",
                Duration.ofSeconds(60),
                () -> count("SELECT COUNT(*) AS n FROM agreement_confirmation WHERE status = 'confirmed'") == 2);

        // THEN the teacher's list shows all three answers
        String list = school.teacher("agreement list", Map.of("student", "Sam"));
        assertThat(list)
                .contains(AGREEMENT, "ouders", "open")
                .contains("mama.sam: klopt", "example.org: klopt")
                .contains("papa.sam: ziet het anders", OWN_WORDS);

        // WHEN the align-again day comes, past 08:00 in Amsterdam
        Instant eight = alignOn.atTime(8, 1).atZone(AMSTERDAM).toInstant();
        school.clock.jump(Duration.between(school.clock.instant(), eight));
        school.bot.clockMoved();

        // THEN the teacher and each parent are reminded, once
        awaitDmTo(school.teacher, "/prep student:Sam");
        awaitDmTo(mum, "stemmen we opnieuw af");
        awaitDmTo(dad, "stemmen we opnieuw af");
        assertThat(MAIL.waitForIncomingEmail(30_000, 5)).isTrue();
        assertThat(mailTo(GRANDMA, "opnieuw af")).isNotEmpty();
        school.bot.clockMoved();
        assertThat(count("SELECT COUNT(*) AS n FROM delivery WHERE kind = 'agreement-reminder'"))
                .isEqualTo(3);

        // and the overview shows where Sam's family stands
        String overview = school.teacher("class overview", Map.of());
        assertThat(overview).contains("Overzicht van Groep 5", "Sam", "Open afspraken: 1", "vijftien minuten");
        assertThat(overview).contains("Opnieuw afstemmen:");

        // WHEN the teacher marks it done (suggested by its text)
        InteractionResponse suggested = school.discord
                .autocomplete(
                        school.teacher,
                        school.groep5,
                        "agreement done",
                        Map.of("student", "Sam", "agreement", "leest"),
                        "agreement")
                .awaitResponse();
        assertThat(suggested.data().path("choices").findValuesAsText("value"))
                .containsExactly(String.valueOf(agreementId));
        assertThat(school.teacher("agreement done", Map.of("student", "Sam", "agreement", String.valueOf(agreementId))))
                .contains("afgerond");
        assertThat(school.teacher("class overview", Map.of())).contains("Open afspraken: 0");

        // THEN nothing of it was in the class channel, every DM went through the outbox, and the log is clean
        assertThat(school.discord.messagesIn(school.groep5))
                .filteredOn(m -> !m.ephemeral())
                .noneMatch(m -> m.content().contains("vijftien") || m.content().contains("zaterdag"));
        assertThat(school.discord.messagesIn(school.groep5))
                .filteredOn(m -> m.content().contains("vijftien"))
                .allMatch(PostedMessage::ephemeral);
        assertThat(school.directMessagesOutsideTheOutbox(mum, dad, school.teacher))
                .isEmpty();
        assertThat(logs.linesWith(List.of(AGREEMENT, "vijftien minuten", "zaterdagochtend", GRANDMA)))
                .isEmpty();
    }

    @Test
    @DisplayName("GIVEN an agreement about Sam in Anna's class WHEN a member without the teacher role, or the teacher"
            + " of another class, uses every /agreement subcommand and /class overview THEN each is refused and"
            + " nothing is shown or changed")
    void othersAreRefused() {
        school.joined("mama.sam", "Sam");
        school.teacher("agreement add", Map.of("student", "Sam", "text", AGREEMENT, "owner", "together"));
        long agreementId = school.inStore(
                        db -> db.read(sql -> sql.one("SELECT id FROM agreement", row -> row.longValue("id"))))
                .orElseThrow();
        Map<String, Map<String, ?>> commands = Map.of(
                "agreement add", Map.of("student", "Sam", "text", "Van een ander", "owner", "teacher"),
                "agreement list", Map.of("student", "Sam"),
                "agreement done", Map.of("student", "Sam", "agreement", String.valueOf(agreementId)),
                "class overview", Map.of());

        commands.forEach((command, options) -> {
            assertThat(school.command(school.bystander, school.groep5, command, options))
                    .as(command)
                    .contains(NOT_TEACHER)
                    .doesNotContain("vijftien");
            assertThat(school.command(tom, school.groep5, command, options))
                    .as(command)
                    .contains(NOT_YOUR_CLASS)
                    .doesNotContain("vijftien");
        });
        assertThat(school.command(
                        tom,
                        groep6,
                        "agreement done",
                        Map.of("student", "Sam", "agreement", String.valueOf(agreementId))))
                .doesNotContain("afgerond");
        assertThat(school.command(tom, groep6, "class overview", Map.of()))
                .contains("Fenna")
                .doesNotContain("Sam");
        InteractionResponse suggested = school.discord
                .autocomplete(
                        tom, school.groep5, "agreement done", Map.of("student", "Sam", "agreement", ""), "agreement")
                .awaitResponse();
        assertThat(suggested.data().path("choices").findValuesAsText("value")).isEmpty();

        assertThat(count("SELECT COUNT(*) AS n FROM agreement")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM agreement WHERE status = 'open'"))
                .isEqualTo(1);
    }

    private PostedMessage awaitAgreementDm(LocalUser parent) {
        return school.discord.awaitValue(
                "the agreement to confirm, for " + parent.username(),
                () -> school.discord.directMessagesTo(parent).stream()
                        .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ag:ok:")))
                        .findFirst());
    }

    private void awaitDmTo(LocalUser user, String containing) {
        school.discord.await(
                "a DM to " + user.username() + " with " + containing,
                Duration.ofSeconds(30),
                () -> school.discord.directMessagesTo(user).stream()
                        .anyMatch(m -> m.content().contains(containing)));
    }

    private long count(String query) {
        return school.inStore(db -> db.read(sql -> sql.count(query)));
    }

    private MimeMessage awaitMailTo(String address, String subjectPart) {
        Eventually.await(
                "a mail to " + address + " about " + subjectPart,
                Duration.ofSeconds(30),
                () -> mailTo(address, subjectPart).isPresent());
        return mailTo(address, subjectPart).orElseThrow();
    }

    private static java.util.Optional<MimeMessage> mailTo(String address, String subjectPart) {
        return SentMail.to(MAIL, address, subjectPart);
    }

    private void reply(String from, String subject, String body) throws Exception {
        MimeMessage reply = new MimeMessage(MAIL.getSmtp().createSession());
        reply.setFrom(new InternetAddress(from));
        reply.setRecipients(Message.RecipientType.TO, BOT);
        reply.setSubject("Re: " + subject, "UTF-8");
        reply.setText(body, "UTF-8");
        GreenMailUtil.sendMimeMessage(reply);
    }
}
