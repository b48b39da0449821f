package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A press reads request and round once, in its transaction, and hands them to the render: what it
 * hands over must be what the store holds. The formatted deadline is kept per time zone and
 * language, so a class that changes either shows the new one at once.
 */
class PressReadsOnceTest {
    @TempDir
    Path folder;

    CheckinFixture fixture;
    Conversations conversations;
    CheckinContexts contexts;
    CheckinRequest request;
    long mum;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new CheckinFixture(folder);
        conversations = fixture.conversations();
        contexts = new CheckinContexts(
                fixture.store.checkins,
                fixture.store.classes,
                new QuestionnaireVersions(fixture.store.questionnaires),
                new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL),
                fixture.store.conversations);
        var round = fixture.start("check-in");
        mum = fixture.samsMum.id();
        request = round.requests().stream()
                .filter(r -> r.guardianId() == mum && r.studentId() == fixture.sam.id())
                .findFirst()
                .orElseThrow();
        conversations.begin(request.id(), mum);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("the request and round a press hands to the render are the stored ones, also when it completes")
    void handsOverWhatIsStored() {
        // GIVEN a parent who answered the first two questions, a millisecond-odd clock
        fixture.clock.advance(Duration.ofNanos(1_234_567));
        conversations.answerAt(request.id(), mum, 0, q -> Optional.of("4"), AnswerSource.DISCORD_BUTTON);
        Reply second =
                conversations.answerAt(request.id(), mum, 1, q -> Optional.of("Goed"), AnswerSource.DISCORD_MODAL);
        assertThat(((Reply.Show) second).request())
                .isEqualTo(fixture.store.checkins.findRequest(request.id()).get());

        conversations.skipAt(request.id(), mum, 2);

        // WHEN the last question is skipped, which completes the check-in
        Reply last = conversations.skipAt(request.id(), mum, 3);

        // THEN the reply's request (status, position, completion time) and round are what a fresh read gives
        Reply.Show show = (Reply.Show) last;
        CheckinRequest stored = fixture.store.checkins.findRequest(request.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RequestStatus.ANSWERED);
        assertThat(show.request()).isEqualTo(stored);
        assertThat(show.round())
                .isEqualTo(fixture.store.checkins.findRound(request.roundId()).orElseThrow());
        assertThat(show.step()).isInstanceOf(Step.Summary.class);
    }

    @Test
    @DisplayName("a press naming a question by index is refused as before: no such question, not yours, closed, gone")
    void refusalsByIndex() {
        // GIVEN the request of Sam's mum
        // WHEN presses name no question, come from another parent, the round closed, the link or request is gone
        Reply noSuchQuestion =
                conversations.answerAt(request.id(), mum, 99, q -> Optional.of("4"), AnswerSource.DISCORD_BUTTON);
        Reply noValue =
                conversations.answerAt(request.id(), mum, 0, q -> Optional.empty(), AnswerSource.DISCORD_SELECT);
        Reply otherParent = conversations.answerAt(
                request.id(), fixture.parentOfBoth.id(), 0, q -> Optional.of("4"), AnswerSource.DISCORD_BUTTON);
        fixture.store.checkins.closeRound(request.roundId(), fixture.clock.instant());
        Reply closed = conversations.answerAt(request.id(), mum, 0, q -> Optional.of("4"), AnswerSource.DISCORD_BUTTON);
        fixture.store.guardians.unlink(mum, fixture.sam.id());
        Reply unlinkedAndClosed = conversations.changeAt(request.id(), mum, 0);
        fixture.store.checkins.removeRequest(request.id());
        Reply gone = conversations.skipAt(request.id(), mum, 2);

        // THEN each is refused the way the pre-checks refused it, and nothing was stored
        assertThat(noSuchQuestion).isInstanceOf(Reply.NotYours.class);
        assertThat(noValue).isInstanceOf(Reply.NotYours.class);
        assertThat(otherParent).isInstanceOf(Reply.NotYours.class);
        assertThat(closed).isInstanceOf(Reply.Closed.class);
        assertThat(unlinkedAndClosed).isInstanceOf(Reply.NoLongerLinked.class);
        assertThat(gone).isInstanceOf(Reply.NoLongerLinked.class);
        assertThat(fixture.store.checkins.answers(request.id())).isEmpty();
    }

    @Test
    @DisplayName("the deadline follows the class's zone and language and the family's language; names follow renames")
    void deadlineFollowsTheClass() {
        // GIVEN a context rendered once, so its deadline is kept
        CheckinRequest stored = fixture.store.checkins.findRequest(request.id()).orElseThrow();
        var round = fixture.store.checkins.findRound(stored.roundId()).orElseThrow();
        CheckinContext before = contexts.of(stored, round);
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        assertThat(before.deadline()).isEqualTo(Deadlines.shown(round.deadline(), amsterdam, Language.NL));

        // WHEN the class moves to another time zone and language, and is renamed
        SchoolClass groep5 = fixture.groep5;
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        fixture.store.classes.update(new SchoolClass(
                groep5.id(),
                "Groep 6",
                groep5.guildId(),
                groep5.channelId(),
                Language.EN,
                tokyo,
                groep5.teacherUserId(),
                groep5.teacherName(),
                groep5.createdAt()));
        CheckinContext after = contexts.of(stored, round);

        // THEN the new context shows the deadline in the class's new zone and language, and the new name
        assertThat(after.language()).isEqualTo(Language.EN);
        assertThat(after.deadline())
                .isEqualTo(Deadlines.shown(round.deadline(), tokyo, Language.EN))
                .isNotEqualTo(before.deadline());
        assertThat(after.className()).isEqualTo("Groep 6");
        assertThat(after.child()).isEqualTo("Sam");
        assertThat(after).isEqualTo(contexts.of(stored));

        // AND WHEN the family chooses a language of its own, THEN it comes first, deadline included
        var mumNow = fixture.store.guardians.find(mum).orElseThrow();
        fixture.store.guardians.savePlan(mum, mumNow.plan().withLanguage(Language.TR));
        CheckinContext own = contexts.of(stored, round);
        assertThat(own.chain()).startsWith(Language.TR, Language.EN);
        assertThat(own.deadline()).isEqualTo(Deadlines.shown(round.deadline(), tokyo, Language.TR));
    }
}
