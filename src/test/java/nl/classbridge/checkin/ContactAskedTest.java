package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "The family would like to talk": the contact question of the shipped check-in, over a real store;
 * and picking an earlier round.
 */
class ContactAskedTest {
    @TempDir
    Path folder;

    CheckinFixture fixture;
    Conversations conversations;

    @BeforeEach
    void setUp() {
        fixture = new CheckinFixture(folder);
        conversations = fixture.conversations();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("GIVEN a check-in WHEN Sam's mum answers yes to 'would you like to talk', then no, then yes again"
            + " THEN the teacher gets one private notice naming Sam and the questionnaire, without the other answers")
    void teacherToldOnce() {
        var round = fixture.start("check-in");
        CheckinRequest request = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        long mum = fixture.samsMum.id();
        conversations.begin(request.id(), mum);
        conversations.answer(request.id(), mum, "feeling", "2", AnswerSource.DISCORD_BUTTON);
        conversations.answer(request.id(), mum, "went-well", "Zwemdiploma gehaald", AnswerSource.DISCORD_MODAL);
        assertThat(notices()).isEmpty();

        conversations.answer(request.id(), mum, "talk", "yes", AnswerSource.DISCORD_BUTTON);
        conversations.answer(request.id(), mum, "talk", "no", AnswerSource.DISCORD_BUTTON);
        conversations.answer(request.id(), mum, "talk", "ja", AnswerSource.DISCORD_TEXT);

        assertThat(notices()).singleElement().satisfies(delivery -> {
            TeacherNotices.Notice notice = TeacherNotices.parse(delivery.payload());
            assertThat(notice.userId()).isEqualTo(TestStore.TEACHER);
            assertThat(notice.key()).contains(ContactAsked.NOTICE);
            assertThat(notice.values())
                    .containsEntry("student", "Sam")
                    .containsEntry("questionnaire", "Hoe gaat het met je kind?");
            assertThat(delivery.payload()).doesNotContain("Zwemdiploma");
            assertThat(delivery.guardianId()).isEmpty();
        });
    }

    @Test
    @DisplayName("GIVEN a check-in WHEN a family answers no to the contact question THEN the teacher is not told")
    void noIsNoNotice() {
        var round = fixture.start("check-in");
        CheckinRequest request = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        conversations.begin(request.id(), fixture.samsMum.id());
        conversations.answer(request.id(), fixture.samsMum.id(), "talk", "no", AnswerSource.DISCORD_BUTTON);

        assertThat(notices()).isEmpty();
    }

    @Test
    @DisplayName("GIVEN one family who said yes to talking and one who did not WHEN the teacher reads the results"
            + " THEN only the first child is on the 'worth a conversation' list, for that reason, even with a good"
            + " well-being")
    void onTheList() {
        var round = fixture.start("check-in");
        CheckinRequest sams = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        CheckinRequest milas = requestOf(round, fixture.emailOnly.id(), fixture.mila.id());
        conversations.answer(sams.id(), fixture.samsMum.id(), "feeling", "5", AnswerSource.DISCORD_BUTTON);
        conversations.answer(sams.id(), fixture.samsMum.id(), "talk", "yes", AnswerSource.DISCORD_BUTTON);
        conversations.answer(milas.id(), fixture.emailOnly.id(), "feeling", "4", AnswerSource.EMAIL);
        conversations.answer(milas.id(), fixture.emailOnly.id(), "talk", "no", AnswerSource.EMAIL);

        RoundInsight insight = fixture.overview
                .results(fixture.groep5, Optional.empty())
                .orElseThrow()
                .insight();

        assertThat(insight.askedToTalk()).extracting(s -> s.name()).containsExactly("Sam");
        assertThat(insight.worthAConversation()).isEmpty();
        assertThat(insight.anyWorthAConversation()).isTrue();
    }

    @Test
    @DisplayName("GIVEN two rounds of this class and a round of another class WHEN the teacher lists and picks rounds"
            + " THEN the class's rounds come newest first, an earlier one can be read, and the other class's is not"
            + " found")
    void pickARound() {
        var first = fixture.start("check-in");
        CheckinRequest sams = requestOf(first, fixture.samsMum.id(), fixture.sam.id());
        conversations.answer(sams.id(), fixture.samsMum.id(), "feeling", "3", AnswerSource.DISCORD_BUTTON);
        fixture.clock.advance(Duration.ofDays(8));
        var second = fixture.start("start-of-year");
        var other = fixture.store.classes.add(
                "Groep 6",
                TestStore.GUILD,
                TestStore.CHANNEL + 1,
                nl.classbridge.domain.Language.NL,
                java.time.ZoneId.of("Europe/Amsterdam"),
                TestStore.TEACHER + 1,
                "Meester Bas",
                TestStore.T0);
        fixture.store.guardians.link(
                fixture.samsMum.id(), fixture.store.aStudent(other, "Ravi").id(), TestStore.T0);
        var othersRound =
                (CheckinRounds.Started.Round) fixture.rounds.start(other, "check-in", 7, TestStore.TEACHER + 1);

        assertThat(fixture.overview.rounds(fixture.groep5, 25))
                .extracting(past -> past.round().id())
                .containsExactly(second.round().id(), first.round().id());
        assertThat(fixture.overview.results(fixture.groep5, first.round().id(), Optional.empty()))
                .hasValueSatisfying(results -> assertThat(results.families())
                        .extracting(f -> f.student().name())
                        .containsExactly("Sam"));
        assertThat(fixture.overview.results(fixture.groep5, othersRound.round().id(), Optional.empty()))
                .isEmpty();
        assertThat(fixture.overview.results(fixture.groep5, 999_999L, Optional.empty()))
                .isEmpty();
    }

    private List<Delivery> notices() {
        return fixture
                .store
                .deliveries
                .due(DeliveryChannel.DISCORD_DM, fixture.clock.instant().plus(Duration.ofDays(30)), 500)
                .stream()
                .filter(d -> d.kind().equals(TeacherNotices.KIND))
                .toList();
    }

    private static CheckinRequest requestOf(CheckinRounds.Started.Round round, long guardianId, long studentId) {
        return round.requests().stream()
                .filter(r -> r.guardianId() == guardianId && r.studentId() == studentId)
                .findFirst()
                .orElseThrow();
    }
}
