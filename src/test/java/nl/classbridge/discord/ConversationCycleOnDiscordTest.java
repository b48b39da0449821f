package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.classbridge.sandbox.discord.AttachedFile;
import nl.classbridge.sandbox.discord.InteractionResponse;
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
 * Issue 12's acceptance: the conversation cycle as one story, with the real ClassBridge (real JDA
 * against the local Discord server, GreenMail's real SMTP and IMAP, a real SQLite file). Two check-in
 * rounds show who is worth a conversation; the teacher plans one, the family answers beforehand, the
 * teacher prepares it on one page, writes down agreements the parents confirm or see differently,
 * marks it held, reads the answers afterwards, and is reminded with the family on the align-again
 * day at 08:00. Nothing of what families share reaches the class channel or the log.
 */
@Timeout(180)
@DisplayName("The conversation cycle, one school year's story on Discord and by email")
class ConversationCycleOnDiscordTest {
    private static final String BOT = "klas@school.example";
    private static final String NOOR_FATHER = "vader.noor@example.org";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    // What the families, the child and the teacher write: none of it may reach the channel or the log.
    private static final String SAM_FIRST = "Zwemdiploma A gehaald";
    private static final String SAM_TURKISH = "Yeni bir arkadaş buldu";
    private static final String MILA_FIRST = "Ze speelde met haar nichtje";
    private static final String MILA_SECOND = "Ze slaapt onrustig";
    private static final String NOOR_FIRST = "Noor leest elke avond voor";
    private static final String NOOR_SECOND = "Ze vertelt over de moestuin";
    private static final String TALK_ABOUT = "Waarom Sam stiller is";
    private static final String AT_HOME = "Hij bakt graag pannenkoeken";
    private static final String ABOUT_SCHOOL = "Okulda futbol oynuyor";
    private static final String CHILD_VIEW = "In de pauze sta ik vaak alleen";
    private static final String NEEDS = "Lees thuis tien minuten samen";
    private static final String READING = "Sam leest elke avond met papa";
    private static final String PLAYGROUND = "Juf zoekt een speelmaatje voor de pauze";
    private static final String DIFFERENT = "Hafta sonu daha iyi olur";
    private static final String AFTERWARDS = "Fijn dat we zo open konden praten";
    private static final String DAD_REMINDER = "Vandaag stemmen we opnieuw af over Sam";
    private static final String MUM_REMINDER = "Bugün, anlaştığımız gibi Sam hakkında yeniden konuşuyoruz";
    private static final List<String> PRIVATE = List.of(
            SAM_FIRST,
            SAM_TURKISH,
            MILA_FIRST,
            MILA_SECOND,
            NOOR_FIRST,
            NOOR_SECOND,
            TALK_ABOUT,
            AT_HOME,
            ABOUT_SCHOOL,
            CHILD_VIEW,
            READING,
            PLAYGROUND,
            DIFFERENT,
            AFTERWARDS,
            NOOR_FATHER);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    LogCapture logs;
    SchoolOnDiscord school;
    /** The Start buttons of the questionnaires each parent was greeted for so far, so the next one is found. */
    final Set<String> greeted = new HashSet<>();

    @BeforeEach
    void start() throws Exception {
        logs = new LogCapture();
        school = new SchoolOnDiscord(folder);
        school.useMail(MAIL, BOT, "Groep 6");
        school.restart();
    }

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
        logs.close();
    }

    @Test
    @DisplayName("GIVEN three families (two on Discord, one Turkish-speaking; one by email) and two check-in rounds"
            + " WHEN the teacher reads the results, plans, prepares and holds a conversation, writes agreements down"
            + " and the align-again day comes THEN at each step the teacher and the parents see what they should,"
            + " privately, the reminders come at 08:00 once, and nothing reaches the class channel or the log")
    void oneConversationCycle() throws Exception {
        // GIVEN Groep 6 with Sam (father, and a mother who reads Turkish), Mila (mother) and Noor (father by email)
        school.teacher("class setup", Map.of("name", "Groep 6"));
        for (String child : List.of("Sam", "Mila", "Noor")) {
            school.teacher("student add", Map.of("name", child));
        }
        LocalUser samsDad = school.joined("papa.sam", "Sam");
        LocalUser samsMum = school.joined("anne.sam", "Sam");
        school.inStore(db -> db.write(
                sql -> sql.update("UPDATE guardian SET language = 'tr' WHERE discord_user_id = ?", samsMum.id())));
        LocalUser milasMum = school.joined("mama.mila", "Mila");
        assertThat(school.teacher("guardian add-email", Map.of("student", "Noor", "email", NOOR_FATHER)))
                .contains("Noor");

        // STEP 1: the first round, answered by all three families (Noor's father by a verified reply)
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answerCheckIn(samsDad, "Sam", 5, SAM_FIRST);
        answerCheckIn(milasMum, "Mila", 3, MILA_FIRST);
        MimeMessage firstMail = awaitQuestionsToNoorsFather(1);
        reply(firstMail, "1. 4\n2. " + NOOR_FIRST + "\n");
        Eventually.await("Noor's father's first answers", Duration.ofSeconds(30), () -> answers(NOOR_FIRST) == 1);
        leftUnanswered(samsMum, "Sam");

        // and a second round eight days later: Sam's well-being fell from 5 to 3 (his mother, in Turkish),
        // Mila's is 2, and Noor's father says "ja" to talking with the teacher
        school.clock.jump(Duration.ofDays(8));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answerCheckIn(samsMum, "Sam", 3, SAM_TURKISH);
        answerCheckIn(milasMum, "Mila", 2, MILA_SECOND);
        MimeMessage secondMail = awaitQuestionsToNoorsFather(2);
        reply(secondMail, "1. 4\n2. " + NOOR_SECOND + "\n3.\n4. ja\n");
        Eventually.await("Noor's father's second answers", Duration.ofSeconds(30), () -> answers(NOOR_SECOND) == 1);
        leftUnanswered(samsDad, "Sam");

        // STEP 2: the teacher was told privately that Noor's family would like to talk, without their words
        String notice = school.discord.awaitValue(
                "the teacher's notice that Noor's family would like to talk",
                () -> teacherDms().stream()
                        .filter(m -> m.contains("Het gezin van Noor wil graag met je praten"))
                        .findFirst());
        assertThat(notice).doesNotContain(NOOR_SECOND);
        // and /checkin results, only for her, names all three children and Sam's mother's language
        InteractionResponse results = school.discord
                .slashCommand(school.teacher, school.groep5, "checkin results", Map.of())
                .awaitResponse();
        assertThat(results.ephemeral()).isTrue();
        assertThat(DiscordView.visible(results.content()))
                .contains("Misschien fijn om even te spreken")
                .contains("Mila: nu 🙁 Niet zo goed")
                .contains("Sam: nu 😐 Gaat wel, vorige keer 😄 Heel goed")
                .contains("Noor: het gezin wil graag met je praten")
                .contains(SAM_TURKISH + " (in het Turks)")
                .contains(MILA_SECOND, NOOR_SECOND);

        // STEP 3: the teacher plans Sam's conversation four days ahead at 15:30
        LocalDate today = today();
        LocalDate conversationDay = today.plusDays(4);
        assertThat(school.teacher(
                        "conversation plan",
                        Map.of("student", "Sam", "date", conversationDay.toString(), "time", "15:30")))
                .contains("Het gesprek over **Sam** staat gepland", "15:30")
                .contains("vraag eerst aan Sam zelf");
        // both parents get the questions beforehand, on Discord, in their own language, and answer them
        PostedMessage dadsBefore = awaitGreeting(samsDad, "Sam");
        assertThat(dadsBefore.content()).contains("Binnenkort praten we samen over Sam", "15:30");
        PostedMessage step = school.press(samsDad, dadsBefore, "ci:start:");
        step = school.answerInForm(samsDad, step, TALK_ABOUT);
        step = school.answerInForm(samsDad, step, AT_HOME);
        step = school.answerInForm(samsDad, step, "Hij vertelt weinig");
        school.press(samsDad, school.press(samsDad, step, "ci:skip:"), "ci:done:");
        PostedMessage mumsBefore = awaitGreeting(samsMum, "Sam");
        assertThat(mumsBefore.content()).contains("Yakında Sam hakkında birlikte konuşacağız", "15:30");
        step = school.press(samsMum, mumsBefore, "ci:start:");
        step = school.answerInForm(samsMum, step, "Arkadaşlar");
        step = school.answerInForm(samsMum, step, "Yemek yapıyoruz");
        step = school.answerInForm(samsMum, step, ABOUT_SCHOOL);
        school.press(samsMum, school.press(samsMum, step, "ci:skip:"), "ci:done:");
        assertThat(school.teacher("conversation list", Map.of()))
                .contains("**Sam**", "2 van 2 beantwoord")
                .doesNotContain(TALK_ABOUT, ABOUT_SCHOOL);
        // and the teacher writes down what Sam said when she asked him first
        assertThat(school.teacher("conversation child-view", Map.of("student", "Sam", "text", CHILD_VIEW)))
                .contains("Bewaard", "Sam");

        // STEP 4: a class highlight and the teacher's own words of what she asks of parents; then /prep
        school.teacher(
                "update add",
                Map.of(
                        "text",
                        "We bouwden samen een brug van papier die een heel boek kon dragen",
                        "kind",
                        "learning"));
        school.teacher("class needs", Map.of("text", NEEDS));
        String sheet = prep("Sam");
        assertThat(sheet)
                .contains("Gesprek voorbereiden: Sam")
                .contains("1. Wat goed gaat", "een brug van papier", SAM_FIRST, AT_HOME)
                .contains("2. Het verhaal van het gezin, in hun eigen woorden", TALK_ABOUT, ABOUT_SCHOOL)
                .contains(SAM_TURKISH, "(in het Turks)")
                .contains("3. Wat Sam zelf zegt", CHILD_VIEW)
                .contains("4. Wie doet wat", "Wat ik van de ouders vraag: " + NEEDS)
                .contains("5. Eerdere afspraken", "Nog geen afspraken.")
                .contains("6. Vragen om te stellen", "Het welbevinden ging van 😄 Heel goed naar 😐 Gaat wel.");

        // STEP 5: two agreements about Sam, to align again ten days from now; one about Mila a day earlier
        LocalDate alignOn = today.plusDays(10);
        assertThat(agreement("Sam", READING, "parents", alignOn))
                .contains("opgeslagen", "2 ouders krijgen de afspraak");
        assertThat(agreement("Sam", PLAYGROUND, "teacher", alignOn))
                .contains("opgeslagen", "2 ouders krijgen de afspraak");
        agreement("Mila", "Mila mag een knuffel meenemen", "child", alignOn.minusDays(1));
        // Sam's father confirms the first; his mother sees it differently, in her own words
        PostedMessage dadsAgreement = awaitAgreement(samsDad, READING);
        assertThat(dadsAgreement.content()).contains(READING, "ouders");
        assertThat(school.press(samsDad, dadsAgreement, "ag:ok:").content()).contains("dit klopt");
        PostedMessage mumsAgreement = awaitAgreement(samsMum, READING);
        InteractionResponse form = school.discord
                .pressButton(samsMum, mumsAgreement, SchoolOnDiscord.idStartingWith(mumsAgreement, "ag:diff:"))
                .awaitResponse();
        assertThat(form.type()).isEqualTo(InteractionResponse.MODAL);
        school.updated(
                samsMum,
                mumsAgreement,
                school.discord.submitModal(
                        samsMum, mumsAgreement, form.data().get("custom_id").asText(), Map.of("words", DIFFERENT)));
        awaitDm(school.teacher, "ziet een afspraak anders");
        assertThat(teacherDms()).noneMatch(m -> m.contains(DIFFERENT));
        assertThat(school.teacher("agreement list", Map.of("student", "Sam")))
                .contains(READING, PLAYGROUND)
                .contains("papa.sam: klopt")
                .contains("anne.sam: ziet het anders", DIFFERENT);

        // STEP 6: the conversation took place; both parents get the questions afterwards, and answer them
        PostedMessage done = school.discord
                .slashCommand(school.teacher, school.groep5, "conversation done", Map.of("student", "Sam"))
                .awaitOriginal();
        assertThat(done.ephemeral()).isTrue();
        assertThat(done.content()).contains("Fijn dat het gesprek over **Sam** is geweest");
        answerAfterwards(samsDad, 1, AFTERWARDS);
        answerAfterwards(samsMum, 0, null);
        String overview = school.teacher("class overview", Map.of());
        assertThat(overview)
                .contains("Overzicht van Groep 6", "**Sam**", "Open afspraken: 2", READING)
                .contains("Laatste gesprek:", "Na het gesprek: Kon je in ons gesprek alles vertellen")
                .contains(": 4/5; ", ": ja; ", "Wanneer praten we weer met elkaar?: Over");
        assertThat(prep("Sam"))
                .contains("Het laatste gesprek was op")
                .contains("Na het gesprek van")
                .contains(AFTERWARDS)
                .contains("anne.sam (in het Turks) ziet het anders: " + DIFFERENT);

        // STEP 7: on the align-again day at 07:59 the jobs run: Mila's reminder of yesterday comes, Sam's not yet
        int teacherDmsBefore = teacherDms().size();
        moveClockTo(alignOn.atTime(7, 59).atZone(AMSTERDAM).toInstant());
        awaitDm(school.teacher, "/prep student:Mila");
        assertThat(teacherDms()).noneMatch(m -> m.contains("/prep student:Sam"));
        assertThat(remindersAbout("Sam")).isZero();
        assertThat(dmsWith(samsDad, DAD_REMINDER) + dmsWith(samsMum, MUM_REMINDER))
                .isZero();
        // at 08:00 the teacher and both of Sam's parents are reminded, once
        moveClockTo(alignOn.atTime(8, 0, 30).atZone(AMSTERDAM).toInstant());
        String reminder = awaitDm(school.teacher, "/prep student:Sam");
        assertThat(reminder).contains("Vandaag stemmen jullie opnieuw af over Sam", READING, PLAYGROUND);
        assertThat(awaitDm(samsDad, DAD_REMINDER)).contains("neemt contact met je op", READING);
        assertThat(awaitDm(samsMum, MUM_REMINDER)).contains(READING);
        school.bot.clockMoved();
        Eventually.await("the reminders to be sent", Duration.ofSeconds(30), () -> remindersAbout("Sam") == 3);
        assertThat(teacherDms().subList(teacherDmsBefore, teacherDms().size()))
                .filteredOn(m -> m.contains("/prep student:Sam"))
                .hasSize(1);
        assertThat(dmsWith(samsDad, DAD_REMINDER)).isOne();
        assertThat(dmsWith(samsMum, MUM_REMINDER)).isOne();

        // STEP 8: the local server keeps the teacher's private replies in the channel's list: they held the
        // families' words; what everyone in the channel sees holds none of them, nor does the log
        List<PostedMessage> channel = school.discord.messagesIn(school.groep5);
        assertThat(channel).anyMatch(m -> m.ephemeral() && m.content().contains(SAM_TURKISH));
        assertThat(channel)
                .filteredOn(m -> !m.ephemeral())
                .allSatisfy(m -> assertThat(m.content()).doesNotContain(PRIVATE));
        assertThat(channel)
                .filteredOn(m -> PRIVATE.stream().anyMatch(m.content()::contains))
                .allMatch(PostedMessage::ephemeral);
        assertThat(school.directMessagesOutsideTheOutbox(samsDad, samsMum, milasMum, school.teacher))
                .isEmpty();
        assertThat(logs.linesWith(PRIVATE)).isEmpty();
    }

    /**
     * The parent answers the next check-in greeting about {@code child}: the well-being scale with
     * {@code point}, {@code wentWell} in the form, and the two optional questions skipped.
     */
    private void answerCheckIn(LocalUser parent, String child, int point, String wentWell) {
        PostedMessage step = school.press(parent, awaitGreeting(parent, child), "ci:start:");
        step = school.updated(parent, step, school.discord.pressButton(parent, step, answerId(step, point)));
        step = school.answerInForm(parent, step, wentWell);
        PostedMessage summary = school.press(parent, school.press(parent, step, "ci:skip:"), "ci:skip:");
        school.press(parent, summary, "ci:done:");
    }

    /**
     * The parent answers the questions after the conversation: room for their story 4 of 5, the
     * agreements clear, the choice at {@code nextTime} (0 is "in 2 weeks"), and {@code words} or a skip.
     */
    private void answerAfterwards(LocalUser parent, int nextTime, String words) {
        PostedMessage greeting = awaitGreeting(parent, "Sam");
        PostedMessage step = school.press(parent, greeting, "ci:start:");
        step = school.updated(parent, step, school.discord.pressButton(parent, step, answerId(step, 4)));
        step = school.updated(parent, step, school.discord.pressButton(parent, step, answerId(step, 1)));
        step = school.updated(parent, step, school.discord.pressButton(parent, step, answerId(step, nextTime)));
        PostedMessage summary =
                words == null ? school.press(parent, step, "ci:skip:") : school.answerInForm(parent, step, words);
        school.press(parent, summary, "ci:done:");
    }

    /** The id of the answer button with {@code value} on the step shown. */
    private static String answerId(PostedMessage step, int value) {
        return SchoolOnDiscord.idStartingWith(step, "ci:ans:").replaceAll(":\\d+$", ":" + value);
    }

    /**
     * The greeting with a Start button about {@code child} for a questionnaire the parent has not been
     * asked before (a still open one is offered again after another is done: that is not new).
     */
    private PostedMessage awaitGreeting(LocalUser parent, String child) {
        PostedMessage greeting = school.discord.awaitValue(
                "a new greeting about " + child + " for " + parent.username(),
                () -> school.discord.directMessagesTo(parent).stream()
                        .filter(m -> m.content().contains(child)
                                && m.customIds().stream()
                                        .anyMatch(id -> id.startsWith("ci:start:") && !greeted.contains(id)))
                        .findFirst());
        greeted.add(SchoolOnDiscord.idStartingWith(greeting, "ci:start:"));
        return greeting;
    }

    /** The parent got the round's greeting about {@code child} and leaves it unanswered. */
    private void leftUnanswered(LocalUser parent, String child) {
        awaitGreeting(parent, child);
    }

    private PostedMessage awaitAgreement(LocalUser parent, String text) {
        return school.discord.awaitValue(
                "the agreement to confirm, for " + parent.username(),
                () -> school.discord.directMessagesTo(parent).stream()
                        .filter(m -> m.content().contains(text)
                                && m.customIds().stream().anyMatch(id -> id.startsWith("ag:ok:")))
                        .findFirst());
    }

    private String agreement(String child, String text, String owner, LocalDate alignOn) {
        return school.teacher(
                "agreement add",
                Map.of("student", child, "text", text, "owner", owner, "align-again", alignOn.toString()));
    }

    /** The page /prep gives the teacher, privately: the message, or the Markdown file when it is long. */
    private String prep(String child) {
        InteractionResponse reply = school.discord
                .slashCommand(school.teacher, school.groep5, "prep", Map.of("student", child))
                .awaitResponse();
        assertThat(reply.ephemeral()).isTrue();
        List<AttachedFile> files = school.discord.attachments(reply.data());
        return files.isEmpty()
                ? DiscordView.visible(reply.content())
                : files.get(0).text();
    }

    /** Moves the school's clock to {@code at} and runs the time-driven jobs. */
    private void moveClockTo(Instant at) {
        school.clock.jump(Duration.between(school.clock.instant(), at));
        school.bot.clockMoved();
    }

    private LocalDate today() {
        return school.clock.instant().atZone(AMSTERDAM).toLocalDate();
    }

    private List<String> teacherDms() {
        return school.discord.directMessagesTo(school.teacher).stream()
                .map(PostedMessage::content)
                .map(DiscordView::visible)
                .toList();
    }

    private String awaitDm(LocalUser user, String containing) {
        return school.discord.awaitValue(
                "a DM to " + user.username() + " with " + containing,
                () -> school.discord.directMessagesTo(user).stream()
                        .map(m -> DiscordView.visible(m.content()))
                        .filter(content -> content.contains(containing))
                        .findFirst());
    }

    private long dmsWith(LocalUser user, String text) {
        return school.discord.directMessagesTo(user).stream()
                .filter(m -> m.content().contains(text))
                .count();
    }

    /** The align-again reminders queued for Sam's teacher and parents (dedupe keys name the child). */
    private long remindersAbout(String child) {
        return school.inStore(db -> db.read(sql -> sql.count(
                "SELECT COUNT(*) AS n FROM delivery WHERE dedupe_key LIKE"
                        + " 'align:student:' || (SELECT id FROM student WHERE name = ?) || ':%'",
                child)));
    }

    private long answers(String value) {
        return school.inStore(
                db -> db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM answer WHERE value = ?", value)));
    }

    /** The {@code n}-th mail of questions about Noor to her father, once it has arrived. */
    private static MimeMessage awaitQuestionsToNoorsFather(int n) {
        Eventually.await(
                "mail " + n + " with questions about Noor",
                Duration.ofSeconds(30),
                () -> questionsToNoorsFather().size() >= n);
        return questionsToNoorsFather().get(n - 1);
    }

    private static List<MimeMessage> questionsToNoorsFather() {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> sentTo(m, NOOR_FATHER) && subject(m).contains("– Noor"))
                .toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equals(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    /** Noor's father replies to {@code original}, with its reply token in the subject. */
    private static void reply(MimeMessage original, String body) throws Exception {
        MimeMessage reply = new MimeMessage(MAIL.getSmtp().createSession());
        reply.setFrom(new InternetAddress(NOOR_FATHER));
        reply.setRecipients(Message.RecipientType.TO, BOT);
        reply.setSubject("Re: " + original.getSubject(), "UTF-8");
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setHeader("References", original.getMessageID());
        reply.setText(body, "UTF-8");
        GreenMailUtil.sendMimeMessage(reply);
    }
}
