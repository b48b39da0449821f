package nl.classbridge.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.CheckinMail;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.ContactAsked;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.Deadlines;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.checkin.Reply;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation cycle's services on a real SQLite file, with the real questionnaires and outbox. */
class ConversationPlansTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final long COLLEAGUE = 1_300_000_000_000_000_002L;

    @TempDir
    Path folder;

    TestStore store;
    final MutableClock clock = new MutableClock(TestStore.T0); // Tuesday 1 September 2026, 09:00 in Amsterdam
    ActiveQuestionnaires questionnaires;
    CheckinRounds rounds;
    ConversationPlans plans;
    ChildViews childViews;
    Reflections reflections;
    SchoolClass groep5;
    Student sam;
    Guardian samsMum;
    Guardian samsDad;

    @BeforeEach
    void setUp() {
        store = new TestStore(folder);
        Outbox outbox = new Outbox(
                store.database,
                store.deliveries,
                store.guardians,
                clock,
                new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                AMSTERDAM);
        questionnaires = ActiveQuestionnaires.load(Path.of("config/questionnaires"), store.questionnaires, clock);
        rounds = new CheckinRounds(
                store.database,
                store.checkins,
                store.students,
                store.guardians,
                questionnaires,
                new QuestionnaireVersions(store.questionnaires),
                outbox,
                store.auditLog,
                clock);
        plans = new ConversationPlans(
                store.database, store.conversations, store.students, store.checkins, rounds, store.auditLog, clock);
        childViews = new ChildViews(store.database, store.conversations, store.students, store.auditLog, clock);
        reflections = new Reflections(store.database, store.conversations, store.auditLog, clock);
        groep5 = store.aClass();
        sam = store.aStudent(groep5, "Sam");
        store.aStudent(groep5, "Mila");
        samsMum = store.guardians.addDiscord(701L, TestStore.T0);
        samsDad = store.guardians.addEmail("vader.sam@example.org", Optional.of(Language.TR), TestStore.T0);
        store.guardians.link(samsMum.id(), sam.id(), TestStore.T0);
        store.guardians.link(samsDad.id(), sam.id(), TestStore.T0);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ConversationPlans.Planned.Done plan(String date, Optional<String> time) {
        return (ConversationPlans.Planned.Done) plans.plan(groep5, "Sam", date, time, false, TestStore.TEACHER);
    }

    private CheckinRound round(long roundId) {
        return store.checkins.findRound(roundId).orElseThrow();
    }

    @Test
    @DisplayName(
            "planning records the conversation and invites each guardian to the before questions, about this child,"
                    + " open until the conversation starts")
    void plans() {
        // GIVEN Sam with a mother on Discord and a father by email
        // WHEN the teacher plans a conversation on Tuesday 8 September at 15:30
        ConversationPlans.Planned.Done done = plan("2026-09-08", Optional.of("15:30"));

        // THEN it is stored as planned, not moved, with the before questions sent
        ParentConversation conversation = done.conversation();
        assertThat(conversation.plannedOn()).isEqualTo(LocalDate.of(2026, 9, 8));
        assertThat(conversation.plannedTime()).contains(LocalTime.of(15, 30));
        assertThat(done.moved()).isFalse();
        assertThat(done.invitation()).isEqualTo(ConversationPlans.Invitation.SENT);
        // AND the round is about Sam, asks the before-conversation questions, and is open through the day before
        // the conversation (until and including Monday 7 September, Amsterdam), so the teacher reads them beforehand
        CheckinRound before = round(conversation.beforeRoundId().orElseThrow());
        assertThat(before.aboutStudent()).contains(sam.id());
        assertThat(store.questionnaires
                        .find(before.questionnaireVersionId())
                        .orElseThrow()
                        .questionnaire())
                .isEqualTo(ConversationPlans.BEFORE);
        assertThat(before.deadline()).isEqualTo(Instant.parse("2026-09-07T22:00:00Z"));
        // AND each guardian is invited through their own channel: a DM greeting, the questions by email
        assertThat(store.checkins.requests(before.id()))
                .extracting(CheckinRequest::guardianId)
                .containsExactlyInAnyOrder(samsMum.id(), samsDad.id());
        assertThat(store.deliveries.ofGuardian(samsMum.id()))
                .singleElement()
                .satisfies(row -> assertThat(row.kind()).isEqualTo(CheckinMail.GREETING));
        assertThat(store.deliveries.ofGuardian(samsDad.id()))
                .singleElement()
                .satisfies(row -> assertThat(row.kind()).isEqualTo(CheckinMail.QUESTIONNAIRE));
        // AND a class round is still none: class results and /checkin status do not see it
        assertThat(store.checkins.latestRound(groep5.id())).isEmpty();
    }

    @Test
    @DisplayName("planning again for a child with an upcoming conversation moves it: no second conversation,"
            + " no second invitation, the questions stay open until the new day")
    void movesRatherThanDoubles() {
        // GIVEN a planned conversation with its questions sent
        ParentConversation first = plan("2026-09-08", Optional.of("15:30")).conversation();
        int rows = store.deliveries.ofGuardian(samsMum.id()).size();

        // WHEN the teacher plans Sam's conversation again, a week later and without a time
        ConversationPlans.Planned.Done moved = plan("2026-09-15", Optional.empty());

        // THEN the same conversation moved, and the questions are open until the start of the new day
        assertThat(moved.moved()).isTrue();
        assertThat(moved.conversation().id()).isEqualTo(first.id());
        assertThat(moved.conversation().plannedOn()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(moved.conversation().plannedTime()).isEmpty();
        assertThat(moved.invitation()).isEqualTo(ConversationPlans.Invitation.ALREADY_SENT);
        assertThat(store.conversations.ofStudent(sam.id())).hasSize(1);
        assertThat(round(first.beforeRoundId().orElseThrow()).deadline())
                .isEqualTo(Instant.parse("2026-09-14T22:00:00Z"));
        assertThat(store.deliveries.ofGuardian(samsMum.id())).hasSize(rows);
    }

    @Test
    @DisplayName("a past day or time, a malformed date or time and an unknown child are refused; nothing is stored")
    void refusals() {
        // GIVEN it is Tuesday 1 September, 09:00  WHEN the teacher plans with bad input  THEN each gets its refusal
        assertThat(plans.plan(groep5, "Sam", "2026-08-31", Optional.empty(), false, TestStore.TEACHER))
                .isInstanceOf(ConversationPlans.Planned.InThePast.class);
        assertThat(plans.plan(groep5, "Sam", "2026-09-01", Optional.of("08:30"), false, TestStore.TEACHER))
                .isInstanceOf(ConversationPlans.Planned.InThePast.class);
        assertThat(plans.plan(groep5, "Sam", "8-9-2026", Optional.empty(), false, TestStore.TEACHER))
                .isInstanceOf(ConversationPlans.Planned.BadDate.class);
        assertThat(plans.plan(groep5, "Sam", "2026-02-30", Optional.empty(), false, TestStore.TEACHER))
                .isInstanceOf(ConversationPlans.Planned.BadDate.class);
        assertThat(plans.plan(groep5, "Sam", "2026-09-08", Optional.of("25:00"), false, TestStore.TEACHER))
                .isInstanceOf(ConversationPlans.Planned.BadTime.class);
        assertThat(plans.plan(groep5, "Sam", "2026-09-08", Optional.of("half vier"), false, TestStore.TEACHER))
                .isInstanceOf(ConversationPlans.Planned.BadTime.class);
        assertThat(plans.plan(groep5, "Noah", "2026-09-08", Optional.empty(), false, TestStore.TEACHER))
                .isInstanceOfSatisfying(
                        ConversationPlans.Planned.UnknownChild.class,
                        unknown -> assertThat(unknown.name()).isEqualTo("Noah"));
        assertThat(store.conversations.ofClass(groep5.id())).isEmpty();
        assertThat(store.deliveries.ofGuardian(samsMum.id())).isEmpty();
    }

    @Test
    @DisplayName("a conversation later today without a time is planned, but too soon for questions beforehand")
    void tooSoonForQuestions() {
        // GIVEN it is 09:00  WHEN a conversation is planned for today without a time
        ConversationPlans.Planned.Done done = plan("2026-09-01", Optional.empty());

        // THEN it is planned, no questions go out, and the teacher hears why
        assertThat(done.invitation()).isEqualTo(ConversationPlans.Invitation.TOO_SOON);
        assertThat(done.conversation().beforeRoundId()).isEmpty();
        assertThat(store.deliveries.ofGuardian(samsMum.id())).isEmpty();
    }

    @Test
    @DisplayName("the teacher is reminded to ask the child first when the child joins, or in groups 5-8")
    void askTheChildFirst() {
        // GIVEN Groep 5 and a class of groep 3
        SchoolClass groep3 = store.classes.add(
                "Groep 3", TestStore.GUILD, 77L, Language.NL, AMSTERDAM, TestStore.TEACHER, "Juf Anna", TestStore.T0);
        store.aStudent(groep3, "Ada");
        store.aStudent(groep3, "Bo");

        // WHEN conversations are planned  THEN Groep 5 and "with the child" get the reminder, groep 3 alone not
        assertThat(plan("2026-09-08", Optional.empty()).askChildFirst()).isTrue();
        assertThat(((ConversationPlans.Planned.Done)
                                plans.plan(groep3, "Ada", "2026-09-08", Optional.empty(), false, TestStore.TEACHER))
                        .askChildFirst())
                .isFalse();
        assertThat(((ConversationPlans.Planned.Done)
                                plans.plan(groep3, "Bo", "2026-09-08", Optional.empty(), true, TestStore.TEACHER))
                        .askChildFirst())
                .isTrue();
    }

    @Test
    @DisplayName("the child's view is stored with the upcoming conversation; too long or empty is refused")
    void childView() {
        // GIVEN a view recorded before anything is planned, then a planned conversation
        assertThat(childViews.childView(groep5, "Sam", "Rekenen is moeilijk.", TestStore.TEACHER))
                .isInstanceOfSatisfying(
                        ChildViews.ChildViewRecorded.Saved.class,
                        saved -> assertThat(saved.conversation()).isEmpty());
        ParentConversation conversation = plan("2026-09-08", Optional.empty()).conversation();

        // WHEN the teacher writes down what Sam said
        var recorded =
                childViews.childView(groep5, "Sam", "  Ik speel graag buiten. Ik wil hulp bij lezen.  ", COLLEAGUE);

        // THEN it is stored as written (trimmed), linked to the conversation
        assertThat(recorded).isInstanceOf(ChildViews.ChildViewRecorded.Saved.class);
        assertThat(store.conversations.childViews(sam.id())).first().satisfies(view -> {
            assertThat(view.text()).isEqualTo("Ik speel graag buiten. Ik wil hulp bij lezen.");
            assertThat(view.conversationId()).contains(conversation.id());
            assertThat(view.recordedByUserId()).isEqualTo(COLLEAGUE);
        });
        // AND too long, empty and unknown children are refused without storing
        assertThat(childViews.childView(groep5, "Sam", "x".repeat(ChildViews.MAX_CHILD_VIEW + 1), TestStore.TEACHER))
                .isEqualTo(new ChildViews.ChildViewRecorded.TooLong(ChildViews.MAX_CHILD_VIEW));
        assertThat(childViews.childView(groep5, "Sam", "   ", TestStore.TEACHER))
                .isInstanceOf(ChildViews.ChildViewRecorded.Empty.class);
        assertThat(childViews.childView(groep5, "Noah", "Hoi", TestStore.TEACHER))
                .isInstanceOf(ChildViews.ChildViewRecorded.UnknownChild.class);
        assertThat(store.conversations.childViews(sam.id())).hasSize(2);
    }

    @Test
    @DisplayName("done marks the conversation held, closes the questions before and sends the questions after;"
            + " a second done says it was held, nothing planned says so")
    void held() {
        // GIVEN a planned conversation
        ParentConversation planned = plan("2026-09-08", Optional.of("15:30")).conversation();
        clock.set(Instant.parse("2026-09-08T14:30:00Z"));

        // WHEN the teacher marks it held
        ConversationPlans.Held held = plans.held(groep5, "Sam", TestStore.TEACHER);

        // THEN it is held, the before round closed, and the after questions go to both guardians for a week
        assertThat(held).isInstanceOf(ConversationPlans.Held.Done.class);
        ParentConversation done = ((ConversationPlans.Held.Done) held).conversation();
        assertThat(done.heldAt()).contains(clock.instant());
        assertThat(round(planned.beforeRoundId().orElseThrow()).closedAt()).isPresent();
        CheckinRound after = round(done.afterRoundId().orElseThrow());
        assertThat(after.aboutStudent()).contains(sam.id());
        assertThat(store.questionnaires
                        .find(after.questionnaireVersionId())
                        .orElseThrow()
                        .questionnaire())
                .isEqualTo(ConversationPlans.AFTER);
        // The questions after it are open through the seventh day after today, in the class's zone.
        assertThat(after.deadline())
                .isEqualTo(Deadlines.endOf(
                        clock.instant().atZone(groep5.timezone()).toLocalDate().plusDays(7), groep5.timezone()));
        assertThat(store.checkins.requests(after.id())).hasSize(2);

        // AND again: already held; for Mila, nothing planned
        assertThat(plans.held(groep5, "Sam", TestStore.TEACHER)).isInstanceOf(ConversationPlans.Held.AlreadyHeld.class);
        assertThat(plans.held(groep5, "Mila", TestStore.TEACHER))
                .isInstanceOf(ConversationPlans.Held.NonePlanned.class);
        assertThat(plans.held(groep5, "Noah", TestStore.TEACHER))
                .isInstanceOf(ConversationPlans.Held.UnknownChild.class);
    }

    @Test
    @DisplayName("cancel calls off the upcoming conversation and closes its questions; the list shows what is coming")
    void cancelAndList() {
        // GIVEN two planned conversations, one answered by the mother
        ParentConversation sams = plan("2026-09-08", Optional.of("15:30")).conversation();
        plans.plan(groep5, "Mila", "2026-09-03", Optional.empty(), false, TestStore.TEACHER);
        CheckinRequest mums = store.checkins.requests(sams.beforeRoundId().orElseThrow()).stream()
                .filter(request -> request.guardianId() == samsMum.id())
                .findFirst()
                .orElseThrow();
        store.checkins.updateProgress(mums.id(), RequestStatus.ANSWERED, 4, clock.instant());

        // WHEN the list is asked  THEN by day, with counts only (Mila has no guardians: nothing was sent)
        assertThat(plans.upcoming(groep5))
                .extracting(
                        each -> each.student().name(),
                        ConversationPlans.Upcoming::answered,
                        ConversationPlans.Upcoming::asked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Mila", 0, 0),
                        org.assertj.core.groups.Tuple.tuple("Sam", 1, 2));

        // WHEN Sam's conversation is called off  THEN it is cancelled, its questions closed, and it leaves the list
        assertThat(plans.cancel(groep5, "Sam", TestStore.TEACHER)).isInstanceOf(ConversationPlans.Cancelled.Done.class);
        assertThat(store.conversations.find(sams.id()).orElseThrow().cancelledAt())
                .isPresent();
        assertThat(round(sams.beforeRoundId().orElseThrow()).closedAt()).isPresent();
        assertThat(plans.upcoming(groep5))
                .extracting(each -> each.student().name())
                .containsExactly("Mila");
        assertThat(plans.cancel(groep5, "Sam", TestStore.TEACHER))
                .isInstanceOf(ConversationPlans.Cancelled.NonePlanned.class);
    }

    @Test
    @DisplayName(
            "a reflection is its teacher's own: a colleague of the class never reads it, another class cannot write one")
    void reflectionPrivacy() {
        // GIVEN a held conversation
        plan("2026-09-08", Optional.empty());
        ParentConversation done =
                ((ConversationPlans.Held.Done) plans.held(groep5, "Sam", TestStore.TEACHER)).conversation();

        // WHEN the teacher reflects, and a colleague writes their own
        assertThat(reflections.reflect(
                        groep5, done.id(), TestStore.TEACHER, "Ze vertelde veel.", "", " Eerder vragen. "))
                .isInstanceOf(Reflections.Reflected.Saved.class);
        assertThat(reflections.reflect(groep5, done.id(), COLLEAGUE, "", "Korter", ""))
                .isInstanceOf(Reflections.Reflected.Saved.class);

        // THEN each reads only their own
        assertThat(reflections.ownReflection(done.id(), TestStore.TEACHER)).hasValueSatisfying(own -> {
            assertThat(own.wentWell()).contains("Ze vertelde veel.");
            assertThat(own.differently()).isEmpty();
            assertThat(own.takeAlong()).contains("Eerder vragen.");
        });
        assertThat(reflections.ownReflection(done.id(), COLLEAGUE)).hasValueSatisfying(own -> {
            assertThat(own.wentWell()).isEmpty();
            assertThat(own.differently()).contains("Korter");
        });
        // AND nothing written, too long, or another class's conversation is refused
        assertThat(reflections.reflect(groep5, done.id(), TestStore.TEACHER, " ", "", null))
                .isInstanceOf(Reflections.Reflected.Empty.class);
        assertThat(reflections.reflect(
                        groep5, done.id(), TestStore.TEACHER, "x".repeat(Reflections.MAX_REFLECTION + 1), "", ""))
                .isInstanceOf(Reflections.Reflected.TooLong.class);
        SchoolClass groep6 = store.classes.add(
                "Groep 6", TestStore.GUILD, 78L, Language.NL, AMSTERDAM, COLLEAGUE, "Meester Tom", TestStore.T0);
        assertThat(reflections.reflect(groep6, done.id(), COLLEAGUE, "Hoi", "", ""))
                .isInstanceOf(Reflections.Reflected.Unknown.class);
        assertThat(reflections
                        .ownReflection(done.id(), TestStore.TEACHER)
                        .orElseThrow()
                        .wentWell())
                .contains("Ze vertelde veel.");
    }

    @Test
    @DisplayName("a class check-in and a child's questions run side by side: typing answers the oldest,"
            + " the child's round is answered on its own")
    void classRoundAndChildRoundSideBySide() {
        // GIVEN a class check-in running, then a conversation planned for Sam
        rounds.start(groep5, "check-in", 7, TestStore.TEACHER);
        ParentConversation conversation = plan("2026-09-08", Optional.empty()).conversation();
        Outbox dmOutbox = new Outbox(
                store.database,
                store.deliveries,
                store.guardians,
                clock,
                new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                AMSTERDAM);
        Conversations dm = new Conversations(
                store.database,
                store.checkins,
                store.guardians,
                new QuestionnaireVersions(store.questionnaires),
                dmOutbox,
                new ContactAsked(
                        store.classes,
                        store.students,
                        new QuestionnaireVersions(store.questionnaires),
                        new TeacherNotices(dmOutbox, store.students, store.classes)),
                clock);
        List<CheckinRequest> open = store.checkins.openRequestsOf(samsMum.id());
        assertThat(open).hasSize(2);
        CheckinRequest classRequest = open.get(0);
        CheckinRequest childRequest = open.get(1);
        assertThat(childRequest.roundId())
                .isEqualTo(conversation.beforeRoundId().orElseThrow());

        // WHEN the mother types a message  THEN the oldest open request, the class check-in, begins
        Reply typed = dm.typed(samsMum.id(), "hoi");
        assertThat(typed)
                .isInstanceOfSatisfying(
                        Reply.Show.class,
                        show -> assertThat(show.request().id()).isEqualTo(classRequest.id()));

        // WHEN she answers the child's questions with their own buttons and forms
        dm.begin(childRequest.id(), samsMum.id());
        Reply answered = dm.answer(
                childRequest.id(), samsMum.id(), "talk-about", "Hoe het gaat met lezen", AnswerSource.DISCORD_BUTTON);

        // THEN that answer is stored on the child's request, and the class check-in waits where it was
        assertThat(answered).isInstanceOf(Reply.Show.class);
        assertThat(store.checkins.answers(childRequest.id()))
                .singleElement()
                .satisfies(answer -> assertThat(answer.value()).contains("Hoe het gaat met lezen"));
        assertThat(store.checkins.answers(classRequest.id())).isEmpty();
        assertThat(store.checkins.findRequest(classRequest.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.IN_PROGRESS);
        // AND the class's round is still the class round for /checkin
        assertThat(store.checkins
                        .openRound(groep5.id(), clock.instant())
                        .orElseThrow()
                        .forClass())
                .isTrue();
    }

    @Test
    @DisplayName("a class's group is read from its name: groep 6, groep 7/8, Group 5; none in another name")
    void classGroup() {
        // GIVEN class names  WHEN their groups are read  THEN groups 5-8 count as older children
        assertThat(ClassGroup.of("Groep 6").groups()).containsExactly(6);
        assertThat(ClassGroup.of("groep 7/8").groups()).containsExactly(7, 8);
        assertThat(ClassGroup.of("Group 5 (Sunflowers)").olderChildren()).isTrue();
        assertThat(ClassGroup.of("Groep 3/4").olderChildren()).isFalse();
        assertThat(ClassGroup.of("De Vlinders").groups()).isEmpty();
        assertThat(ClassGroup.of("Groep 12").groups()).isEmpty();
    }
}
