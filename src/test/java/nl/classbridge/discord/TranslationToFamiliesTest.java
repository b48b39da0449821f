package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.TestTranslator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, translation to families, end to end: the real bot on the local Discord server, GreenMail's
 * real SMTP, the deterministic {@link TestTranslator}. Sami's mother reads Arabic (by email), Noor's
 * parents Dutch; the class writes Dutch.
 */
@Timeout(180)
class TranslationToFamiliesTest {
    private static final String BOT = "klas@school.example";
    private static final String AMAL = "amal@example.org";
    private static final String NOOR = "noor.ouders@example.org";
    private static final String HIGHLIGHT = "We maakten samen een vulkaan die echt werkte";
    private static final String AGREEMENT = "Elke avond een kwartier samen lezen";
    private static final String ARABIC_LABEL = "ترجمة آلية";
    private static final String ARABIC_UNAVAILABLE = "لم تتوفر ترجمة";
    private static final String ARABIC_INTRO = "إليكم نظرة على صفّنا";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    SchoolOnDiscord school;
    final TestTranslator translator = new TestTranslator();

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.translator = Optional.of(translator);
        school.useMail(MAIL, BOT, "Groep 5");
        school.restart();
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sami"));
        school.teacher("student add", Map.of("name", "Noor"));
        school.teacher("guardian add-email", Map.of("student", "Sami", "email", AMAL));
        school.teacher("guardian add-email", Map.of("student", "Noor", "email", NOOR));
        speaks(
                school.inStore(db -> new GuardianRepository(db).findByEmail(AMAL))
                        .orElseThrow(),
                Language.AR);
    }

    @AfterEach
    void stop() {
        translator.release();
        if (school != null) {
            school.close();
        }
    }

    @Test
    @DisplayName("GIVEN an Arabic and a Dutch email family WHEN the teacher posts an update and adds an agreement"
            + " THEN the Arabic copies carry the translated highlight and agreement, labelled, with the originals"
            + " beside them; the Dutch copy and the one channel post are as written; only the free text was sent")
    void arabicFamilyReadsTranslations() throws Exception {
        school.teacher("update add", Map.of("text", HIGHLIGHT, "kind", "learning"));
        school.teacher("update post-now", Map.of());
        school.teacher("agreement add", Map.of("student", "Sami", "text", AGREEMENT, "owner", "parents"));

        String update = awaitMail(AMAL, HIGHLIGHT);
        assertThat(update)
                .contains(TestTranslator.translated(HIGHLIGHT, Language.AR), ARABIC_LABEL, HIGHLIGHT)
                .doesNotContain(ARABIC_UNAVAILABLE);
        String agreement = awaitMail(AMAL, AGREEMENT);
        assertThat(agreement).contains(TestTranslator.translated(AGREEMENT, Language.AR), ARABIC_LABEL, AGREEMENT);
        String dutch = awaitMail(NOOR, HIGHLIGHT);
        assertThat(dutch).doesNotContain("[ar]", "[nl]", "automatische vertaling");

        List<PostedMessage> posts = posts();
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.content()).contains(HIGHLIGHT).doesNotContain("[ar]");
            assertThat(post.customIds()).anyMatch(id -> id.startsWith("ul:"));
        });
        // Names (child, class, teacher) never go to the translator: only what the teacher wrote.
        assertThat(translator.sent()).isNotEmpty().allMatch(text -> text.equals(HIGHLIGHT) || text.equals(AGREEMENT));
    }

    @Test
    @DisplayName("GIVEN the teacher's own words for what she needs from parents (/class needs) WHEN the start-of-year"
            + " questionnaire goes out THEN the Arabic family's mail shows them translated, labelled, with the original;"
            + " the Dutch family's as written")
    void needsStatementTranslated() throws Exception {
        String needs = "Vertel het ons als er thuis iets verandert";
        school.teacher("class needs", Map.of("text", needs));
        school.teacher("checkin start", Map.of("questionnaire", "start-of-year"));

        assertThat(awaitMail(AMAL, needs)).contains(TestTranslator.translated(needs, Language.AR), ARABIC_LABEL);
        assertThat(awaitMail(NOOR, needs)).doesNotContain("[", "automatische vertaling");
        assertThat(translator.sent())
                .contains(needs)
                .allMatch(text -> !text.contains("Sami") && !text.contains("Noor"));
    }

    @Test
    @DisplayName("GIVEN a Polish-speaking father on Discord WHEN he types his way through the start-of-year"
            + " questionnaire THEN the question after the teacher's words shows them translated into Polish, labelled,"
            + " with the original (translated on the way out, shown again from the cache)")
    void needsStatementTranslatedOnDiscord() throws Exception {
        String needs = "Lees elke dag tien minuten voor";
        LocalUser tata = school.joined("tata.sami", "Sami");
        speaks(
                school.inStore(db -> new GuardianRepository(db).findByDiscordUser(tata.id()))
                        .orElseThrow(),
                Language.PL);
        school.teacher("class needs", Map.of("text", needs));
        school.teacher("checkin start", Map.of("questionnaire", "start-of-year"));
        school.awaitGreeting(tata, "Sami");
        school.discord.sendDirectMessage(tata, "Dzień dobry");
        for (String typed : List.of("Lubi czytać", "Spokój i przyjaciel", "Wskazówki", "reading")) {
            int before = school.discord.directMessagesTo(tata).size();
            school.discord.sendDirectMessage(tata, typed);
            school.discord.await(
                    "the next question after " + typed,
                    () -> school.discord.directMessagesTo(tata).size() > before);
        }
        school.discord.sendDirectMessage(tata, "Czytam we wtorki");
        PostedMessage withNeeds = school.discord.awaitValue(
                "the question after the teacher's words",
                () -> school.discord.directMessagesTo(tata).stream()
                        .filter(m -> m.content().contains(needs))
                        .findFirst());
        assertThat(withNeeds.content().replace("\\", ""))
                .contains(TestTranslator.translated(needs, Language.PL), "tłumaczenie maszynowe", needs);
    }

    @Test
    @DisplayName("GIVEN the translator is down WHEN the teacher posts an update and adds an agreement THEN every"
            + " message is still delivered, the Arabic ones with the original and the 'not available' line")
    void failingTranslatorBlocksNothing() throws Exception {
        translator.failWith("http-503");
        school.teacher("update add", Map.of("text", HIGHLIGHT, "kind", "learning"));
        school.teacher("update post-now", Map.of());
        school.teacher("agreement add", Map.of("student", "Sami", "text", AGREEMENT, "owner", "parents"));

        assertThat(awaitMail(AMAL, HIGHLIGHT)).contains(ARABIC_UNAVAILABLE).doesNotContain("[ar]", ARABIC_LABEL);
        assertThat(awaitMail(AMAL, AGREEMENT)).contains(ARABIC_UNAVAILABLE).doesNotContain("[ar]");
        assertThat(awaitMail(NOOR, HIGHLIGHT)).doesNotContain("niet beschikbaar");
        assertThat(posts()).singleElement();
        Eventually.await(
                "every outbox row sent",
                Duration.ofSeconds(30),
                () -> school.inStore(db -> db.read(sql -> sql.count(
                                "SELECT COUNT(*) AS n FROM delivery WHERE status IN ('queued', 'sending', 'failed')")))
                        == 0);
        assertThat(translator.calls()).isPositive();
    }

    @Test
    @DisplayName("GIVEN an Arabic-speaking parent on Discord WHEN she presses '🌐 In my language' under the post"
            + " THEN she alone gets it in Arabic with the translated highlight; a member who is no parent of the"
            + " class gets a short private answer in the class language")
    void buttonAnswersPrivatelyInThePressersLanguage() throws Exception {
        LocalUser amal = school.joined("amal.discord", "Sami");
        speaks(
                school.inStore(db -> new GuardianRepository(db).findByDiscordUser(amal.id()))
                        .orElseThrow(),
                Language.AR);
        school.teacher("update add", Map.of("text", HIGHLIGHT, "kind", "learning"));
        school.teacher("update post-now", Map.of());
        PostedMessage post = school.discord.awaitValue(
                "the post with its button", () -> posts().stream().findFirst());
        String button = SchoolOnDiscord.idStartingWith(post, "ul:");
        assertThat(post.content()).doesNotContain("[ar]");

        // Discord's Markdown escapes what the teacher wrote ("\\[ar\\]"); the reader sees it unescaped.
        String inArabic =
                privateAnswer(school.discord.pressButton(amal, post, button)).replace("\\", "");
        assertThat(inArabic)
                .contains(ARABIC_INTRO, TestTranslator.translated(HIGHLIGHT, Language.AR), ARABIC_LABEL, HIGHLIGHT);

        String notAFamily = privateAnswer(school.discord.pressButton(school.bystander, post, button));
        assertThat(notAFamily).contains("in hun eigen taal").doesNotContain(HIGHLIGHT);
        // Nothing new in the channel for anyone else: still the one post.
        assertThat(posts()).singleElement();
    }

    @Test
    @DisplayName("GIVEN an Arabic-speaking parent on Discord WHEN she gets an agreement and confirms it while the"
            + " translator hangs THEN the DM came translated, and the message shown again after her press keeps the"
            + " translation made on the way out, without waiting on the translator")
    void agreementDmTranslatedAndPressNeverWaits() throws Exception {
        LocalUser amal = school.joined("amal.discord", "Sami");
        speaks(
                school.inStore(db -> new GuardianRepository(db).findByDiscordUser(amal.id()))
                        .orElseThrow(),
                Language.AR);
        school.teacher("agreement add", Map.of("student", "Sami", "text", AGREEMENT, "owner", "parents"));
        PostedMessage dm = school.discord.awaitValue(
                "the agreement DM",
                () -> school.discord.directMessagesTo(amal).stream()
                        .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ag:ok:")))
                        .findFirst());
        String translation = TestTranslator.translated(AGREEMENT, Language.AR);
        assertThat(dm.content().replace("\\", "")).contains(translation, ARABIC_LABEL, AGREEMENT);
        int calls = translator.calls();

        translator.hang();
        try {
            PostedMessage confirmed = school.press(amal, dm, "ag:ok:");
            assertThat(confirmed.content().replace("\\", ""))
                    .contains(translation, ARABIC_LABEL)
                    .doesNotContain(ARABIC_UNAVAILABLE);
            assertThat(translator.calls()).isEqualTo(calls);
        } finally {
            translator.release();
        }
    }

    /** The ephemeral answer to a press: the reply, or what the deferred reply became. */
    private String privateAnswer(Interaction press) {
        InteractionResponse response = press.awaitResponse();
        assertThat(response.ephemeral()).isTrue();
        if (response.type() == InteractionResponse.REPLY) {
            return response.content();
        }
        assertThat(response.type()).isEqualTo(InteractionResponse.DEFERRED_REPLY);
        PostedMessage answer = school.discord.awaitValue(
                "the deferred answer",
                () -> press.followUps().stream()
                        .findFirst()
                        .or(() -> press.original().filter(m -> !m.content().isEmpty())));
        assertThat(answer.ephemeral()).isTrue();
        return answer.content();
    }

    private List<PostedMessage> posts() {
        return school.discord.messagesIn(school.groep5).stream()
                .filter(m -> !m.ephemeral() && m.content().contains(HIGHLIGHT))
                .toList();
    }

    private void speaks(Guardian guardian, Language language) {
        CommunicationPlan plan = guardian.plan();
        school.inStore(db -> {
            new GuardianRepository(db)
                    .savePlan(
                            guardian.id(),
                            new CommunicationPlan(
                                    plan.channel(), Optional.of(language), plan.quietHours(), plan.contactTimes()));
            return null;
        });
    }

    /** The plain text of the first mail to {@code address} that mentions {@code part}, once it came. */
    private String awaitMail(String address, String part) {
        java.util.function.Supplier<Optional<String>> mail = () -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> to(m).equals(address))
                .map(TranslationToFamiliesTest::plainText)
                .filter(text -> text.contains(part))
                .findFirst();
        // The outbox paces its sending; on a busy machine a mail may take longer than the server's default wait.
        Eventually.await(
                "a mail to " + address + " about " + part,
                Duration.ofSeconds(60),
                () -> mail.get().isPresent());
        return mail.get().orElseThrow();
    }

    private static String to(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(MimeMessage mail) {
        try {
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return ((String) parts.getBodyPart(i).getContent()).replace("\r\n", "\n");
                }
            }
            throw new AssertionError("no plain text part");
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
