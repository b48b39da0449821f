package nl.classbridge.sandbox.discord;

import static org.assertj.core.api.Assertions.assertThat;

import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30) // a hang in the client or server must fail the run, not stall it
class ResumeTest {
    SeededSchool seeded;
    LocalDiscord discord;
    TestBot bot;

    @BeforeEach
    void login() throws Exception {
        seeded = new SeededSchool();
        discord = seeded.discord;
        bot = TestBot.login(discord);
        bot.jda.awaitReady();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        seeded.close();
    }

    @Test
    @DisplayName("a dropped gateway connection is resumed on the resume URL and the event sent in the gap arrives")
    void resumesAndReplays() throws Exception {
        discord.dropGatewayConnection(() -> discord.sendDirectMessage(seeded.parent, "Sam is ziek"));

        bot.awaitEvent(SessionResumeEvent.class, event -> true);
        MessageReceivedEvent missed = bot.awaitEvent(
                MessageReceivedEvent.class, event -> event.getAuthor().getIdLong() == seeded.parent.id());
        assertThat(missed.getMessage().getContentRaw()).isEqualTo("Sam is ziek");

        assertThat(discord.gatewayLogins()).hasSize(2);
        GatewayLogin resume = discord.gatewayLogins().get(1);
        assertThat(resume.resume()).isTrue();
        assertThat(resume.accepted()).isTrue();
        assertThat(resume.sessionId()).isEqualTo(discord.gatewayLogins().get(0).sessionId());
        assertThat(resume.path()).isEqualTo("/gateway/resume");
        assertThat(resume.replayedEvents()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("a session the server forgot gets INVALID_SESSION on RESUME and JDA identifies again")
    void invalidSessionLeadsToNewIdentify() throws Exception {
        discord.invalidateGatewaySessions();
        discord.dropGatewayConnection();

        discord.await(
                "a second IDENTIFY",
                () -> discord.gatewayLogins().stream()
                                .filter(login -> !login.resume())
                                .count()
                        == 2);
        assertThat(discord.gatewayLogins()).anySatisfy(login -> {
            assertThat(login.resume()).isTrue();
            assertThat(login.accepted()).isFalse();
        });
        discord.await(
                "the new session to be live", () -> discord.gatewayLogins().size() == 3);
        bot.jda.awaitReady();
        discord.sendDirectMessage(seeded.parent, "Nog daar?");
        bot.awaitEvent(
                MessageReceivedEvent.class,
                event -> event.getMessage().getContentRaw().equals("Nog daar?"));
    }
}
