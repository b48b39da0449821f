package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.classbridge.checkin.questionnaire.AnswerCheck;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.RequestStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationsTest {
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

    private CheckinRequest requestOf(CheckinRounds.Started.Round round, long guardianId, long studentId) {
        return round.requests().stream()
                .filter(r -> r.guardianId() == guardianId && r.studentId() == studentId)
                .findFirst()
                .orElseThrow();
    }

    private static Step.Ask ask(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Show.class);
        assertThat(((Reply.Show) reply).step()).isInstanceOf(Step.Ask.class);
        return (Step.Ask) ((Reply.Show) reply).step();
    }

    @Test
    @DisplayName("a parent goes through the check-in: greeting, one question at a time with progress, summary")
    void wholeConversation() {
        var round = fixture.start("check-in");
        CheckinRequest request = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        long mum = fixture.samsMum.id();

        assertThat(((Reply.Show) conversations.current(request.id(), mum)).step())
                .isInstanceOf(Step.Greeting.class);
        Step.Ask first = ask(conversations.begin(request.id(), mum));
        assertThat(first.question().id()).isEqualTo("feeling");
        assertThat(List.of(first.number(), first.total())).containsExactly(1, 4);

        Step.Ask second = ask(conversations.answer(request.id(), mum, "feeling", "4", AnswerSource.DISCORD_BUTTON));
        assertThat(second.question().id()).isEqualTo("went-well");
        assertThat(second.number()).isEqualTo(2);

        Step.Ask third = ask(conversations.answer(
                request.id(), mum, "went-well", "Hij heeft een vriend gemaakt", AnswerSource.DISCORD_MODAL));
        assertThat(third.question().required()).isFalse();

        Step.Ask fourth =
                ask(conversations.skip(request.id(), mum, third.question().id()));
        assertThat(fourth.question().contact()).isTrue();

        Reply summary = conversations.skip(request.id(), mum, fourth.question().id());
        assertThat(((Reply.Show) summary).step())
                .isInstanceOfSatisfying(
                        Step.Summary.class,
                        s -> assertThat(s.lines())
                                .extracting(l -> l.answer()
                                        .map(a -> a.value().orElse("(skipped)"))
                                        .orElse("-"))
                                .containsExactly("4", "Hij heeft een vriend gemaakt", "(skipped)", "(skipped)"));
        assertThat(fixture.store
                        .checkins
                        .findRequest(request.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(RequestStatus.ANSWERED);
    }

    @Test
    @DisplayName("an answer is changed from the summary, and a scale answer may be its label in the parent's words")
    void changeFromSummary() {
        var round = fixture.start("check-in");
        CheckinRequest request = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        long mum = fixture.samsMum.id();
        conversations.begin(request.id(), mum);
        conversations.answer(request.id(), mum, "feeling", "2", AnswerSource.DISCORD_BUTTON);
        conversations.answer(request.id(), mum, "went-well", "Tekenen", AnswerSource.DISCORD_TEXT);
        conversations.skip(request.id(), mum, "good-to-know");
        conversations.skip(request.id(), mum, "talk");

        Step.Ask again = ask(conversations.change(request.id(), mum, "feeling"));
        assertThat(again.earlier()).map(a -> a.value().orElseThrow()).contains("2");
        Reply back = conversations.answer(request.id(), mum, "feeling", "😄 Heel goed", AnswerSource.DISCORD_TEXT);
        assertThat(((Reply.Show) back).step()).isInstanceOf(Step.Summary.class);
        assertThat(fixture.store.checkins.answers(request.id()))
                .filteredOn(a -> a.questionId().equals("feeling"))
                .singleElement()
                .extracting(a -> a.value().orElseThrow())
                .isEqualTo("5");
    }

    @Test
    @DisplayName("an unclear answer or skipping a required question asks the same question again, storing nothing")
    void refusals() {
        var round = fixture.start("check-in");
        CheckinRequest request = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        long mum = fixture.samsMum.id();
        conversations.begin(request.id(), mum);

        Reply unclear = conversations.answer(request.id(), mum, "feeling", "misschien", AnswerSource.DISCORD_TEXT);
        assertThat(unclear).isInstanceOfSatisfying(Reply.Refused.class, r -> {
            assertThat(r.why()).isInstanceOf(AnswerCheck.Unclear.class);
            assertThat(((Step.Ask) r.step()).question().id()).isEqualTo("feeling");
        });
        assertThat(conversations.skip(request.id(), mum, "feeling")).isInstanceOf(Reply.CannotSkip.class);
        assertThat(fixture.store.checkins.answers(request.id())).isEmpty();
    }

    @Test
    @DisplayName("typing in the DM starts a check-in, then answers the question the parent is at;"
            + " with nothing open the parent is told")
    void typed() {
        assertThat(conversations.typed(fixture.samsMum.id(), "hallo")).isInstanceOf(Reply.NothingOpen.class);
        var round = fixture.start("check-in");
        CheckinRequest request = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        Step.Ask first = ask(conversations.typed(fixture.samsMum.id(), "Hoi!"));
        assertThat(first.question().id()).isEqualTo("feeling");
        assertThat(fixture.store.checkins.answers(request.id())).isEmpty();
        Step.Ask next = ask(conversations.typed(fixture.samsMum.id(), "3"));
        assertThat(next.question().id()).isEqualTo("went-well");
        assertThat(fixture.store.checkins.answers(request.id()))
                .extracting(Answer::source)
                .containsExactly(AnswerSource.DISCORD_TEXT);
    }

    @Test
    @DisplayName("someone else's button, and any button after the deadline, change nothing")
    void notYoursAndClosed() {
        var round = fixture.start("check-in");
        CheckinRequest request = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        assertThat(conversations.begin(request.id(), fixture.parentOfBoth.id())).isInstanceOf(Reply.NotYours.class);
        assertThat(conversations.answer(
                        request.id(), fixture.parentOfBoth.id(), "feeling", "1", AnswerSource.DISCORD_BUTTON))
                .isInstanceOf(Reply.NotYours.class);

        fixture.clock.advance(Duration.ofDays(8));
        assertThat(conversations.begin(request.id(), fixture.samsMum.id())).isInstanceOf(Reply.Closed.class);
        assertThat(conversations.answer(
                        request.id(), fixture.samsMum.id(), "feeling", "1", AnswerSource.DISCORD_BUTTON))
                .isInstanceOf(Reply.Closed.class);
        assertThat(fixture.store.checkins.answers(request.id())).isEmpty();
        assertThat(fixture.store
                        .checkins
                        .findRequest(request.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(RequestStatus.PENDING);
    }

    @Test
    @DisplayName("after a restart the conversation goes on where it was, with the same request")
    void survivesRestart() {
        var round = fixture.start("check-in");
        CheckinRequest request = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        conversations.begin(request.id(), fixture.samsMum.id());
        conversations.answer(request.id(), fixture.samsMum.id(), "feeling", "4", AnswerSource.DISCORD_BUTTON);

        Conversations afterRestart = fixture.conversations();
        Step.Ask current = ask(afterRestart.current(request.id(), fixture.samsMum.id()));
        assertThat(current.question().id()).isEqualTo("went-well");
        assertThat(ask(afterRestart.answer(
                                request.id(),
                                fixture.samsMum.id(),
                                "went-well",
                                "Goed gespeeld",
                                AnswerSource.DISCORD_BUTTON))
                        .number())
                .isEqualTo(3);
    }

    @Test
    @DisplayName("a parent of two children answers per child and is led to the second after the first")
    void twoChildren() {
        var round = fixture.start("check-in");
        long parent = fixture.parentOfBoth.id();
        CheckinRequest forSam = requestOf(round, parent, fixture.sam.id());
        CheckinRequest forMila = requestOf(round, parent, fixture.mila.id());
        conversations.begin(forSam.id(), parent);
        conversations.answer(forSam.id(), parent, "feeling", "5", AnswerSource.DISCORD_BUTTON);
        conversations.answer(forSam.id(), parent, "went-well", "Voetbal", AnswerSource.DISCORD_BUTTON);
        conversations.skip(forSam.id(), parent, "good-to-know");
        conversations.skip(forSam.id(), parent, "talk");
        assertThat(conversations.finish(forSam.id(), parent))
                .isInstanceOfSatisfying(
                        Reply.Finished.class,
                        finished -> assertThat(finished.nextChild())
                                .map(CheckinRequest::id)
                                .contains(forMila.id()));
        assertThat(fixture.store.deliveries.findByKey(
                        DedupeKeys.nextChildGreeting(round.round().id(), forMila.id())))
                .as("the second child's greeting is queued in the conversation")
                .hasValueSatisfying(row -> assertThat(row.inConversation()).isTrue());
        assertThat(fixture.store.checkins.answers(forMila.id())).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a parent of two children who finished the first WHEN Done arrives again (a double click, a"
            + " replayed press) THEN the same thanks, and the second child's greeting is queued once")
    void doneTwiceGreetsOnce() {
        // GIVEN
        var round = fixture.start("check-in");
        long parent = fixture.parentOfBoth.id();
        CheckinRequest forSam = requestOf(round, parent, fixture.sam.id());
        conversations.begin(forSam.id(), parent);
        conversations.answer(forSam.id(), parent, "feeling", "5", AnswerSource.DISCORD_BUTTON);
        conversations.answer(forSam.id(), parent, "went-well", "Voetbal", AnswerSource.DISCORD_BUTTON);
        conversations.skip(forSam.id(), parent, "good-to-know");
        conversations.skip(forSam.id(), parent, "talk");

        // WHEN
        Reply first = conversations.finish(forSam.id(), parent);
        Reply again = conversations.finish(forSam.id(), parent);

        // THEN
        assertThat(first)
                .isInstanceOfSatisfying(
                        Reply.Finished.class, f -> assertThat(f.nextChild()).isPresent());
        assertThat(again).isEqualTo(first);
        assertThat(fixture.store.deliveries.ofGuardian(parent))
                .filteredOn(row -> row.kind().equals(CheckinMail.NEXT_GREETING))
                .hasSize(1);
    }

    @Test
    @DisplayName("start-of-year: the teacher's statement is shown before the plan, and plan answers update the plan")
    void communicationPlan() {
        var round = fixture.start("start-of-year");
        CheckinRequest request = requestOf(round, fixture.samsMum.id(), fixture.sam.id());
        long mum = fixture.samsMum.id();
        Step.Ask step = ask(conversations.begin(request.id(), mum));
        assertThat(step.question().id()).isEqualTo("going-well");
        while (!step.question().id().equals("channel")) {
            Reply reply = step.question().required()
                    ? conversations.answer(
                            request.id(),
                            mum,
                            step.question().id(),
                            step.question().options().isEmpty()
                                    ? "Fijn"
                                    : step.question().options().get(0).id(),
                            AnswerSource.DISCORD_BUTTON)
                    : conversations.skip(request.id(), mum, step.question().id());
            step = ask(reply);
        }
        assertThat(step.shownBefore()).extracting(q -> q.id()).containsExactly("teacher-needs");
        conversations.answer(request.id(), mum, "channel", "both", AnswerSource.DISCORD_BUTTON);
        conversations.answer(request.id(), mum, "language", "العربية", AnswerSource.DISCORD_TEXT);
        conversations.answer(request.id(), mum, "contact-times", "after-school", AnswerSource.DISCORD_SELECT);

        var plan = fixture.store.guardians.find(mum).orElseThrow().plan();
        assertThat(plan.channel()).isEqualTo(ContactChannel.BOTH);
        assertThat(plan.language()).contains(Language.AR);
        assertThat(plan.contactTimes()).contains("after-school");
    }
}
