package nl.classbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Fallback from Discord to email")
class FallbackTest {
    private static final Instant T0 = TestStore.T0;

    @TempDir
    Path folder;

    Outboxes the;

    @BeforeEach
    void setUp() {
        the = new Outboxes(folder);
    }

    @AfterEach
    void tearDown() {
        the.close();
    }

    @Test
    @DisplayName(
            "GIVEN a guardian with closed DMs and an email address WHEN the DM is sent THEN the guardian is marked "
                    + "discord-unreachable, the DM is handed off to an email that is sent, the teacher is told, "
                    + "and Discord is never tried again")
    void unreachableDmGoesToEmail() {
        Guardian parent = the.onDiscordWithEmail("ouder@example.org");
        Delivery dm = the.outbox.enqueue(the.dm("round:1:guardian:" + parent.id(), parent));
        the.dms.willAnswer(new SendResult.Unreachable("dm-closed"));
        Dispatcher dispatcher = the.dispatcher();

        dispatcher.dispatchDue();
        the.clock.advance(Duration.ofHours(3));
        dispatcher.dispatchDue();

        Delivery handedOff = the.reload(dm);
        assertThat(handedOff.status()).isEqualTo(DeliveryStatus.HANDED_OFF);
        assertThat(handedOff.lastError()).contains("dm-closed");
        Delivery email =
                the.store.deliveries.find(handedOff.handedOffTo().orElseThrow()).orElseThrow();
        assertThat(email.channel()).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(email.dedupeKey()).isEqualTo(dm.dedupeKey() + ":email");
        assertThat(email.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.emails.sendInstants()).containsExactly(T0);
        assertThat(the.dms.sends()).hasSize(1);

        Guardian marked = the.reload(parent);
        assertThat(marked.discordUnreachable()).isTrue();
        assertThat(marked.statusReason()).contains("dm-closed");
        assertThat(the.teacher.notices())
                .containsExactly(
                        new RecordingTeacherNotice.Notice(parent.id(), DeliveryChannel.DISCORD_DM, "dm-closed"));
    }

    @Test
    @DisplayName("GIVEN a fan-out of three DMs to a guardian whose DMs turn out closed WHEN they are dispatched "
            + "THEN Discord is asked once, all three are handed off, and the teacher is told once")
    void knownUnreachableDmsSpendNoRequest() {
        Guardian parent = the.onDiscordWithEmail("ouder@example.org");
        List<Delivery> dms =
                the.outbox.enqueueAll(List.of(the.dm("a", parent), the.dm("b", parent), the.dm("c", parent)));
        the.dms.otherwise(delivery -> new SendResult.Unreachable("dm-closed"));

        the.runUntilIdle(the.dispatcher(), T0.plus(Duration.ofHours(1)));

        assertThat(the.dms.sends()).hasSize(1);
        assertThat(dms).allSatisfy(dm -> assertThat(the.reload(dm).status()).isEqualTo(DeliveryStatus.HANDED_OFF));
        assertThat(the.emails.sends())
                .extracting(FakeSender.Send::dedupeKey)
                .containsExactlyInAnyOrder("a:email", "b:email", "c:email");
        assertThat(the.teacher.notices()).hasSize(1);
    }

    @Test
    @DisplayName("GIVEN a Discord-only guardian with closed DMs WHEN the DM is sent THEN it fails, no email is made, "
            + "and the teacher is told")
    void unreachableWithoutEmailFails() {
        Guardian parent = the.onDiscord();
        Delivery dm = the.outbox.enqueue(the.dm("dm:1", parent));
        the.dms.willAnswer(new SendResult.Unreachable("no-mutual-guild"));

        the.dispatcher().dispatchDue();

        Delivery failed = the.reload(dm);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.lastError()).contains("no-mutual-guild");
        assertThat(failed.handedOffTo()).isEmpty();
        assertThat(the.handOffsAsked).isEmpty();
        assertThat(the.store.deliveries.ofGuardian(parent.id())).containsExactly(failed);
        assertThat(the.reload(parent).discordUnreachable()).isTrue();
        assertThat(the.teacher.notices())
                .containsExactly(
                        new RecordingTeacherNotice.Notice(parent.id(), DeliveryChannel.DISCORD_DM, "no-mutual-guild"));
    }

    @Test
    @DisplayName("GIVEN a DM sent at 19:59:59 that comes back unreachable after 20:00 WHEN it is handed off "
            + "THEN the email waits for the end of the quiet hours")
    void handedOffEmailRespectsQuietHours() {
        Guardian parent = the.onDiscordWithEmail("ouder@example.org");
        the.clock.set(Instant.parse("2026-09-01T17:59:59Z")); // 19:59:59 in Amsterdam
        Delivery dm = the.outbox.enqueue(the.dm("dm:1", parent));
        the.dms.otherwise(delivery -> {
            the.clock.advance(Duration.ofSeconds(2)); // a slow answer from Discord
            return new SendResult.Unreachable("dm-closed");
        });

        the.runUntilIdle(the.dispatcher(), Instant.parse("2026-09-03T00:00:00Z"));

        assertThat(the.dms.sendInstants()).containsExactly(Instant.parse("2026-09-01T17:59:59Z"));
        assertThat(the.reload(dm).status()).isEqualTo(DeliveryStatus.HANDED_OFF);
        assertThat(the.emails.sendInstants()).containsExactly(Instant.parse("2026-09-02T06:00:00Z"));
    }

    @Test
    @DisplayName("GIVEN an email that bounces permanently WHEN it is sent THEN the address is marked invalid, the "
            + "row failed, the teacher told, and the next email to that address is not tried")
    void bouncedEmailMarksAddressInvalid() {
        Guardian parent = the.byEmail("ouder@example.org");
        Delivery first = the.outbox.enqueue(the.email("email:1", parent));
        the.emails.willAnswer(new SendResult.Unreachable("smtp-550"));
        Dispatcher dispatcher = the.dispatcher();
        dispatcher.dispatchDue();
        Delivery second = the.outbox.enqueue(the.email("email:2", parent));

        dispatcher.dispatchDue();

        assertThat(the.reload(first).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(the.reload(first).lastError()).contains("smtp-550");
        assertThat(the.reload(second).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(the.reload(second).lastError()).contains("email-invalid");
        assertThat(the.emails.sends()).hasSize(1);
        Guardian marked = the.reload(parent);
        assertThat(marked.emailInvalid()).isTrue();
        assertThat(marked.statusReason()).contains("smtp-550");
        assertThat(the.teacher.notices())
                .containsExactly(new RecordingTeacherNotice.Notice(parent.id(), DeliveryChannel.EMAIL, "smtp-550"));
        assertThat(the.handOffsAsked).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a guardian who joined again after being marked unreachable WHEN a DM is due THEN it is sent "
            + "on Discord")
    void reachableAgainIsTriedAgain() {
        Guardian parent = the.onDiscordWithEmail("ouder@example.org");
        the.store.guardians.markDiscordUnreachable(parent.id(), "dm-closed");
        the.store.guardians.markDiscordReachable(parent.id());
        Delivery dm = the.outbox.enqueue(the.dm("dm:1", parent));

        the.dispatcher().dispatchDue();

        assertThat(the.reload(dm).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.dms.sends()).hasSize(1);
    }

    @Test
    @DisplayName("GIVEN a channel post the bot may not make WHEN it is sent THEN it fails with its code and nobody's "
            + "status changes")
    void unreachableChannelPostFails() {
        Delivery post = the.outbox.enqueue(the.post("update:1"));
        the.posts.willAnswer(new SendResult.Unreachable("missing-access"));

        the.dispatcher().dispatchDue();

        assertThat(the.reload(post).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(the.teacher.notices()).isEmpty();
    }
}
