package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Student;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What families offered to do for the class, from the shipped start-of-year questionnaire, over a real store. */
class ClassOffersTest {
    @TempDir
    Path folder;

    CheckinFixture fixture;
    ClassOffers offers;

    @BeforeEach
    void setUp() {
        fixture = new CheckinFixture(folder);
        offers = new ClassOffers(fixture.overview, fixture.store.auditLog, fixture.clock);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("GIVEN a class without a start-of-year round WHEN the teacher asks for offers THEN there are none")
    void noRound() {
        fixture.start("check-in");

        assertThat(offers.of(fixture.groep5, TestStore.TEACHER)).isEmpty();
    }

    @Test
    @DisplayName("GIVEN start-of-year answers: two families offer to read (one with their own words), one 'not now'"
            + " without words, one 'not now' with words WHEN the teacher asks for offers THEN per kind, which family"
            + " offered it with their words; a check-in started later does not hide them")
    void perKind() {
        var round = fixture.start("start-of-year");
        answer(round, fixture.sam, fixture.samsMum, "reading", "Op dinsdag kan ik voorlezen");
        answer(round, fixture.mila, fixture.parentOfBoth, "reading", null);
        answer(round, fixture.sam, fixture.parentOfBoth, "not-now", null);
        answer(round, fixture.mila, fixture.emailOnly, "not-now", "Na de zomer graag!");
        fixture.clock.advance(Duration.ofDays(8));
        fixture.start("check-in");

        ClassOffers.Offers found = offers.of(fixture.groep5, TestStore.TEACHER).orElseThrow();

        assertThat(found.round().round().id()).isEqualTo(round.round().id());
        assertThat(found.kinds()).extracting(kind -> kind.option().id()).containsExactly("reading", "not-now");
        assertThat(found.kinds().get(0).families())
                .extracting(o -> o.student().name(), o -> o.guardian().id(), ClassOffers.Offer::words)
                .containsExactlyInAnyOrder(
                        tuple("Sam", fixture.samsMum.id(), Optional.of("Op dinsdag kan ik voorlezen")),
                        tuple("Mila", fixture.parentOfBoth.id(), Optional.empty()));
        assertThat(found.kinds().get(1).families())
                .extracting(o -> o.student().name(), ClassOffers.Offer::words)
                .containsExactly(tuple("Mila", Optional.of("Na de zomer graag!")));
    }

    private void answer(
            CheckinRounds.Started.Round round, Student student, Guardian guardian, String choice, String words) {
        CheckinRequest request = round.requests().stream()
                .filter(r -> r.studentId() == student.id() && r.guardianId() == guardian.id())
                .findFirst()
                .orElseThrow();
        fixture.store.checkins.saveAnswer(Answer.given(
                request.id(), ClassOffers.CHOICE, choice, AnswerSource.DISCORD_SELECT, fixture.clock.instant()));
        if (words != null) {
            fixture.store.checkins.saveAnswer(Answer.given(
                    request.id(), ClassOffers.MORE, words, AnswerSource.DISCORD_MODAL, fixture.clock.instant()));
        }
    }
}
