package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Student;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numbers of the teacher's insight, over a real store and the shipped questionnaires. */
class RoundInsightTest {
    @TempDir
    Path folder;

    CheckinFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CheckinFixture(folder);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("GIVEN two check-in rounds with another questionnaire in between WHEN the teacher reads the results"
            + " THEN the well-being scale is counted and averaged against the previous check-in, and a low, a new"
            + " and a dropped child are told apart")
    void twoRounds() {
        var first = fixture.start("check-in");
        feeling(first.requests(), fixture.sam, fixture.samsMum, 5);
        feeling(first.requests(), fixture.mila, fixture.emailOnly, 3);
        fixture.clock.advance(Duration.ofDays(8));
        var other = fixture.start("start-of-year");
        assertThat(other.round().id()).isNotEqualTo(first.round().id());
        fixture.clock.advance(Duration.ofDays(8));
        Student noor = fixture.store.aStudent(fixture.groep5, "Noor");
        Guardian noorsDad = fixture.store.guardians.addDiscord(703L, fixture.clock.instant());
        fixture.store.guardians.link(noorsDad.id(), noor.id(), fixture.clock.instant());
        var second = fixture.start("check-in");
        feeling(second.requests(), fixture.sam, fixture.samsMum, 3);
        feeling(second.requests(), fixture.mila, fixture.parentOfBoth, 4);
        feeling(second.requests(), fixture.mila, fixture.emailOnly, 2);
        feeling(second.requests(), noor, noorsDad, 1);

        RoundInsight insight = fixture.overview
                .results(fixture.groep5, Optional.empty())
                .orElseThrow()
                .insight();

        RoundInsight.Tally feeling = insight.tallies().get(0);
        assertThat(feeling.question().id()).isEqualTo("feeling");
        assertThat(feeling.counts())
                .containsExactly(entry("1", 1), entry("2", 1), entry("3", 1), entry("4", 1), entry("5", 0));
        assertThat(feeling.average().getAsDouble()).isEqualTo(2.5);
        assertThat(insight.classBefore().getAsDouble()).isEqualTo(4.0);
        assertThat(insight.wellBeing())
                .extracting(c -> c.student().name(), RoundInsight.ChildWellBeing::now, c -> c.before())
                .containsExactly(
                        tuple("Mila", 2, Optional.of(3)),
                        tuple("Noor", 1, Optional.empty()),
                        tuple("Sam", 3, Optional.of(5)));
        assertThat(insight.worthAConversation())
                .extracting(
                        c -> c.student().name(), RoundInsight.ChildWellBeing::low, RoundInsight.ChildWellBeing::dropped)
                .containsExactly(tuple("Mila", true, false), tuple("Noor", true, false), tuple("Sam", false, true));
    }

    @Test
    @DisplayName("GIVEN a first round with a middling answer WHEN the teacher reads the results"
            + " THEN nobody dropped, there is no class change, and nobody is on the list")
    void firstRound() {
        var first = fixture.start("check-in");
        feeling(first.requests(), fixture.sam, fixture.samsMum, 3);

        RoundInsight insight = fixture.overview
                .results(fixture.groep5, Optional.empty())
                .orElseThrow()
                .insight();

        assertThat(insight.classBefore()).isEmpty();
        assertThat(insight.wellBeing()).singleElement().satisfies(sam -> {
            assertThat(sam.dropped()).isFalse();
            assertThat(sam.low()).isFalse();
        });
        assertThat(insight.worthAConversation()).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a child whose well-being went from 3 to 2 WHEN the teacher reads the results"
            + " THEN they are on the list for being low, not for a drop of only 1")
    void dropOfOne() {
        var first = fixture.start("check-in");
        feeling(first.requests(), fixture.sam, fixture.samsMum, 3);
        fixture.clock.advance(Duration.ofDays(8));
        var second = fixture.start("check-in");
        feeling(second.requests(), fixture.sam, fixture.samsMum, 2);

        RoundInsight insight = fixture.overview
                .results(fixture.groep5, Optional.of("sam"))
                .orElseThrow()
                .insight();

        assertThat(insight.worthAConversation()).singleElement().satisfies(sam -> {
            assertThat(sam.low()).isTrue();
            assertThat(sam.dropped()).isFalse();
        });
    }

    private void feeling(List<CheckinRequest> requests, Student student, Guardian guardian, int point) {
        CheckinRequest request = requests.stream()
                .filter(r -> r.studentId() == student.id() && r.guardianId() == guardian.id())
                .findFirst()
                .orElseThrow();
        fixture.store.checkins.saveAnswer(Answer.given(
                request.id(), "feeling", String.valueOf(point), AnswerSource.DISCORD_BUTTON, fixture.clock.instant()));
    }
}
