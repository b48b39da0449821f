package nl.classbridge.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.UpdateSchedule;
import nl.classbridge.mail.MailText;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class update job with a clock the test moves: on time across DST, once, and never empty. */
class UpdateRunsTest {
    @TempDir
    Path folder;

    UpdatesFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new UpdatesFixture(folder);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private UpdateSchedule schedule() {
        return fixture.schedules.find(fixture.groep5).orElseThrow();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** Runs the job a minute before the next run (nothing happens) and at it; returns the run instants posted. */
    private List<Instant> weeksOfPosts(int weeks) {
        List<Instant> posted = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            fixture.highlight(HighlightKind.LEARNING, "Week " + week);
            Instant next = schedule().nextRunAt();
            assertThat(fixture.runAt(next.minus(Duration.ofMinutes(1)))).isEmpty();
            assertThat(fixture.runAt(next)).singleElement().isInstanceOf(UpdateRuns.Run.Posted.class);
            posted.add(next);
        }
        assertThat(fixture.posts())
                .extracting(d -> UpdateMail.postOf(d.payload()).runAt())
                .containsExactlyElementsOf(posted);
        return posted;
    }

    @Test
    @DisplayName("weekly Friday 15:00 across the October 2026 switch (25 Oct): 13:00Z in summer time, 14:00Z after")
    void autumnSwitch() {
        fixture.clock.set(at("2026-10-12T10:00:00Z"));
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        List<Instant> posted = weeksOfPosts(4);
        assertThat(posted)
                .containsExactly(
                        at("2026-10-16T13:00:00Z"),
                        at("2026-10-23T13:00:00Z"),
                        at("2026-10-30T14:00:00Z"),
                        at("2026-11-06T14:00:00Z"));
        assertThat(posted)
                .allSatisfy(
                        run -> assertThat(run.atZone(UpdatesFixture.AMSTERDAM).toLocalTime())
                                .isEqualTo(LocalTime.of(15, 0)));
    }

    @Test
    @DisplayName("weekly Friday 15:00 across the March 2027 switch (28 Mar): 14:00Z in winter time, 13:00Z after")
    void springSwitch() {
        fixture.clock.set(at("2027-03-15T10:00:00Z"));
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        assertThat(weeksOfPosts(4))
                .containsExactly(
                        at("2027-03-19T14:00:00Z"),
                        at("2027-03-26T14:00:00Z"),
                        at("2027-04-02T13:00:00Z"),
                        at("2027-04-09T13:00:00Z"));
    }

    @Test
    @DisplayName("every other week: nothing in the week between")
    void everyOtherWeek() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 2);
        fixture.highlight(HighlightKind.LEARNING, "Lezen");
        assertThat(fixture.runAt(at("2026-09-04T13:00:00Z"))).hasSize(1);
        fixture.highlight(HighlightKind.LEARNING, "Rekenen");
        assertThat(fixture.runAt(at("2026-09-11T13:00:00Z"))).isEmpty();
        assertThat(schedule().nextRunAt()).isEqualTo(at("2026-09-18T13:00:00Z"));
        assertThat(fixture.runAt(at("2026-09-18T13:00:00Z"))).hasSize(1);
        assertThat(fixture.posts()).hasSize(2);
    }

    @Test
    @DisplayName("a paused week posts nothing and tells nobody; the highlights wait and go out the week after")
    void pausedWeek() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        fixture.schedules.pause(
                fixture.groep5, java.time.LocalDate.of(2026, 9, 6), Optional.of("studiedag"), TestStore.TEACHER);
        Highlight waiting = fixture.highlight(HighlightKind.TOGETHER, "Schoolreis");
        assertThat(fixture.runAt(at("2026-09-04T13:00:00Z")))
                .containsExactly(new UpdateRuns.Run.Paused(fixture.groep5.id(), at("2026-09-04T13:00:00Z")));
        assertThat(fixture.outboxRows()).isEmpty();
        assertThat(fixture.teacher.calls).isEmpty();
        assertThat(fixture.runAt(at("2026-09-11T13:00:00Z")))
                .singleElement()
                .isInstanceOfSatisfying(
                        UpdateRuns.Run.Posted.class,
                        posted -> assertThat(posted.highlightIds()).containsExactly(waiting.id()));
    }

    @Test
    @DisplayName("an empty week: one reminder the day before at 15:00 however often the job runs, no post, and a"
            + " note on the day")
    void emptyWeek() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        assertThat(fixture.runAt(at("2026-09-03T12:59:00Z"))).isEmpty(); // Thursday 14:59
        for (String minute : List.of(
                "2026-09-03T13:00:00Z",
                "2026-09-03T13:01:00Z",
                "2026-09-03T18:00:00Z",
                "2026-09-04T07:00:00Z",
                "2026-09-04T12:59:00Z")) {
            assertThat(fixture.runAt(at(minute)))
                    .containsExactly(new UpdateRuns.Run.Reminded(fixture.groep5.id(), at("2026-09-04T13:00:00Z")));
        }
        assertThat(fixture.teacher.sent()).singleElement().satisfies(told -> {
            assertThat(told.key()).isEqualTo("updates.teacher.reminder-empty");
            assertThat(told.values()).isEqualTo(Map.of("time", "15:00"));
            assertThat(told.dedupeKey()).isEqualTo("update:" + fixture.groep5.id() + ":1788526800000:reminder");
        });

        assertThat(fixture.runAt(at("2026-09-04T13:00:00Z")))
                .containsExactly(new UpdateRuns.Run.Empty(fixture.groep5.id(), at("2026-09-04T13:00:00Z")));
        fixture.runAt(at("2026-09-04T13:01:00Z"));
        assertThat(fixture.outboxRows()).isEmpty();
        assertThat(fixture.teacher.sent())
                .extracting(UpdatesFixture.RecordingTeacher.Told::key)
                .containsExactly("updates.teacher.reminder-empty", "updates.teacher.skipped-empty");
        assertThat(schedule().nextRunAt()).isEqualTo(at("2026-09-11T13:00:00Z"));
    }

    @Test
    @DisplayName("no reminder when something is queued, or when the run falls in a pause")
    void noNeedlessReminder() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        fixture.highlight(HighlightKind.LEARNING, "Lezen");
        assertThat(fixture.runAt(at("2026-09-03T13:00:00Z"))).isEmpty();
        fixture.runAt(at("2026-09-04T13:00:00Z"));
        fixture.schedules.pause(
                fixture.groep5, java.time.LocalDate.of(2026, 9, 11), Optional.empty(), TestStore.TEACHER);
        assertThat(fixture.runAt(at("2026-09-10T13:00:00Z"))).isEmpty();
        assertThat(fixture.teacher.calls).isEmpty();
    }

    @Test
    @DisplayName("the bot was down: 2 h late still posts, once")
    void catchUpWithinLimit() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        fixture.highlight(HighlightKind.LEARNING, "Lezen");
        assertThat(fixture.runAt(at("2026-09-04T15:00:00Z"))).singleElement().isInstanceOf(UpdateRuns.Run.Posted.class);
        assertThat(fixture.runAt(at("2026-09-04T15:01:00Z"))).isEmpty();
        assertThat(fixture.posts())
                .singleElement()
                .satisfies(post ->
                        assertThat(UpdateMail.postOf(post.payload()).runAt()).isEqualTo(at("2026-09-04T13:00:00Z")));
        assertThat(schedule().nextRunAt()).isEqualTo(at("2026-09-11T13:00:00Z"));
    }

    @Test
    @DisplayName("the bot was down: 13 h late (catch-up 12) is skipped and the teacher told; highlights wait")
    void catchUpTooLate() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        fixture.highlight(HighlightKind.LEARNING, "Lezen");
        assertThat(fixture.runAt(at("2026-09-05T02:00:00Z")))
                .containsExactly(new UpdateRuns.Run.Missed(
                        fixture.groep5.id(), at("2026-09-04T13:00:00Z"), at("2026-09-11T13:00:00Z")));
        assertThat(fixture.outboxRows()).isEmpty();
        assertThat(fixture.store.highlights.queued(fixture.groep5.id())).hasSize(1);
        assertThat(fixture.teacher.sent()).singleElement().satisfies(told -> {
            assertThat(told.key()).isEqualTo("updates.teacher.missed-run");
            assertThat(told.values()).isEqualTo(Map.of("date", "vrijdag 4 september 2026"));
        });
    }

    @Test
    @DisplayName("down for three weeks: every missed run skipped in one go, one note, the next run is in the future")
    void longOutage() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        fixture.highlight(HighlightKind.LEARNING, "Lezen");
        List<UpdateRuns.Run> runs = fixture.runAt(at("2026-09-23T09:00:00Z"));
        assertThat(runs).singleElement().isInstanceOf(UpdateRuns.Run.Missed.class);
        assertThat(schedule().nextRunAt()).isEqualTo(at("2026-09-25T13:00:00Z"));
        assertThat(fixture.teacher.sent()).hasSize(1);
    }

    @Test
    @DisplayName("the job twice in the same minute: one post and one email per guardian who reads email")
    void runTwice() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        fixture.highlight(HighlightKind.LEARNING, "Lezen");
        fixture.runAt(at("2026-09-04T13:00:00Z"));
        fixture.runAt(at("2026-09-04T13:00:00Z"));
        assertThat(fixture.posts()).hasSize(1);
        assertThat(fixture.emailCopies()).hasSize(3);
    }

    @Test
    @DisplayName("two processes on one database at the same moment: one post, one email per guardian")
    void twoInstances() throws Exception {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        fixture.highlight(HighlightKind.LEARNING, "Lezen");
        fixture.clock.set(at("2026-09-04T13:00:30Z"));
        try (TestStore other = new TestStore(folder)) {
            Outbox otherOutbox = new Outbox(
                    other.database,
                    other.deliveries,
                    other.guardians,
                    fixture.clock,
                    UpdatesFixture.SCHOOL_QUIET,
                    UpdatesFixture.AMSTERDAM);
            List<UpdateRuns> jobs = List.of(fixture.runs, fixture.runs(other, otherOutbox));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<List<UpdateRuns.Run>>> results = new ArrayList<>();
                    for (UpdateRuns job : jobs) {
                        results.add(pool.submit(() -> {
                            start.await();
                            return job.runDue();
                        }));
                    }
                    start.countDown();
                    for (Future<List<UpdateRuns.Run>> result : results) {
                        result.get(30, TimeUnit.SECONDS);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(fixture.posts()).hasSize(1);
        assertThat(fixture.emailCopies()).hasSize(3);
        assertThat(fixture.store.highlights.queued(fixture.groep5.id())).isEmpty();
        // The instance that lost the race must not mistake the used highlights for an empty week.
        assertThat(fixture.teacher.calls).isEmpty();
    }

    @Test
    @DisplayName("email copies go to plan email or both, or Discord unreachable; not to Discord-only, nor to a bounced"
            + " address; each names the run and the highlights")
    void emailRecipients() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        Highlight first = fixture.highlight(HighlightKind.LEARNING, "Lezen");
        Highlight second = fixture.highlight(HighlightKind.CELEBRATION, "Feest");
        fixture.runAt(at("2026-09-04T13:00:00Z"));
        assertThat(fixture.emailCopies())
                .extracting(d -> d.guardianId().orElseThrow())
                .containsExactlyInAnyOrder(fixture.both.id(), fixture.emailOnly.id(), fixture.discordGone.id());
        long classId = fixture.groep5.id();
        assertThat(fixture.emailCopies()).allSatisfy(copy -> {
            assertThat(copy.channel()).isEqualTo(DeliveryChannel.EMAIL);
            assertThat(copy.dedupeKey())
                    .isEqualTo("update:" + classId + ":1788526800000:guardian:"
                            + copy.guardianId().orElseThrow() + ":email");
            assertThat(UpdateMail.emailCopyOf(copy.payload()))
                    .isEqualTo(new UpdateMail.EmailCopy(
                            classId, at("2026-09-04T13:00:00Z"), List.of(first.id(), second.id())));
        });
        assertThat(fixture.posts()).singleElement().satisfies(post -> {
            assertThat(post.channel()).isEqualTo(DeliveryChannel.DISCORD_CHANNEL);
            assertThat(post.dedupeKey()).isEqualTo("update:" + classId + ":1788526800000:channel");
            assertThat(post.guardianId()).isEmpty();
        });
    }

    @Test
    @DisplayName("the preview is the post, character for character; the email is rendered later from the payload,"
            + " in the family's language")
    void previewIsThePost() {
        fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        fixture.highlight(HighlightKind.LEARNING, "We lazen **bold** voor @everyone en <@1>");
        fixture.highlight(HighlightKind.SOCIAL_EMOTIONAL, "Iedereen hielp mee");
        String preview = fixture.runs.preview(fixture.groep5, Optional.empty()).orElseThrow();
        fixture.runAt(at("2026-09-04T13:00:00Z"));
        UpdateMail.Post posted = UpdateMail.postOf(fixture.posts().get(0).payload());
        assertThat(posted.text()).isEqualTo(preview);
        assertThat(posted.text()).contains("(vrijdag 4 september 2026)");
        assertThat(fixture.runs.preview(fixture.groep5, Optional.empty())).isEmpty();

        Delivery copy = fixture.emailCopies().stream()
                .filter(d -> d.guardianId().orElseThrow() == fixture.emailOnly.id())
                .findFirst()
                .orElseThrow();
        UpdateMail.EmailCopy payload = UpdateMail.emailCopyOf(copy.payload());
        List<Highlight> shared = payload.highlightIds().stream()
                .map(id -> fixture.store.highlights.find(id).orElseThrow())
                .toList();
        var email = fixture.post.email(
                fixture.groep5,
                shared,
                payload.runAt().atZone(fixture.groep5.timezone()).toLocalDate(),
                fixture.post.chain(fixture.groep5, fixture.emailOnly.plan().language()));
        assertThat(email.language().code()).isEqualTo("tr");
        assertThat(MailText.plain(email.body()))
                .contains("• We lazen **bold** voor @everyone en <@1>", "• Iedereen hielp mee");
    }

    @Test
    @DisplayName("quiet hours: post-now at 21:00 puts the post out now and holds the email copies until 08:00")
    void quietHours() {
        fixture.highlight(HighlightKind.LEARNING, "Lezen");
        Instant nine = ZonedDateTime.of(2026, 9, 1, 21, 0, 0, 0, UpdatesFixture.AMSTERDAM)
                .toInstant();
        fixture.clock.set(nine);
        assertThat(fixture.runs.postNow(fixture.groep5, TestStore.TEACHER))
                .isInstanceOfSatisfying(
                        UpdateRuns.PostedNow.Posted.class,
                        posted -> assertThat(posted.emailCopies()).isEqualTo(3));
        Instant eight = ZonedDateTime.of(2026, 9, 2, 8, 0, 0, 0, UpdatesFixture.AMSTERDAM)
                .toInstant();
        assertThat(fixture.emailCopies())
                .hasSize(3)
                .allSatisfy(copy -> assertThat(copy.nextAttemptAt()).isEqualTo(eight));
        assertThat(fixture.posts())
                .singleElement()
                .satisfies(post -> assertThat(post.nextAttemptAt()).isEqualTo(nine));
    }

    @Test
    @DisplayName(
            "post-now: nothing queued posts nothing; otherwise posts at once, audited, and leaves the schedule alone")
    void postNow() {
        UpdateSchedule before = fixture.schedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0), 1);
        assertThat(fixture.runs.postNow(fixture.groep5, TestStore.TEACHER))
                .isInstanceOf(UpdateRuns.PostedNow.NothingQueued.class);
        fixture.highlight(HighlightKind.LEARNING, "Lezen");
        assertThat(fixture.runs.postNow(fixture.groep5, TestStore.TEACHER))
                .isInstanceOf(UpdateRuns.PostedNow.Posted.class);
        assertThat(fixture.runs.postNow(fixture.groep5, TestStore.TEACHER))
                .isInstanceOf(UpdateRuns.PostedNow.NothingQueued.class);
        assertThat(fixture.posts()).singleElement().satisfies(post -> {
            assertThat(post.dedupeKey()).isEqualTo(DedupeKeys.update(fixture.groep5.id(), TestStore.T0, "channel"));
            assertThat(UpdateMail.postOf(post.payload()).text()).contains("(dinsdag 1 september 2026)");
        });
        assertThat(schedule()).isEqualTo(before);
        assertThat(fixture.store.auditLog.ofClass(fixture.groep5.id()))
                .extracting(e -> e.action())
                .containsExactly("update.schedule", "update.post-now");
    }
}
