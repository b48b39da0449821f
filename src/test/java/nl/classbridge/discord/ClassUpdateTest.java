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
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.classbridge.domain.Language;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6 end to end: the class update in the channel and by email, once, across a restart mid fan-out. */
@Timeout(120)
class ClassUpdateTest {
    private static final String BOT = "klas@school.example";
    private static final int FAMILIES = 50;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.extraEnvironment.putAll(Map.of(
                "CLASSBRIDGE_MAIL_FROM",
                "Groep 5 <" + BOT + ">",
                "CLASSBRIDGE_MAIL_SMTP_HOST",
                "127.0.0.1",
                "CLASSBRIDGE_MAIL_SMTP_PORT",
                String.valueOf(MAIL.getSmtp().getPort()),
                "CLASSBRIDGE_MAIL_SMTP_SECURITY",
                "none"));
        school.restart();
        school.teacher("class setup", Map.of("name", "Groep 5"));
        long classId = school.inStore(
                        db -> db.read(sql -> sql.one("SELECT id FROM school_class", row -> row.longValue("id"))))
                .orElseThrow();
        school.inStore(db -> {
            StudentRepository students = new StudentRepository(db);
            GuardianRepository guardians = new GuardianRepository(db);
            for (int i = 0; i < FAMILIES; i++) {
                var child =
                        students.add(classId, "Kind" + (char) ('A' + i / 26) + (char) ('a' + i % 26), Instant.now());
                Optional<Language> language = i % 10 == 0 ? Optional.of(Language.TR) : Optional.empty();
                var guardian = guardians.addEmail("ouder" + i + "@example.org", language, Instant.now());
                guardians.link(guardian.id(), child.id(), Instant.now());
            }
            return null;
        });
    }

    @AfterEach
    void stop() {
        school.close();
    }

    private Map<String, Long> copiesPerFamily() {
        return Arrays.stream(MAIL.getReceivedMessages())
                .collect(Collectors.groupingBy(ClassUpdateTest::to, Collectors.counting()));
    }

    private static String to(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName(
            "post-now: one post in the channel, one email per family in its language, also when stopped mid fan-out")
    void onceEverywhereAcrossARestart() throws Exception {
        school.teacher("update add", Map.of("text", "We maakten een *vulkaan* die echt werkte", "kind", "learning"));
        school.teacher(
                "update add",
                Map.of("text", "Iedereen hielp Mila met haar arm in het gips", "kind", "social-emotional"));
        String preview = school.teacher("update preview", Map.of());

        assertThat(school.teacher("update post-now", Map.of())).contains("Groep 5");
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        school.restart(); // stopped while the outbox was sending the copies, then started again
        int beforeStart = MAIL.getReceivedMessages().length;
        System.out.printf(
                "ClassUpdateTest: %d of %d copies had gone out when the bot was stopped%n", beforeStart, FAMILIES);
        assertThat(beforeStart).as("the stop came in the middle of the fan-out").isBetween(1, FAMILIES - 1);

        assertThat(MAIL.waitForIncomingEmail(30_000, FAMILIES)).isTrue();
        school.discord.await(
                "the post in the channel",
                Duration.ofSeconds(20),
                () -> school.discord.messagesIn(school.groep5).stream()
                        .anyMatch(m -> !m.ephemeral() && m.content().contains("vulkaan")));
        Eventually.await(
                "the outbox to be done",
                Duration.ofSeconds(30),
                () -> school.inStore(db -> db.read(sql ->
                                sql.count("SELECT COUNT(*) AS n FROM delivery WHERE status IN ('queued', 'sending')")))
                        == 0);

        var posts = school.discord.messagesIn(school.groep5).stream()
                .filter(m -> !m.ephemeral() && m.content().contains("vulkaan"))
                .toList();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).content()).isEqualTo(preview);
        assertThat(copiesPerFamily())
                .hasSize(FAMILIES)
                .allSatisfy((address, copies) -> assertThat(copies).isEqualTo(1));

        MimeMessage dutch = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> to(m).equals("ouder1@example.org"))
                .findFirst()
                .orElseThrow();
        MimeMessage turkish = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> to(m).equals("ouder0@example.org"))
                .findFirst()
                .orElseThrow();
        assertThat(GreenMailUtil.getBody(dutch)).contains("vulkaan", "Mila");
        assertThat(dutch.getContentLanguage()).containsExactly("nl");
        assertThat(turkish.getContentLanguage()).containsExactly("tr");
        assertThat(school.teacher("update list", Map.of())).contains("nog niets klaar");
    }
}
