package nl.classbridge.discord;

import static nl.classbridge.discord.SchoolOnDiscord.idStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.mail.LocalMailServer;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.sandbox.faults.Hold;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discord misbehaving while the real bot works: rate limits, an outage, a dropped gateway, and DMs
 * that close in the middle of a fan-out. The bot's clock is moved past every wait Discord or the
 * outbox asks for; nothing here waits for the clock.
 */
@Timeout(120)
class DiscordFaultTest {
    private static final String MESSAGES = "channels/{channel_id}/messages";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    SchoolOnDiscord school;
    LocalMailServer mail;
    final List<LocalUser> onDiscord = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        mail = LocalMailServer.onFreePorts();
        mail.start();
        school = new SchoolOnDiscord(folder);
        school.extraEnvironment.putAll(Map.of(
                "CLASSBRIDGE_MAIL_FROM",
                "Groep 5 <klas@school.example>",
                "CLASSBRIDGE_MAIL_SMTP_HOST",
                LocalMailServer.HOST,
                "CLASSBRIDGE_MAIL_SMTP_PORT",
                Integer.toString(mail.smtpPort()),
                "CLASSBRIDGE_MAIL_SMTP_SECURITY",
                "none"));
        school.restart();
        school.teacher("class setup", Map.of("name", "Groep 5"));
    }

    @AfterEach
    void stop() {
        school.close();
        mail.stop();
    }

    @Test
    @DisplayName("GIVEN Discord answers DMs with a storm of 429s asking to wait a minute each WHEN a check-in goes to "
            + "six families on Discord and six by email THEN the emails go at once, the DM lane makes one try per "
            + "retry_after on the bot's clock, and after the storm every family has one greeting, no attempt used up")
    void stormOf429s() throws Exception {
        families(6, 6);
        school.discord.rateLimit("POST", MESSAGES, 3, Duration.ofMinutes(1));

        school.teacher("checkin start", Map.of("questionnaire", "check-in"));

        assertThat(mail.waitForIncomingEmail(PATIENCE.toMillis(), 6))
                .as("email is not held up behind Discord")
                .isTrue();
        for (int storm = 1; storm <= 3; storm++) {
            int expected = storm;
            if (storm > 1) {
                afterAWhile(Duration.ofMinutes(1));
            }
            // The bot has taken the 429 in (not only Discord sent it) before its clock moves on.
            Eventually.await(
                    "429 number " + expected + " taken in",
                    PATIENCE,
                    () -> count("SELECT COUNT(*) AS n FROM delivery WHERE last_error = 'http-429'") == expected);
            assertThat(refusedWith(429))
                    .as("one try per retry_after: the lane waits")
                    .isEqualTo(expected);
        }
        afterAWhile(Duration.ofMinutes(1));
        school.discord.await(
                "every family greeted", PATIENCE, () -> onDiscord.stream().allMatch(p -> greetings(p) == 1));

        assertThat(onDiscord).allSatisfy(parent -> assertThat(greetings(parent)).isEqualTo(1));
        assertThat(refusedWith(429)).isEqualTo(3);
        Eventually.await(
                "the greetings noted as sent",
                PATIENCE,
                () -> count("SELECT COUNT(*) AS n FROM delivery WHERE kind = 'checkin-greeting' AND status = 'sent'")
                        == 6);
        assertThat(count("SELECT COUNT(*) AS n FROM delivery WHERE kind = 'checkin-greeting' AND attempts = 1"))
                .as("a rate limit is no failed attempt")
                .isEqualTo(6);
    }

    @Test
    @DisplayName("GIVEN Discord answers every DM with 500 for a minute WHEN a check-in goes to six families "
            + "THEN each DM is tried once and put back for a minute (no hammering); when the minute is over each "
            + "family gets one greeting on the second try")
    void serverErrorsForAMinute() throws Exception {
        families(6, 0);
        school.discord.failWith("POST", MESSAGES, 1_000, 500);

        school.teacher("checkin start", Map.of("questionnaire", "check-in"));

        Eventually.await("every greeting tried once and put back", PATIENCE, () -> count("""
                SELECT COUNT(*) AS n FROM delivery WHERE kind = 'checkin-greeting' AND status = 'queued'
                AND attempts = 1 AND last_error = 'http-500'""") == 6);
        assertThat(refusedWith(500)).isEqualTo(6);
        assertThat(count("""
                SELECT COUNT(*) AS n FROM delivery WHERE kind = 'checkin-greeting'
                AND next_attempt_at >= created_at + 60000""")).as("each waits a minute").isEqualTo(6);
        school.discord.clearFaults(); // Discord is back after the minute
        afterAWhile(Duration.ofMinutes(1));
        school.discord.await(
                "every family greeted", PATIENCE, () -> onDiscord.stream().allMatch(p -> greetings(p) == 1));

        assertThat(refusedWith(500)).isEqualTo(6);
        Eventually.await(
                "the greetings noted as sent",
                PATIENCE,
                () -> count(
                                "SELECT COUNT(*) AS n FROM delivery WHERE kind = 'checkin-greeting' AND status = 'sent' AND attempts = 2")
                        == 6);
        assertThat(onDiscord).allSatisfy(parent -> assertThat(greetings(parent)).isEqualTo(1));
    }

    @Test
    @DisplayName("GIVEN a parent in the middle of a check-in WHEN the gateway drops while they answer THEN the answer "
            + "arrives on RESUME and the conversation goes on; WHEN the session is lost too THEN the press in the gap "
            + "is lost as on Discord, the bot identifies anew and the same press again works; each answer stored once")
    void gatewayDroppedMidConversation() throws Exception {
        families(1, 0);
        LocalUser parent = onDiscord.get(0);
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage greeting = awaitGreeting(parent);
        PostedMessage question = press(parent, greeting, idStartingWith(greeting, "ci:start:"));
        assertThat(question.content()).contains("Vraag 1 van 4");

        Interaction[] inTheGap = new Interaction[1];
        PostedMessage asked = question;
        school.discord.dropGatewayConnection(() -> inTheGap[0] = school.discord.pressButton(
                parent, asked, idStartingWith(asked, "ci:ans:").replaceAll(":\\d+$", ":4")));
        question = school.updated(parent, question, inTheGap[0]);
        assertThat(question.content()).contains("Vraag 2 van 4");
        assertThat(school.discord.gatewayLogins()).last().satisfies(login -> {
            assertThat(login.resume()).isTrue();
            assertThat(login.replayedEvents()).isGreaterThanOrEqualTo(1);
        });

        long identifies = school.discord.gatewayLogins().stream()
                .filter(login -> !login.resume())
                .count();
        school.discord.invalidateGatewaySessions();
        PostedMessage second = question;
        String open = idStartingWith(second, "ci:open:");
        school.discord.dropGatewayConnection(() -> inTheGap[0] = school.discord.pressButton(parent, second, open));
        school.discord.await(
                "a new IDENTIFY",
                PATIENCE,
                () -> school.discord.gatewayLogins().stream()
                                .filter(login -> !login.resume())
                                .count()
                        == identifies + 1);
        // The new session gets its READY first, then this press: the bot sees it.
        InteractionResponse form =
                school.discord.pressButton(parent, second, open).awaitResponse();
        assertThat(form.type()).isEqualTo(InteractionResponse.MODAL);
        question = school.updated(
                parent,
                second,
                school.discord.submitModal(
                        parent,
                        second,
                        form.data().get("custom_id").asText(),
                        Map.of("answer", "Ze hielp een vriendje")));
        assertThat(question.content()).contains("Vraag 3 van 4");
        assertThat(inTheGap[0].response())
                .as("the press in the gap never reached the bot")
                .isEmpty();

        assertThat(count("SELECT COUNT(*) AS n FROM answer WHERE question_id = 'feeling' AND value = '4'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM answer WHERE value = 'Ze hielp een vriendje'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM answer")).isEqualTo(2);
    }

    @Test
    @DisplayName("GIVEN a check-in to twelve families WHEN the six not reached yet close their DMs halfway (50007) "
            + "THEN six have one greeting, the three closed ones with an address get the questions by email once, "
            + "the other three are marked unreachable, the teacher is told about each, and each is tried once")
    void directMessagesCloseHalfway() throws Exception {
        families(12, 0);
        for (int i = 1; i < onDiscord.size(); i += 2) {
            LocalUser parent = onDiscord.get(i);
            school.inStore(db -> db.write(sql -> sql.update(
                    "UPDATE guardian SET email = ? WHERE discord_user_id = ?",
                    parent.username() + "@example.org",
                    parent.id())));
        }
        Hold sixth = school.discord.holdNoncedMessage("cb", 5);

        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        assertThat(sixth.awaitHeld(PATIENCE)).isTrue();
        List<LocalUser> closed =
                onDiscord.stream().filter(parent -> greetings(parent) == 0).toList();
        closed.forEach(school.discord::closeDirectMessages);
        sixth.release();

        assertThat(closed).hasSize(6);
        List<LocalUser> closedWithEmail =
                closed.stream().filter(p -> onDiscord.indexOf(p) % 2 == 1).toList();
        assertThat(closedWithEmail).hasSize(3);
        assertThat(mail.waitForIncomingEmail(PATIENCE.toMillis(), 3)).isTrue();
        school.discord.await(
                "a notice to the teacher about each closed family",
                PATIENCE,
                () -> school.discord.directMessagesTo(school.teacher).size() == 6);
        Eventually.await(
                "the outbox to be done",
                PATIENCE,
                () -> count("SELECT COUNT(*) AS n FROM delivery WHERE status IN ('queued', 'sending')") == 0);

        assertThat(onDiscord)
                .filteredOn(parent -> !closed.contains(parent))
                .allSatisfy(parent -> assertThat(greetings(parent)).isEqualTo(1));
        assertThat(closed)
                .allSatisfy(parent ->
                        assertThat(school.discord.directMessagesTo(parent)).isEmpty());
        assertThat(java.util.Arrays.stream(mail.getReceivedMessages()).map(m -> {
                    try {
                        return m.getAllRecipients()[0].toString();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .containsExactlyInAnyOrderElementsOf(closedWithEmail.stream()
                        .map(p -> p.username() + "@example.org")
                        .toList());
        assertThat(count("SELECT COUNT(*) AS n FROM guardian WHERE discord_status = 'unreachable'"))
                .isEqualTo(6);
        assertThat(refusedWith(403))
                .as("each closed family tried once, never again")
                .isEqualTo(6);
    }

    // ---- helpers

    /** Families with one child each, stored as the bot would have stored them after /join or /guardian. */
    private void families(int discordFamilies, int emailFamilies) {
        long classId = school.inStore(
                        db -> db.read(sql -> sql.one("SELECT id FROM school_class", row -> row.longValue("id"))))
                .orElseThrow();
        for (int i = 0; i < discordFamilies + emailFamilies; i++) {
            LocalUser parent = i < discordFamilies ? school.parent(String.format("ouder%02d", i)) : null;
            if (parent != null) {
                onDiscord.add(parent);
            }
            int number = i;
            school.inStore(db -> {
                long child = new StudentRepository(db)
                        .add(classId, String.format("Kind%02d", number), Instant.now())
                        .id();
                GuardianRepository guardians = new GuardianRepository(db);
                long guardian = parent != null
                        ? guardians.addDiscord(parent.id(), Instant.now()).id()
                        : guardians
                                .addEmail(
                                        String.format("ouder%02d@example.org", number), Optional.empty(), Instant.now())
                                .id();
                return guardians.link(guardian, child, Instant.now());
            });
        }
    }

    /** Moves the bot's clock on and lets it look at what became due. */
    private void afterAWhile(Duration wait) {
        school.clock.jump(wait.plusSeconds(1));
        school.bot.clockMoved();
    }

    private long refusedWith(int status) {
        return school.discord.restCalls().stream()
                .filter(call ->
                        call.method().equals("POST") && call.route().equals(MESSAGES) && call.status() == status)
                .count();
    }

    private long count(String sql) {
        return school.inStore(db -> db.read(s -> s.count(sql)));
    }

    private long greetings(LocalUser parent) {
        return school.discord.directMessagesTo(parent).stream()
                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                .count();
    }

    private PostedMessage awaitGreeting(LocalUser parent) {
        return school.discord.awaitValue(
                "the greeting",
                () -> school.discord.directMessagesTo(parent).stream()
                        .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                        .findFirst());
    }

    private PostedMessage press(LocalUser parent, PostedMessage message, String customId) {
        return school.updated(parent, message, school.discord.pressButton(parent, message, customId));
    }
}
