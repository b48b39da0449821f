package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.classbridge.sandbox.discord.Interaction;
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
 * Issue 12's conversation cycle end to end: the real ClassBridge with real JDA against the local
 * Discord server, GreenMail's real SMTP and IMAP on loopback, and a real SQLite file. A teacher plans
 * conversations; a Discord family and an email family answer the questions beforehand in their own
 * language; the conversation is marked held, the family gets the questions afterwards, and the
 * teacher writes a private reflection. Nothing of it reaches the class channel.
 */
@Timeout(180)
@DisplayName("The conversation cycle on Discord and by email")
class ConversationOnDiscordTest {
    private static final String BOT = "klas@school.example";
    private static final String MOTHER = "moeder.lotte@example.org";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    SchoolOnDiscord school;
    /** Everything logged, from before the bot starts: no answer, child's view or reflection may be in it. */
    LogCapture logs;
    /** A colleague with the teacher role and a class of his own. */
    LocalUser tom;

    LocalChannel groep7;
    /** A week from now, in the class's time zone: the day of the conversations. */
    LocalDate day;

    @BeforeEach
    void start() throws Exception {
        logs = new LogCapture();
        school = new SchoolOnDiscord(folder, s -> {
            tom = s.discord.addUser("meester.tom");
            s.guild.addMember(tom, s.teacherRole);
            groep7 = s.guild.addTextChannel("groep-7");
        });
        school.useMail(MAIL, BOT, "Groep 6");
        school.restart();
        school.teacher("class setup", Map.of("name", "Groep 6"));
        for (String child : List.of("Sam", "Lotte", "Noor")) {
            school.teacher("student add", Map.of("name", child));
        }
        school.command(tom, groep7, "class setup", Map.of("name", "Groep 7"));
        day = school.clock.instant().atZone(AMSTERDAM).toLocalDate().plusDays(7);
    }

    @AfterEach
    void stop() {
        school.close();
        logs.close();
    }

    @Test
    @DisplayName("GIVEN a Discord family (English) and an email family (Turkish) WHEN the teacher plans their"
            + " conversations THEN each gets the questions beforehand in their language and channel, naming the day,"
            + " and answers them; done sends the questions afterwards; the reflection form stores a private"
            + " reflection; nothing reaches the class channel")
    void wholeCycle() throws Exception {
        // GIVEN Sam's father on Discord, who reads English, and Lotte's mother by email, who reads Turkish
        LocalUser father = school.joined("vader.sam", "Sam");
        school.inStore(db -> db.write(
                sql -> sql.update("UPDATE guardian SET language = 'en' WHERE discord_user_id = ?", father.id())));
        assertThat(school.teacher("guardian add-email", Map.of("student", "Lotte", "email", MOTHER)))
                .contains("Lotte");
        school.inStore(
                db -> db.write(sql -> sql.update("UPDATE guardian SET language = 'tr' WHERE email = ?", MOTHER)));

        // WHEN the teacher plans Sam's conversation at 15:30 and Lotte's on the same day
        String planned =
                school.teacher("conversation plan", Map.of("student", "Sam", "date", day.toString(), "time", "15:30"));
        String lottes = school.teacher("conversation plan", Map.of("student", "Lotte", "date", day.toString()));

        // THEN the teacher reads that it is planned, that the parents get questions, and (groep 6) to ask Sam first
        assertThat(planned)
                .contains("Het gesprek over **Sam** staat gepland", "15:30", "vragen")
                .contains("vraag eerst aan Sam zelf", "/conversation child-view");
        assertThat(lottes).contains("Het gesprek over **Lotte** staat gepland");
        // AND planning Sam again moves the conversation rather than making a second one
        assertThat(school.teacher(
                        "conversation plan", Map.of("student", "Sam", "date", day.toString(), "time", "15:30")))
                .contains("verplaatst");

        // THEN Sam's father gets the greeting in English, naming the day and time of the conversation
        PostedMessage greeting = school.awaitGreeting(father, "Sam");
        String englishDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(Locale.UK)
                .format(day);
        assertThat(greeting.content()).contains("We will meet soon to talk about Sam", englishDay, "15:30");

        // WHEN he answers the three questions in the form, skips the last and presses Done
        PostedMessage step = school.press(father, greeting, "ci:start:");
        step = school.answerInForm(father, step, "How reading goes");
        step = school.answerInForm(father, step, "He cooks with us");
        step = school.answerInForm(father, step, "He likes the break");
        step = school.press(father, step, "ci:skip:");
        school.press(father, step, "ci:done:");

        // THEN his answers are stored on the request of the round about Sam
        assertThat(answersAbout("Sam", "before_round_id"))
                .containsExactlyInAnyOrder("How reading goes", "He cooks with us", "He likes the break");

        // THEN Lotte's mother gets the questions by email, in Turkish, naming the day
        MimeMessage questions = awaitMailTo(MOTHER, "Lotte", 1);
        String turkishDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(Locale.forLanguageTag("tr"))
                .format(day);
        assertThat(questions.getSubject()).contains("Görüşmemizden önce").matches(".*\\[[a-z2-9]{16}]");
        assertThat(plainText(questions)).contains("Yakında Lotte hakkında birlikte konuşacağız", turkishDay);

        // WHEN she replies with her answers  THEN they are stored, verified by the reply token
        reply(MOTHER, questions, "1. Okuma\n2. Kitap okuyor\n3. Arkadaslarini anlatiyor\n");
        Eventually.await(
                "the mother's answers to be stored",
                Duration.ofSeconds(30),
                () -> answersAbout("Lotte", "before_round_id").size() == 3);
        assertThat(answersAbout("Lotte", "before_round_id")).contains("Okuma", "Kitap okuyor");

        // WHEN the teacher lists the conversations  THEN counts only, both answered
        String list = school.teacher("conversation list", Map.of());
        assertThat(list).contains("**Sam**", "**Lotte**", "1 van 1 beantwoord").doesNotContain("Kitap", "reading");

        // WHEN the teacher writes down what Sam said first
        assertThat(school.teacher(
                        "conversation child-view", Map.of("student", "Sam", "text", "Rekenen vind ik moeilijk")))
                .contains("Bewaard", "Sam");

        // WHEN the teacher marks Sam's conversation held
        Interaction done = school.discord.slashCommand(
                school.teacher, school.groep5, "conversation done", Map.of("student", "Sam"));
        PostedMessage answer = done.awaitOriginal();
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("Fijn dat het gesprek over **Sam** is geweest");

        // THEN the father gets the questions afterwards, in English
        school.discord.await(
                "the questions after the conversation",
                () -> school.discord.directMessagesTo(father).stream()
                        .anyMatch(m -> m.id() != greeting.id()
                                && m.content().contains("How was our conversation?")
                                && m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:"))));
        assertThat(school.teacher("conversation done", Map.of("student", "Sam")))
                .contains("al afgerond");

        // WHEN the teacher opens the reflection form from the answer's button and fills two of its fields
        InteractionResponse form = school.discord
                .pressButton(school.teacher, answer, SchoolOnDiscord.idStartingWith(answer, "cv:rf:"))
                .awaitResponse();
        assertThat(form.type()).isEqualTo(InteractionResponse.MODAL);
        String saved = school.discord
                .submitModal(
                        school.teacher,
                        answer,
                        form.data().get("custom_id").asText(),
                        Map.of("went-well", "Vader vertelde open", "differently", "", "take-along", "Eerst luisteren"))
                .awaitResponse()
                .content();

        // THEN it is stored for this teacher only
        assertThat(saved).contains("Je terugblik is bewaard");
        List<String> reflections = school.inStore(db -> db.read(sql -> sql.list(
                "SELECT teacher_user_id, went_well, differently, take_along FROM reflection",
                row -> row.longValue("teacher_user_id") + "|"
                        + row.optionalString("went_well").orElse("")
                        + "|" + row.optionalString("differently").orElse("-")
                        + "|" + row.optionalString("take_along").orElse(""))));
        assertThat(reflections).containsExactly(school.teacher.id() + "|Vader vertelde open|-|Eerst luisteren");

        // AND nothing of the answers, the child's view or the reflection reached the class channel
        assertThat(school.discord.messagesIn(school.groep5))
                .noneMatch(m -> m.content().contains("reading")
                        || m.content().contains("Kitap")
                        || m.content().contains("Rekenen")
                        || m.content().contains("Vader vertelde"));
        assertThat(school.directMessagesOutsideTheOutbox(father)).isEmpty();
        // AND nothing of them is in the log either
        assertThat(logs.linesWith(List.of(
                        "How reading goes", "Kitap okuyor", "Rekenen vind ik", "Vader vertelde", "Eerst luisteren")))
                .isEmpty();
    }

    @Test
    @DisplayName("GIVEN a planned conversation WHEN a non-teacher or a teacher of another class uses any /conversation"
            + " subcommand, or presses or forges the reflection button and form THEN each is refused privately"
            + " and nothing changes")
    void refusedOutsideTheClass() {
        // GIVEN Sam's conversation planned and held by Anna, with its reflection button
        school.teacher("conversation plan", Map.of("student", "Sam", "date", day.toString()));
        PostedMessage answer = school.discord
                .slashCommand(school.teacher, school.groep5, "conversation done", Map.of("student", "Sam"))
                .awaitOriginal();
        String button = SchoolOnDiscord.idStartingWith(answer, "cv:rf:");
        String conversation = button.split(":")[2];
        school.teacher("conversation plan", Map.of("student", "Noor", "date", day.toString()));

        Map<String, Map<String, ?>> everyCommand = Map.of(
                "conversation plan",
                        Map.of("student", "Noor", "date", day.plusDays(1).toString()),
                "conversation child-view", Map.of("student", "Noor", "text", "Gehackt"),
                "conversation done", Map.of("student", "Noor"),
                "conversation cancel", Map.of("student", "Noor"),
                "conversation list", Map.of());
        everyCommand.forEach((command, options) -> {
            // WHEN a member without the teacher role uses it  THEN refused
            assertThat(school.command(school.bystander, school.groep5, command, options))
                    .as(command)
                    .contains("alleen de leerkracht");
            // WHEN the teacher of Groep 7 uses it in Anna's class  THEN refused, nothing of the class shown
            assertThat(school.command(tom, school.groep5, command, options))
                    .as(command)
                    .contains("hoort bij een andere leerkracht")
                    .doesNotContain("Noor");
        });

        // WHEN others press Anna's button or send its form, or forge one  THEN privately refused
        assertThat(school.discord
                        .pressButton(school.bystander, answer, button)
                        .awaitResponse()
                        .content())
                .contains("alleen de leerkracht");
        assertThat(school.discord
                        .pressButton(tom, answer, button)
                        .awaitResponse()
                        .content())
                .contains("hoort bij een andere leerkracht");
        assertThat(school.discord
                        .submitModal(tom, groep7, "cv:rm:" + conversation + ":" + tom.id(), Map.of("went-well", "Hoi"))
                        .awaitResponse()
                        .content())
                .contains("Dit gesprek bestaat niet meer");
        assertThat(school.discord
                        .submitModal(
                                school.teacher,
                                school.groep5,
                                "cv:rm:" + conversation + ":" + tom.id(),
                                Map.of("went-well", "Hoi"))
                        .awaitResponse()
                        .content())
                .contains("hoort bij een andere leerkracht. Je kunt er niets mee doen");
        assertThat(school.discord
                        .submitModal(school.teacher, school.groep5, "cv:rm:x:1", Map.of("went-well", "Hoi"))
                        .awaitResponse()
                        .content())
                .contains("Je kunt er niets mee doen");

        // THEN Noor's conversation is as planned, and no reflection or child's view was stored
        assertThat(school.teacher("conversation list", Map.of()))
                .contains("**Noor**")
                .doesNotContain("**Sam**");
        assertThat(count("SELECT COUNT(*) AS n FROM reflection")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM child_view")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM parent_conversation WHERE cancelled_at IS NOT NULL"))
                .isZero();
        assertThat(school.discord.messagesIn(school.groep5))
                .noneMatch(m -> m.content().contains("Gehackt"));
    }

    @Test
    @DisplayName("GIVEN a class-wide check-in WHEN the teacher looks for questionnaires THEN the conversation"
            + " questionnaires are not offered, and starting one for the class is refused")
    void notForTheWholeClass() {
        // WHEN the teacher types in the questionnaire option  THEN only the class questionnaires are suggested
        InteractionResponse suggestions = school.discord
                .autocomplete(
                        school.teacher,
                        school.groep5,
                        "checkin start",
                        Map.of("questionnaire", "conversation"),
                        "questionnaire")
                .awaitResponse();
        assertThat(suggestions.data().path("choices")).isEmpty();

        // WHEN the before questions are started for the class anyway  THEN refused, and no round is stored
        assertThat(school.teacher("checkin start", Map.of("questionnaire", "before-conversation")))
                .doesNotContain("is gestart");
        assertThat(count("SELECT COUNT(*) AS n FROM checkin_round")).isZero();
    }

    /** The mail's plain text part, decoded. */
    private static String plainText(MimeMessage mail) throws Exception {
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no plain text part");
    }

    private long count(String query) {
        return school.inStore(db -> db.read(sql -> sql.count(query)));
    }

    /** The answers given to the child's conversation's questions (before or after), as stored. */
    private List<String> answersAbout(String child, String roundColumn) {
        return school.inStore(db -> db.read(sql -> sql.list(
                "SELECT a.value FROM answer a JOIN checkin_request r ON r.id = a.request_id"
                        + " JOIN parent_conversation c ON c." + roundColumn + " = r.round_id"
                        + " JOIN student s ON s.id = c.student_id"
                        + " WHERE s.name = ? AND a.skipped = 0",
                row -> row.string("value"),
                child)));
    }

    /** The mail to {@code address} about {@code subjectPart}, once {@code total} mails have arrived. */
    private static MimeMessage awaitMailTo(String address, String subjectPart, int total) {
        assertThat(MAIL.waitForIncomingEmail(30_000, total)).isTrue();
        return mailTo(address, subjectPart).orElseThrow(() -> new AssertionError("no mail about " + subjectPart));
    }

    private static java.util.Optional<MimeMessage> mailTo(String address, String subjectPart) {
        return SentMail.to(MAIL, address, subjectPart);
    }

    private static void reply(String from, MimeMessage original, String body) throws Exception {
        SentMail.reply(MAIL, from, BOT, original, body);
    }
}
