package nl.classbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuestionnaireVersion;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.ReplyToken;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.domain.UpdateSchedule;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every repository writes to a real SQLite file and reads back what it wrote. */
class RepositoriesTest {
    private static final Instant T0 = TestStore.T0;

    @TempDir
    Path folder;

    TestStore store;
    SchoolClass groep5;

    @BeforeEach
    void open() {
        store = new TestStore(folder);
        groep5 = store.aClass();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("classes: stored, found by channel and guild, updated; a channel binds one class only")
    void schoolClasses() {
        assertThat(store.classes.find(groep5.id())).contains(groep5);
        assertThat(store.classes.findByChannel(TestStore.CHANNEL)).contains(groep5);
        assertThat(store.classes.inGuild(TestStore.GUILD)).containsExactly(groep5);

        SchoolClass renamed = new SchoolClass(
                groep5.id(),
                "Groep 5b",
                groep5.guildId(),
                groep5.channelId(),
                Language.EN,
                ZoneId.of("Europe/London"),
                77L,
                "Meester Tom",
                groep5.createdAt());
        store.classes.update(renamed);
        assertThat(store.classes.find(groep5.id())).contains(renamed);

        assertThatThrownBy(() -> store.classes.add(
                        "Other",
                        TestStore.GUILD,
                        TestStore.CHANNEL,
                        Language.NL,
                        ZoneId.of("Europe/Amsterdam"),
                        1L,
                        "Juf Anna",
                        T0))
                .isInstanceOf(ConstraintViolation.class);
    }

    @Test
    @DisplayName("students: names unique per class in any letter case; removal takes links along")
    void students() {
        Student sam = store.aStudent(groep5, "Sam");
        Student noor = store.aStudent(groep5, "Noor");
        assertThat(store.students.inClass(groep5.id())).containsExactly(noor, sam);
        assertThat(store.students.findByName(groep5.id(), "SAM")).contains(sam);
        assertThatThrownBy(() -> store.aStudent(groep5, "sam")).isInstanceOf(ConstraintViolation.class);

        Guardian parent = store.guardians.addDiscord(500L, T0);
        store.guardians.link(parent.id(), sam.id(), T0);
        assertThat(store.students.childrenOf(parent.id())).containsExactly(sam);

        assertThat(store.students.remove(sam.id())).isTrue();
        assertThat(store.students.childrenOf(parent.id())).isEmpty();
        assertThat(store.students.find(sam.id())).isEmpty();
    }

    @Test
    @DisplayName("guardians: plan, reachability and links round-trip; a guardian needs Discord or email")
    void guardians() {
        Student sam = store.aStudent(groep5, "Sam");
        Student mila = store.aStudent(groep5, "Mila");
        Guardian onDiscord = store.guardians.addDiscord(501L, T0);
        Guardian byEmail = store.guardians.addEmail("ouder@example.org", Optional.of(Language.TR), T0);

        assertThat(store.guardians.link(onDiscord.id(), sam.id(), T0)).isTrue();
        assertThat(store.guardians.link(onDiscord.id(), sam.id(), T0)).isFalse();
        store.guardians.link(onDiscord.id(), mila.id(), T0);
        store.guardians.link(byEmail.id(), sam.id(), T0);

        assertThat(store.guardians.findByDiscordUser(501L)).contains(onDiscord);
        assertThat(store.guardians.findByEmail("OUDER@example.org")).contains(byEmail);
        assertThat(store.guardians.ofStudent(sam.id())).containsExactly(onDiscord, byEmail);
        assertThat(store.guardians.inClass(groep5.id())).containsExactly(onDiscord, byEmail);
        assertThat(byEmail.plan().languageOr(Language.NL)).isEqualTo(Language.TR);

        CommunicationPlan plan = onDiscord
                .plan()
                .withChannel(ContactChannel.BOTH)
                .withLanguage(Language.AR)
                .withContactTimes("after-school")
                .withQuietHours(new QuietHours(LocalTime.of(19, 0), LocalTime.of(8, 30)));
        store.guardians.savePlan(onDiscord.id(), plan);
        store.guardians.setEmail(onDiscord.id(), "papa@example.org");
        store.guardians.markDiscordUnreachable(onDiscord.id(), "dm-closed");
        Guardian reread = store.guardians.find(onDiscord.id()).orElseThrow();
        assertThat(reread.plan()).isEqualTo(plan);
        assertThat(reread.discordUnreachable()).isTrue();
        assertThat(reread.statusReason()).contains("dm-closed");
        assertThat(reread.wantsDiscord()).isFalse();
        assertThat(reread.wantsEmail()).isTrue();

        store.guardians.markEmailInvalid(byEmail.id(), "bounced");
        assertThat(store.guardians.find(byEmail.id()).orElseThrow().unreachable())
                .isTrue();

        assertThatThrownBy(() ->
                        store.database.execute(sql -> sql.insert("INSERT INTO guardian (created_at) VALUES (?)", T0)))
                .isInstanceOf(ConstraintViolation.class);
        assertThat(store.guardians.remove(byEmail.id())).isTrue();
        assertThat(store.guardians.ofStudent(sam.id())).containsExactly(reread);
    }

    @Test
    @DisplayName("invites: stored by hash, claimed once, unexpired only")
    void invites() {
        Student sam = store.aStudent(groep5, "Sam");
        Guardian parent = store.guardians.addDiscord(502L, T0);
        var invite = store.invites.add(sam.id(), "hash-1", TestStore.TEACHER, T0, T0.plus(Duration.ofDays(14)));
        assertThat(store.invites.findByHash("hash-1")).contains(invite);

        assertThat(store.invites.claim(invite.id(), parent.id(), T0.plus(Duration.ofDays(15))))
                .isFalse();
        assertThat(store.invites.claim(invite.id(), parent.id(), T0.plus(Duration.ofDays(1))))
                .isTrue();
        assertThat(store.invites.claim(invite.id(), parent.id(), T0.plus(Duration.ofDays(2))))
                .isFalse();
        assertThat(store.invites.findByHash("hash-1").orElseThrow().usedAt()).contains(T0.plus(Duration.ofDays(1)));

        store.invites.add(sam.id(), "hash-2", TestStore.TEACHER, T0, T0.plus(Duration.ofDays(14)));
        assertThat(store.invites.removeExpiredUnused(T0.plus(Duration.ofDays(30))))
                .isEqualTo(1);
        assertThat(store.invites.findByHash("hash-2")).isEmpty();
        assertThat(store.invites.findByHash("hash-1")).isPresent();
    }

    @Test
    @DisplayName("highlights: queued until used, editable and removable while queued")
    void highlights() {
        var first = store.highlights.add(groep5.id(), HighlightKind.LEARNING, "Tafels van 7 geoefend", 1L, T0);
        var second = store.highlights.add(
                groep5.id(), HighlightKind.SOCIAL_EMOTIONAL, "Samen opgeruimd", 1L, T0.plusSeconds(60));
        var third = store.highlights.add(groep5.id(), HighlightKind.CELEBRATION, "Verjaardag", 1L, T0.plusSeconds(120));
        assertThat(store.highlights.queued(groep5.id())).containsExactly(first, second, third);

        assertThat(store.highlights.edit(second.id(), "Samen de klas opgeruimd"))
                .isTrue();
        assertThat(store.highlights.remove(third.id())).isTrue();
        store.highlights.markUsed(List.of(first.id()), T0.plusSeconds(300));

        assertThat(store.highlights.queued(groep5.id()))
                .singleElement()
                .satisfies(h -> assertThat(h.text()).isEqualTo("Samen de klas opgeruimd"));
        assertThat(store.highlights.edit(first.id(), "changed after posting")).isFalse();
    }

    @Test
    @DisplayName("update schedules: saved, replaced, due by next run, advanced once per run")
    void updateSchedules() {
        Instant next = Instant.parse("2026-09-04T13:00:00Z");
        UpdateSchedule schedule = new UpdateSchedule(
                groep5.id(),
                DayOfWeek.FRIDAY,
                LocalTime.of(15, 0),
                1,
                Optional.empty(),
                Optional.empty(),
                next,
                Optional.empty());
        store.schedules.save(schedule);
        assertThat(store.schedules.find(groep5.id())).contains(schedule);

        UpdateSchedule paused = new UpdateSchedule(
                groep5.id(),
                DayOfWeek.FRIDAY,
                LocalTime.of(15, 0),
                2,
                Optional.of(LocalDate.of(2026, 10, 25)),
                Optional.of("herfstvakantie"),
                next,
                Optional.empty());
        store.schedules.save(paused);
        assertThat(store.schedules.find(groep5.id())).contains(paused);

        assertThat(store.schedules.due(next.minusSeconds(1))).isEmpty();
        assertThat(store.schedules.due(next)).containsExactly(paused);
        Instant after = next.plus(Duration.ofDays(14));
        assertThat(store.schedules.advance(groep5.id(), next, after)).isTrue();
        assertThat(store.schedules.advance(groep5.id(), next, after)).isFalse();
        assertThat(store.schedules.find(groep5.id()).orElseThrow().lastRunAt()).contains(next);
    }

    @Test
    @DisplayName("questionnaires: the same content is one version; changed content a new one, numbered by the"
            + " file when free")
    void questionnaires() {
        QuestionnaireVersion v1 = store.questionnaires.remember("check-in", 1, "aaa", "id: check-in\n", T0);
        assertThat(store.questionnaires.remember("check-in", 1, "aaa", "id: check-in\n", T0.plusSeconds(5)))
                .isEqualTo(v1);
        QuestionnaireVersion forgotToBump =
                store.questionnaires.remember("check-in", 1, "bbb", "id: check-in\n# b\n", T0);
        QuestionnaireVersion bumped = store.questionnaires.remember("check-in", 5, "ccc", "id: check-in\n# c\n", T0);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(forgotToBump.version()).isEqualTo(2);
        assertThat(bumped.version()).isEqualTo(5);
        assertThat(store.questionnaires.latest("check-in")).contains(bumped);
        assertThat(store.questionnaires.find(v1.id())).contains(v1);
    }

    @Test
    @DisplayName("check-ins: rounds, requests, questions sent and answers; a changed answer replaces the old")
    void checkins() {
        Student sam = store.aStudent(groep5, "Sam");
        Guardian parent = store.guardians.addDiscord(503L, T0);
        QuestionnaireVersion version = store.questionnaires.remember("check-in", 1, "h", "def", T0);
        Instant deadline = T0.plus(Duration.ofDays(7));
        CheckinRound round =
                store.checkins.startRound(groep5.id(), version.id(), "tok123", TestStore.TEACHER, T0, deadline);
        assertThat(store.checkins.findRound(round.id())).contains(round);
        assertThat(store.checkins.findRoundByToken("tok123")).contains(round);
        assertThat(store.checkins.openRound(groep5.id(), T0)).contains(round);
        assertThat(store.checkins.openRound(groep5.id(), deadline)).isEmpty();

        CheckinRequest request =
                store.checkins.addRequest(round.id(), parent.id(), sam.id(), ContactChannel.DISCORD, T0);
        assertThat(store.checkins.addRequest(round.id(), parent.id(), sam.id(), ContactChannel.DISCORD, T0))
                .isEqualTo(request);
        assertThat(store.checkins.openRequestsOf(parent.id())).containsExactly(request);

        store.checkins.recordQuestionSent(request.id(), "feeling", Optional.of("999"), T0);
        store.checkins.saveAnswer(Answer.given(request.id(), "feeling", "4", AnswerSource.DISCORD_BUTTON, T0));
        store.checkins.saveAnswer(
                Answer.given(request.id(), "feeling", "5", AnswerSource.DISCORD_BUTTON, T0.plusSeconds(9)));
        store.checkins.saveAnswer(Answer.skipped(request.id(), "good-to-know", AnswerSource.DISCORD_BUTTON, T0));
        store.checkins.updateProgress(request.id(), RequestStatus.ANSWERED, 3, T0.plusSeconds(10));

        assertThat(store.checkins.questionsSent(request.id())).containsExactly("feeling");
        assertThat(store.checkins.answers(request.id()))
                .containsExactly(
                        Answer.given(request.id(), "feeling", "5", AnswerSource.DISCORD_BUTTON, T0.plusSeconds(9)),
                        Answer.skipped(request.id(), "good-to-know", AnswerSource.DISCORD_BUTTON, T0));
        CheckinRequest done = store.checkins.findRequest(request.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(RequestStatus.ANSWERED);
        assertThat(done.completedAt()).contains(T0.plusSeconds(10));
        assertThat(store.checkins.openRequestsOf(parent.id())).isEmpty();

        store.checkins.markReminded(round.id(), T0.plusSeconds(20));
        store.checkins.closeRound(round.id(), T0.plusSeconds(30));
        CheckinRound closed = store.checkins.findRound(round.id()).orElseThrow();
        assertThat(closed.remindedAt()).contains(T0.plusSeconds(20));
        assertThat(closed.openAt(T0.plusSeconds(31))).isFalse();
    }

    @Test
    @DisplayName("outbox: one row per dedupe key, claimed once, retried, sent, handed off")
    void deliveries() {
        Guardian parent = store.guardians.addDiscord(504L, T0);
        Delivery dm = store.deliveries.enqueue(
                "round:1:guardian:" + parent.id(),
                Optional.of(groep5.id()),
                Optional.of(parent.id()),
                DeliveryChannel.DISCORD_DM,
                "checkin-question",
                "{}",
                T0,
                T0);
        assertThat(store.deliveries.enqueue(
                        "round:1:guardian:" + parent.id(),
                        Optional.of(groep5.id()),
                        Optional.of(parent.id()),
                        DeliveryChannel.DISCORD_DM,
                        "checkin-question",
                        "{other}",
                        T0,
                        T0))
                .isEqualTo(dm);
        assertThat(store.deliveries.due(DeliveryChannel.DISCORD_DM, T0, 10)).containsExactly(dm);
        assertThat(store.deliveries.countQueued(DeliveryChannel.DISCORD_DM)).isEqualTo(1);

        assertThat(store.deliveries.claim(dm.id(), T0)).isTrue();
        assertThat(store.deliveries.claim(dm.id(), T0)).isFalse();
        assertThat(store.deliveries.interrupted()).extracting(Delivery::id).containsExactly(dm.id());
        store.deliveries.retryLater(dm.id(), "http-503", T0.plusSeconds(60));
        assertThat(store.deliveries.due(DeliveryChannel.DISCORD_DM, T0, 10)).isEmpty();
        assertThat(store.deliveries.due(DeliveryChannel.DISCORD_DM, T0.plusSeconds(60), 10))
                .hasSize(1);

        store.deliveries.claim(dm.id(), T0.plusSeconds(60));
        Delivery email = store.deliveries.enqueue(
                "round:1:guardian:" + parent.id() + ":email",
                Optional.of(groep5.id()),
                Optional.of(parent.id()),
                DeliveryChannel.EMAIL,
                "checkin-question",
                "{}",
                T0,
                T0);
        store.deliveries.markHandedOff(dm.id(), "dm-closed", email.id(), T0);
        Delivery handedOff = store.deliveries.find(dm.id()).orElseThrow();
        assertThat(handedOff.status()).isEqualTo(DeliveryStatus.HANDED_OFF);
        assertThat(handedOff.handedOffTo()).contains(email.id());
        assertThat(handedOff.attempts()).isEqualTo(2);

        store.deliveries.claim(email.id(), T0);
        store.deliveries.setExternalId(email.id(), "<abc@classbridge>");
        store.deliveries.markSent(email.id(), Optional.empty(), T0.plusSeconds(1));
        Delivery sent = store.deliveries.findByKey(email.dedupeKey()).orElseThrow();
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.externalId()).contains("<abc@classbridge>");
        assertThat(sent.sentAt()).contains(T0.plusSeconds(1));
        assertThat(store.deliveries.ofGuardian(parent.id())).hasSize(2);

        Delivery later = store.deliveries.enqueue(
                "x", Optional.empty(), Optional.empty(), DeliveryChannel.DISCORD_CHANNEL, "class-update", "{}", T0, T0);
        store.deliveries.cancel(later.id());
        assertThat(store.deliveries.find(later.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.CANCELLED);
        store.deliveries.claim(later.id(), T0);
        store.deliveries.markFailed(later.id(), "x", T0);
        assertThat(store.deliveries.find(later.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.CANCELLED);
    }

    @Test
    @DisplayName("outbox: a row left sending is queued again as the same attempt with its external id; "
            + "the earliest queued row per channel is known; a queued row can be postponed")
    void interruptedDeliveries() {
        Guardian parent = store.guardians.addDiscord(505L, T0);
        assertThat(store.deliveries.nextAttemptAt(DeliveryChannel.DISCORD_DM)).isEmpty();
        Delivery later = store.deliveries.enqueue(
                "later",
                Optional.empty(),
                Optional.of(parent.id()),
                DeliveryChannel.DISCORD_DM,
                "checkin-question",
                "{}",
                T0.plusSeconds(90),
                T0);
        Delivery dm = store.deliveries.enqueue(
                "now",
                Optional.empty(),
                Optional.of(parent.id()),
                DeliveryChannel.DISCORD_DM,
                "checkin-question",
                "{}",
                T0,
                T0);
        assertThat(store.deliveries.nextAttemptAt(DeliveryChannel.DISCORD_DM)).contains(T0);
        assertThat(store.deliveries.nextAttemptAt(DeliveryChannel.EMAIL)).isEmpty();

        store.deliveries.claim(dm.id(), T0);
        store.deliveries.setExternalId(dm.id(), "nonce-1");
        assertThat(store.deliveries.nextAttemptAt(DeliveryChannel.DISCORD_DM)).contains(T0.plusSeconds(90));
        assertThat(store.deliveries.requeueInterrupted(dm.id(), T0.plusSeconds(30)))
                .isTrue();
        assertThat(store.deliveries.requeueInterrupted(dm.id(), T0.plusSeconds(30)))
                .isFalse();
        assertThat(store.deliveries.requeueInterrupted(later.id(), T0.plusSeconds(30)))
                .isFalse();

        Delivery requeued = store.deliveries.find(dm.id()).orElseThrow();
        assertThat(requeued.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(requeued.attempts()).isZero();
        assertThat(requeued.externalId()).contains("nonce-1");
        assertThat(requeued.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(store.deliveries.interrupted()).isEmpty();
        assertThat(store.deliveries.find(later.id()).orElseThrow()).isEqualTo(later);

        assertThat(store.deliveries.postpone(later.id(), T0.plusSeconds(600))).isTrue();
        assertThat(store.deliveries.find(later.id()).orElseThrow().nextAttemptAt())
                .isEqualTo(T0.plusSeconds(600));
        assertThat(store.deliveries.find(later.id()).orElseThrow().attempts()).isZero();
        store.deliveries.claim(dm.id(), T0.plusSeconds(30));
        assertThat(store.deliveries.postpone(dm.id(), T0.plusSeconds(600))).isFalse();
    }

    @Test
    @DisplayName("audit log: entries per class in order, trimmed by retention")
    void auditLog() {
        AuditEntry setup =
                new AuditEntry(T0, TestStore.TEACHER, Optional.of(groep5.id()), "class.setup", "language=nl");
        AuditEntry invite = new AuditEntry(
                T0.plusSeconds(5), TestStore.TEACHER, Optional.of(groep5.id()), "invite.create", "student=1");
        store.auditLog.record(invite);
        store.auditLog.record(setup);
        assertThat(store.auditLog.ofClass(groep5.id())).containsExactly(setup, invite);
        assertThat(store.auditLog.removeOlderThan(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(store.auditLog.since(T0)).containsExactly(invite);
    }

    @Test
    @DisplayName("received mails: each UID of a folder generation is claimed once; a new UIDVALIDITY starts over")
    void mailSeen() {
        MailSeenRepository seen = new MailSeenRepository(store.database);
        assertThat(seen.lastUid(7)).isZero();
        assertThat(seen.claim(7, 41, T0)).isTrue();
        assertThat(seen.claim(7, 41, T0)).isFalse();
        assertThat(seen.claim(7, 42, T0)).isTrue();
        assertThat(seen.unfinished(7)).containsExactly(41L, 42L);
        seen.finish(7, 41, "answers", T0);
        assertThat(seen.unfinished(7)).containsExactly(42L);
        assertThat(seen.outcome(7, 41)).contains("answers");
        assertThat(seen.lastUid(7)).isEqualTo(42);
        assertThat(seen.outcome(8, 41)).isEmpty();
        assertThat(seen.lastUid(8)).isZero();
    }

    @Test
    @DisplayName("received mails leave the mailbox once finished before the cut-off, and only once")
    void mailToExpunge() {
        MailSeenRepository seen = new MailSeenRepository(store.database);
        seen.claim(7, 1, T0);
        seen.finish(7, 1, "answers", T0);
        seen.claim(7, 2, T0);
        seen.finish(7, 2, "auto-reply", T0.plusSeconds(3600));
        seen.claim(7, 3, T0); // still being read: never expunged under the reader's feet
        assertThat(seen.toExpunge(7, T0.plusSeconds(60), 100)).containsExactly(1L);
        assertThat(seen.toExpunge(7, T0.plusSeconds(7200), 100)).containsExactly(1L, 2L);
        seen.markExpunged(7, List.of(1L), T0.plusSeconds(7200));
        assertThat(seen.toExpunge(7, T0.plusSeconds(7200), 100)).containsExactly(2L);
    }

    @Test
    @DisplayName("reply tokens: one per guardian and request, one per guardian alone, the same when asked again")
    void replyTokens() {
        ReplyTokenRepository tokens = new ReplyTokenRepository(store.database);
        Guardian guardian = store.guardians.addEmail("ouder@example.org", Optional.empty(), T0);
        Iterator<String> fresh = List.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc", "dddddddddddddddd")
                .iterator();
        String own = tokens.forGuardian(guardian.id(), fresh::next, T0);
        assertThat(own).isEqualTo("aaaaaaaaaaaaaaaa");
        assertThat(tokens.forGuardian(guardian.id(), fresh::next, T0)).isEqualTo(own);
        assertThat(tokens.find(own)).contains(new ReplyToken(own, guardian.id(), Optional.empty()));
        assertThat(tokens.find("zzzzzzzzzzzzzzzz")).isEmpty();
    }
}
