package nl.classbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HousekeepingTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("answers, sent messages and audit entries older than the retention period are removed; newer stay")
    void removesWhatIsTooOld() {
        try (TestStore store = new TestStore(folder)) {
            Instant start = TestStore.T0;
            SchoolClass groep5 = store.aClass();
            Student sam = store.aStudent(groep5, "Sam");
            Guardian parent = store.guardians.addDiscord(1L, start);
            long version = store.questionnaires
                    .remember("check-in", 1, "h", "d", start)
                    .id();

            var oldRound =
                    store.checkins.startRound(groep5.id(), version, "old", 1L, start, start.plus(Duration.ofDays(7)));
            var oldRequest =
                    store.checkins.addRequest(oldRound.id(), parent.id(), sam.id(), ContactChannel.DISCORD, start);
            store.checkins.saveAnswer(
                    Answer.given(oldRequest.id(), "feeling", "4", AnswerSource.DISCORD_BUTTON, start));
            var oldDm = store.deliveries.enqueue(
                    "old-dm",
                    Optional.of(groep5.id()),
                    Optional.of(parent.id()),
                    DeliveryChannel.DISCORD_DM,
                    "checkin-question",
                    "{}",
                    start,
                    start);
            store.deliveries.claim(oldDm.id(), start);
            var oldMail = store.deliveries.enqueue(
                    "old-mail",
                    Optional.of(groep5.id()),
                    Optional.of(parent.id()),
                    DeliveryChannel.EMAIL,
                    "checkin-question",
                    "{}",
                    start,
                    start);
            store.deliveries.markHandedOff(oldDm.id(), "dm-closed", oldMail.id(), start);
            store.deliveries.claim(oldMail.id(), start);
            store.deliveries.markSent(oldMail.id(), Optional.of("<m@x>"), start);
            store.deliveries.enqueue(
                    "old-but-queued",
                    Optional.empty(),
                    Optional.empty(),
                    DeliveryChannel.EMAIL,
                    "x",
                    "{}",
                    start,
                    start);
            store.auditLog.record(new AuditEntry(start, 1L, Optional.of(groep5.id()), "class.setup", ""));

            Instant later = start.plus(Duration.ofDays(400));
            var newRound =
                    store.checkins.startRound(groep5.id(), version, "new", 1L, later, later.plus(Duration.ofDays(7)));
            store.auditLog.record(new AuditEntry(later, 1L, Optional.of(groep5.id()), "checkin.start", ""));
            store.invites.add(sam.id(), "expired", 1L, later, later.plus(Duration.ofDays(14)));
            store.invites.add(sam.id(), "valid", 1L, later.plus(Duration.ofDays(20)), later.plus(Duration.ofDays(34)));

            JoinAttemptRepository attempts = new JoinAttemptRepository(store.database);
            attempts.recordFailure(5L, later.plus(Duration.ofDays(19)));
            attempts.recordFailure(5L, later.plus(Duration.ofDays(21)).minusSeconds(60));
            MutableClock clock = new MutableClock(later.plus(Duration.ofDays(21)));
            Housekeeping housekeeping = new Housekeeping(Repositories.over(store.database), 12, 12, clock);
            Housekeeping.Removed removed = housekeeping.run();

            assertThat(removed).isEqualTo(new Housekeeping.Removed(1, 0, 0, 2, 0, 1, 1, 1, 0, 0, 0));
            assertThat(attempts.failuresSince(5L, later)).isEqualTo(1);
            assertThat(store.checkins.findRound(oldRound.id())).isEmpty();
            assertThat(store.checkins.answers(oldRequest.id())).isEmpty();
            assertThat(store.checkins.findRound(newRound.id())).isPresent();
            assertThat(store.deliveries.findByKey("old-but-queued")).isPresent();
            assertThat(store.auditLog.ofClass(groep5.id()))
                    .extracting(AuditEntry::action)
                    .containsExactly("checkin.start");
            assertThat(store.auditLog.since(later))
                    .extracting(AuditEntry::action, AuditEntry::detail)
                    .contains(org.assertj.core.groups.Tuple.tuple("retention", removed.counts()));
            assertThat(store.invites.findByHash("expired")).isEmpty();
            assertThat(store.invites.findByHash("valid")).isPresent();
        }
    }
}
