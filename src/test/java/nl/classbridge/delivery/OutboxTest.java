package nl.classbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.QuietHours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Outbox")
class OutboxTest {
    /** 21:30 in Amsterdam (summer time): in the school's quiet hours. */
    private static final Instant EVENING = Instant.parse("2026-09-01T19:30:00Z");
    /** 08:00 the next morning in Amsterdam. */
    private static final Instant NEXT_MORNING = Instant.parse("2026-09-02T06:00:00Z");

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
    @DisplayName("GIVEN a queued message WHEN the same dedupe key is enqueued again THEN there is one row, the first")
    void enqueueTwiceIsOneRow() {
        Guardian parent = the.onDiscord();
        Delivery first = the.outbox.enqueue(the.dm("round:1:guardian:" + parent.id(), parent));

        the.clock.advance(Duration.ofMinutes(5));
        Delivery second = the.outbox.enqueue(the.dm("round:1:guardian:" + parent.id(), parent));

        assertThat(second).isEqualTo(first);
        assertThat(the.store.deliveries.ofGuardian(parent.id())).containsExactly(first);
        assertThat(first.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(first.nextAttemptAt()).isEqualTo(the.clock.instant().minus(Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName(
            "GIVEN 21:30 in the school's quiet hours WHEN a DM and an email are enqueued THEN both wait until 08:00")
    void quietHoursHoldDmAndEmail() {
        Guardian parent = the.onDiscordWithEmail("ouder@example.org");
        the.clock.set(EVENING);

        Delivery dm = the.outbox.enqueue(the.dm("dm", parent));
        Delivery email = the.outbox.enqueue(the.email("email", parent));

        assertThat(dm.nextAttemptAt()).isEqualTo(NEXT_MORNING);
        assertThat(email.nextAttemptAt()).isEqualTo(NEXT_MORNING);
        assertThat(dm.createdAt()).isEqualTo(EVENING);
    }

    @Test
    @DisplayName("GIVEN a fan-out waiting its turn WHEN a parent's typed answer is answered in the conversation"
            + " THEN that answer goes out first")
    void conversationGoesFirst() {
        List<OutgoingMessage> fanOut = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fanOut.add(the.dm("greeting:" + i, the.onDiscord()));
        }
        Guardian typing = the.onDiscord();
        the.outbox.enqueueAll(fanOut);
        the.clock.advance(Duration.ofSeconds(1));

        the.outbox.enqueue(the.dm("answer-to-typed", typing).inTheConversation());
        the.dispatcher(1, Dispatcher.DEFAULT_MAX_ATTEMPTS).dispatchDue();

        assertThat(the.dms.sends()).extracting(FakeSender.Send::dedupeKey).containsExactly("answer-to-typed");
    }

    @Test
    @DisplayName("GIVEN 21:30 in the school's quiet hours WHEN a parent who just typed is answered in the"
            + " conversation THEN the answer is due at once and sent, while a DM of its own waits until 08:00")
    void conversationIsNotHeldByQuietHours() {
        Guardian typing = the.onDiscord();
        the.clock.set(EVENING);

        Delivery answer = the.outbox.enqueue(the.dm("answer-to-typed", typing).inTheConversation());
        Delivery ownDm = the.outbox.enqueue(the.dm("greeting", typing));
        the.dispatcher().dispatchDue();

        assertThat(answer.inConversation()).isTrue();
        assertThat(answer.nextAttemptAt()).isEqualTo(EVENING);
        assertThat(ownDm.nextAttemptAt()).isEqualTo(NEXT_MORNING);
        assertThat(the.dms.sends()).extracting(FakeSender.Send::dedupeKey).containsExactly("answer-to-typed");
    }

    @Test
    @DisplayName(
            "GIVEN 21:30 WHEN a class channel post is enqueued THEN it is due at once: posts follow the class schedule")
    void channelPostIsNotHeld() {
        the.clock.set(EVENING);

        Delivery post = the.outbox.enqueue(the.post("update:1"));

        assertThat(post.nextAttemptAt()).isEqualTo(EVENING);
        assertThat(post.channel()).isEqualTo(DeliveryChannel.DISCORD_CHANNEL);
    }

    @Test
    @DisplayName("GIVEN a family with its own quiet hours 22:00-07:00 WHEN DMs are enqueued at 21:30 and 23:00 "
            + "THEN theirs apply, not the school's")
    void guardiansOwnQuietHoursOverrideTheSchools() {
        Guardian ownHours = the.onDiscord();
        the.store.guardians.savePlan(
                ownHours.id(), ownHours.plan().withQuietHours(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))));
        Guardian schoolHours = the.onDiscord();
        the.clock.set(EVENING);

        Delivery allowedForThem = the.outbox.enqueue(the.dm("a", ownHours));
        Delivery heldBySchool = the.outbox.enqueue(the.dm("b", schoolHours));
        the.clock.set(Instant.parse("2026-09-01T21:00:00Z"));
        Delivery heldByOwn = the.outbox.enqueue(the.dm("c", ownHours));

        assertThat(allowedForThem.nextAttemptAt()).isEqualTo(EVENING);
        assertThat(heldBySchool.nextAttemptAt()).isEqualTo(NEXT_MORNING);
        assertThat(heldByOwn.nextAttemptAt()).isEqualTo(Instant.parse("2026-09-02T05:00:00Z"));
    }

    @Test
    @DisplayName("GIVEN 50 guardians WHEN a fan-out is enqueued THEN 50 rows in order, and again: still 50")
    void fanOut() {
        List<OutgoingMessage> fanOut = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fanOut.add(the.dm("round:1:guardian:" + i, the.onDiscord()));
        }

        List<Delivery> rows = the.outbox.enqueueAll(fanOut);
        List<Delivery> again = the.outbox.enqueueAll(fanOut);

        assertThat(rows)
                .hasSize(50)
                .extracting(Delivery::dedupeKey)
                .containsExactlyElementsOf(
                        fanOut.stream().map(OutgoingMessage::dedupeKey).toList());
        assertThat(again).isEqualTo(rows);
        assertThat(the.store.deliveries.countQueued(DeliveryChannel.DISCORD_DM)).isEqualTo(50);
    }

    @Test
    @DisplayName(
            "GIVEN a fan-out whose 26th guardian was removed meanwhile WHEN it is enqueued THEN it fails and no row is left")
    void fanOutIsAllOrNothing() {
        List<OutgoingMessage> fanOut = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fanOut.add(the.dm("round:1:guardian:" + i, the.onDiscord()));
        }
        the.store.guardians.remove(fanOut.get(25).guardianId().orElseThrow());

        assertThatThrownBy(() -> the.outbox.enqueueAll(fanOut)).isInstanceOf(IllegalArgumentException.class);

        assertThat(the.store.deliveries.countQueued(DeliveryChannel.DISCORD_DM)).isZero();
        assertThat(the.store.deliveries.findByKey("round:1:guardian:0")).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a listener WHEN rows are enqueued THEN it hears of it after they are stored")
    void listenerHearsAfterCommit() {
        Guardian parent = the.onDiscord();
        List<Long> seen = new ArrayList<>();
        the.outbox.whenEnqueued(() -> seen.add(the.store.deliveries.countQueued(DeliveryChannel.DISCORD_DM)));

        the.outbox.enqueue(the.dm("one", parent));
        the.outbox.enqueueAll(List.of(the.dm("two", parent), the.dm("three", parent)));

        assertThat(seen).containsExactly(1L, 3L);
    }

    @Test
    @DisplayName("GIVEN no dedupe key WHEN a message is made THEN it is refused: a retry would send it twice")
    void dedupeKeyRequired() {
        assertThatThrownBy(() -> the.post(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
