package nl.classbridge.sandbox.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30) // a hang in the client or server must fail the run, not stall it
class DeliveryTest {
    static final String MESSAGES_ROUTE = "channels/{channel_id}/messages";

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

    private Message sendDm(LocalUser to, String text, String nonce) {
        return bot.jda
                .openPrivateChannelById(to.id())
                .flatMap(channel -> channel.sendMessage(text).setNonce(nonce).setAllowedMentions(List.of()))
                .complete();
    }

    @Test
    @DisplayName("a DM is recorded with its nonce and allowed mentions, and the same nonce sends it only once")
    void directMessageWithNonce() {
        Message first = sendDm(seeded.parent, "Hallo, hoe gaat het met Sam?", "delivery-42");
        Message again = sendDm(seeded.parent, "Hallo, hoe gaat het met Sam?", "delivery-42");

        assertThat(again.getIdLong()).isEqualTo(first.getIdLong());
        assertThat(discord.directMessagesTo(seeded.parent)).singleElement().satisfies(message -> {
            assertThat(message.content()).isEqualTo("Hallo, hoe gaat het met Sam?");
            assertThat(message.nonce()).isEqualTo("delivery-42");
            assertThat(message.allowedMentions().get("parse")).isEmpty();
        });
        assertThat(discord.directMessagesTo(seeded.otherParent)).isEmpty();
    }

    @Test
    @DisplayName("a parent's DM text reaches the bot with its content, without the MESSAGE_CONTENT intent")
    void parentTypesInDm() throws Exception {
        discord.sendDirectMessage(seeded.parent, "Het gaat goed");

        MessageReceivedEvent event =
                bot.awaitEvent(MessageReceivedEvent.class, e -> e.getAuthor().getIdLong() == seeded.parent.id());
        assertThat(event.getChannelType()).isEqualTo(ChannelType.PRIVATE);
        assertThat(event.getMessage().getContentRaw()).isEqualTo("Het gaat goed");
    }

    @Test
    @DisplayName("a parent with closed DMs makes the send fail with CANNOT_SEND_TO_USER (50007)")
    void closedDirectMessages() {
        discord.closeDirectMessages(seeded.parent);

        Throwable failure = catchThrowable(() -> sendDm(seeded.parent, "Hallo", "closed-1"));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        error -> assertThat(error.getErrorResponse()).isEqualTo(ErrorResponse.CANNOT_SEND_TO_USER));
        assertThat(discord.directMessagesTo(seeded.parent)).isEmpty();
    }

    @Test
    @DisplayName("a 429 is honoured: JDA waits retry_after, retries, and the message arrives once")
    void rateLimited() {
        discord.rateLimit("POST", MESSAGES_ROUTE, 1, Duration.ofSeconds(1));

        sendDm(seeded.parent, "Na de pauze", "rl-1");

        assertThat(discord.directMessagesTo(seeded.parent)).hasSize(1);
        List<RestCall> sends = discord.restCalls().stream()
                .filter(call -> call.route().equals(MESSAGES_ROUTE))
                .toList();
        assertThat(sends).extracting(RestCall::status).containsExactly(429, 200);
        assertThat(Duration.between(sends.get(0).at(), sends.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    @DisplayName("a 502 is retried by JDA; a 500 reaches the caller as a failure and nothing is sent")
    void serverErrors() {
        discord.failWith("POST", MESSAGES_ROUTE, 1, 502);
        sendDm(seeded.parent, "Eerste poging mislukt", "5xx-1");
        assertThat(discord.directMessagesTo(seeded.parent)).hasSize(1);

        discord.failWith("POST", MESSAGES_ROUTE, 1, 500);
        Throwable failure = catchThrowable(() -> sendDm(seeded.otherParent, "Mislukt", "5xx-2"));
        assertThat(failure).isInstanceOf(ErrorResponseException.class);
        assertThat(discord.directMessagesTo(seeded.otherParent)).isEmpty();
    }
}
