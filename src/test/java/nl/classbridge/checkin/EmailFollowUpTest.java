package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.QuietHours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailFollowUpTest {
    @TempDir
    Path folder;

    CheckinFixture fixture;
    EmailFollowUp followUp;

    @BeforeEach
    void setUp() {
        fixture = new CheckinFixture(folder);
        Outbox outbox = new Outbox(
                fixture.store.database,
                fixture.store.deliveries,
                fixture.store.guardians,
                fixture.clock,
                new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                ZoneId.of("Europe/Amsterdam"));
        followUp = new EmailFollowUp(
                fixture.store.checkins, fixture.store.guardians, outbox, Duration.ofHours(48), fixture.clock);
        fixture.store.guardians.setEmail(fixture.parentOfBoth.id(), "ouder.van.twee@example.org");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** The emails to families on Discord: the email-only family's questions are queued when the round starts. */
    private List<String> followUpEmails() {
        return fixture.store.database.read(sql -> sql.list(
                "SELECT dedupe_key FROM delivery WHERE channel = 'email' AND guardian_id <> ? ORDER BY dedupe_key",
                row -> row.string("dedupe_key"),
                fixture.emailOnly.id()));
    }

    @Test
    @DisplayName(
            "after 48 hours without an answer on Discord, a family with an email gets the questions by email, once")
    void onceAfterTheWait() {
        var round = fixture.start("check-in");
        fixture.clock.advance(Duration.ofHours(47));
        assertThat(followUp.run()).isZero();

        var forSam = round.requests().stream()
                .filter(r -> r.guardianId() == fixture.parentOfBoth.id() && r.studentId() == fixture.sam.id())
                .findFirst()
                .orElseThrow();
        Conversations conversations = fixture.conversations();
        conversations.begin(forSam.id(), fixture.parentOfBoth.id());
        conversations.answer(forSam.id(), fixture.parentOfBoth.id(), "feeling", "4", AnswerSource.DISCORD_BUTTON);
        conversations.answer(forSam.id(), fixture.parentOfBoth.id(), "went-well", "Gym", AnswerSource.DISCORD_BUTTON);
        conversations.skip(forSam.id(), fixture.parentOfBoth.id(), "good-to-know");
        conversations.skip(forSam.id(), fixture.parentOfBoth.id(), "talk");

        fixture.clock.advance(Duration.ofHours(2));
        followUp.run();
        followUp.run();
        // Only Mila's request is still open for the parent of both; Sam's mum has no email address;
        // the email-only family was asked by email from the start.
        var forMila = round.requests().stream()
                .filter(r -> r.guardianId() == fixture.parentOfBoth.id() && r.studentId() == fixture.mila.id())
                .findFirst()
                .orElseThrow();
        assertThat(followUpEmails())
                .containsExactly("checkin:" + round.round().id() + ":request:" + forMila.id() + ":email");
    }

    @Test
    @DisplayName("a round past its deadline gets no follow-up")
    void notAfterTheDeadline() {
        fixture.start("check-in");
        fixture.clock.advance(Duration.ofDays(8));
        assertThat(followUp.run()).isZero();
        assertThat(followUpEmails()).isEmpty();
    }
}
