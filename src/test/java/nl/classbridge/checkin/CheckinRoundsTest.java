package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Language;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckinRoundsTest {
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
    @DisplayName("a round asks every guardian about each of their children, by Discord or email as they can be reached")
    void start() {
        var round = fixture.start("check-in");
        // Open until and including the seventh day: T0 is Tuesday 1 September, 09:00 in Amsterdam.
        assertThat(round.round().deadline()).isEqualTo(Instant.parse("2026-09-08T22:00:00Z"));
        assertThat(round.round().token()).matches("[a-z2-9]{10}");
        assertThat(round.requests()).hasSize(4);
        assertThat(round.requests())
                .filteredOn(r -> r.guardianId() == fixture.emailOnly.id())
                .singleElement()
                .extracting(r -> r.channel())
                .isEqualTo(ContactChannel.EMAIL);
        assertThat(round.requests())
                .filteredOn(r -> r.guardianId() == fixture.parentOfBoth.id())
                .hasSize(2);
        assertThat(fixture.store.auditLog.ofClass(fixture.groep5.id()))
                .extracting(e -> e.action())
                .containsExactly("checkin.start");
    }

    @Test
    @DisplayName("GIVEN a class with a parent of two children WHEN a round starts THEN each family on Discord gets one"
            + " greeting and the family by email the questions, queued in the outbox with the round")
    void startInvites() {
        var round = fixture.start("check-in");

        assertThat(round.families()).isEqualTo(3);
        assertThat(fixture.store.deliveries.ofGuardian(fixture.parentOfBoth.id()))
                .singleElement()
                .satisfies(row -> assertThat(row.dedupeKey())
                        .isEqualTo(DedupeKeys.greeting(round.round().id(), fixture.parentOfBoth.id())));
        assertThat(fixture.store.deliveries.ofGuardian(fixture.emailOnly.id()))
                .singleElement()
                .satisfies(row -> assertThat(row.kind()).isEqualTo(CheckinMail.QUESTIONNAIRE));
    }

    @Test
    @DisplayName(
            "bad input gets a clear refusal: unknown questionnaire, deadline out of range, a round already running")
    void refusals() {
        assertThat(fixture.rounds.start(fixture.groep5, "weekly-mood", 7, 1L))
                .isInstanceOfSatisfying(
                        CheckinRounds.Started.UnknownQuestionnaire.class,
                        unknown -> assertThat(unknown.known()).containsExactly("check-in", "start-of-year"));
        assertThat(fixture.rounds.start(fixture.groep5, "check-in", 0, 1L))
                .isInstanceOf(CheckinRounds.Started.DeadlineOutOfRange.class);
        assertThat(fixture.rounds.start(fixture.groep5, "check-in", 61, 1L))
                .isInstanceOf(CheckinRounds.Started.DeadlineOutOfRange.class);
        fixture.start("check-in");
        assertThat(fixture.rounds.start(fixture.groep5, "start-of-year", 7, 1L))
                .isInstanceOf(CheckinRounds.Started.AlreadyRunning.class);
        // Until and including the last day: still running a minute before its midnight, over at midnight.
        fixture.clock.set(Instant.parse("2026-09-08T21:59:00Z"));
        assertThat(fixture.rounds.start(fixture.groep5, "start-of-year", 7, 1L))
                .isInstanceOf(CheckinRounds.Started.AlreadyRunning.class);
        fixture.clock.set(Instant.parse("2026-09-08T22:00:00Z"));
        assertThat(fixture.rounds.start(fixture.groep5, "start-of-year", 7, 1L))
                .isInstanceOf(CheckinRounds.Started.Round.class);
    }

    @Test
    @DisplayName(
            "the questions before and after a parent conversation are about one child: never started for the class")
    void conversationQuestionnairesAreNotForTheClass() {
        // GIVEN the shipped questionnaires  WHEN a class round of a conversation's questionnaire is started
        for (String aboutOneChild : java.util.List.of("before-conversation", "after-conversation")) {
            // THEN it is refused as unknown, offering only the class questionnaires, and nothing is stored
            assertThat(fixture.rounds.start(fixture.groep5, aboutOneChild, 7, 1L))
                    .isInstanceOfSatisfying(
                            CheckinRounds.Started.UnknownQuestionnaire.class,
                            unknown -> assertThat(unknown.known()).containsExactly("check-in", "start-of-year"));
        }
        assertThat(fixture.store.checkins.latestRound(fixture.groep5.id())).isEmpty();
        assertThat(fixture.questionnaires.classIds()).containsExactly("check-in", "start-of-year");
    }

    @Test
    @DisplayName("a class without families yet is told to invite them first")
    void noFamilies() {
        var empty = fixture.store.classes.add(
                "Groep 8",
                TestStore.GUILD,
                99L,
                Language.NL,
                java.time.ZoneId.of("Europe/Amsterdam"),
                1L,
                "Juf Anna",
                TestStore.T0);
        fixture.store.students.add(empty.id(), "Lotte", TestStore.T0);
        assertThat(fixture.rounds.start(empty, "check-in", 7, 1L)).isInstanceOf(CheckinRounds.Started.NoFamilies.class);
    }

    @Test
    @DisplayName("status shows per child and guardian who answered, who is busy, pending or unreachable")
    void status() {
        fixture.store.guardians.markDiscordUnreachable(fixture.samsMum.id(), "dm-closed");
        var round = fixture.start("check-in");
        Conversations conversations = fixture.conversations();
        long parent = fixture.parentOfBoth.id();
        var forSam = round.requests().stream()
                .filter(r -> r.guardianId() == parent && r.studentId() == fixture.sam.id())
                .findFirst()
                .orElseThrow();
        conversations.begin(forSam.id(), parent);
        conversations.answer(forSam.id(), parent, "feeling", "4", AnswerSource.DISCORD_BUTTON);
        conversations.answer(forSam.id(), parent, "went-well", "Lezen", AnswerSource.DISCORD_BUTTON);
        conversations.skip(forSam.id(), parent, "good-to-know");
        conversations.skip(forSam.id(), parent, "talk");
        var forMila = round.requests().stream()
                .filter(r -> r.guardianId() == parent && r.studentId() == fixture.mila.id())
                .findFirst()
                .orElseThrow();
        conversations.begin(forMila.id(), parent);

        RoundStatus status = fixture.overview.status(fixture.groep5).orElseThrow();
        assertThat(status.answered()).isEqualTo(1);
        assertThat(status.lines())
                .extracting(l -> l.student().name() + "/" + l.guardian().id() + "/" + l.state())
                .containsExactlyInAnyOrder(
                        "Sam/" + fixture.samsMum.id() + "/UNREACHABLE",
                        "Sam/" + parent + "/ANSWERED",
                        "Mila/" + parent + "/IN_PROGRESS",
                        "Mila/" + fixture.emailOnly.id() + "/PENDING");
        assertThat(fixture.overview.status(fixture.store.classes.add(
                        "Leeg", 1L, 2L, Language.NL, java.time.ZoneId.of("UTC"), 1L, "Juf Anna", TestStore.T0)))
                .isEmpty();
    }

    @Test
    @DisplayName("one reminder per round, once per guardian still open; a second call sends nothing")
    void remind() {
        assertThat(fixture.rounds.remind(fixture.groep5, 1L)).isInstanceOf(CheckinRounds.Reminded.NoOpenRound.class);
        fixture.start("check-in");
        var reminded = fixture.rounds.remind(fixture.groep5, 1L);
        assertThat(reminded)
                .isInstanceOfSatisfying(
                        CheckinRounds.Reminded.ToSend.class,
                        toSend -> assertThat(toSend.pending())
                                .extracting(r -> r.guardianId())
                                .doesNotHaveDuplicates()
                                .hasSize(3));
        assertThat(fixture.rounds.remind(fixture.groep5, 1L))
                .isInstanceOf(CheckinRounds.Reminded.AlreadyReminded.class);
        assertThat(fixture.store.deliveries.ofGuardian(fixture.emailOnly.id()))
                .extracting(row -> row.kind())
                .containsExactly(CheckinMail.QUESTIONNAIRE, CheckinMail.REMINDER);
        assertThat(fixture.store.auditLog.ofClass(fixture.groep5.id()))
                .extracting(e -> e.action())
                .containsExactly("checkin.start", "checkin.remind");
    }

    @Test
    @DisplayName("a round keeps asking the version it started with, even after the file is edited and reloaded")
    void keepsItsVersion() throws Exception {
        Path copy = Files.createDirectories(folder.resolve("q"));
        Files.copy(Path.of("config/questionnaires/check-in.yml"), copy.resolve("check-in.yml"));
        ActiveQuestionnaires before = ActiveQuestionnaires.load(copy, fixture.store.questionnaires, fixture.clock);
        CheckinRounds rounds = new CheckinRounds(
                fixture.store.database,
                fixture.store.checkins,
                fixture.store.students,
                fixture.store.guardians,
                before,
                new QuestionnaireVersions(fixture.store.questionnaires),
                fixture.outbox,
                fixture.store.auditLog,
                fixture.clock);
        var started = (CheckinRounds.Started.Round) rounds.start(fixture.groep5, "check-in", 7, 1L);
        String original = started.questionnaire()
                .questionnaire()
                .question("went-well")
                .orElseThrow()
                .text(Language.NL);
        Files.writeString(
                copy.resolve("check-in.yml"),
                Files.readString(copy.resolve("check-in.yml")).replace(original, "Wat was het mooiste moment?"));
        ActiveQuestionnaires.load(copy, fixture.store.questionnaires, fixture.clock);

        var request = started.requests().get(0);
        Conversations conversations = fixture.conversations();
        conversations.begin(request.id(), request.guardianId());
        Reply second =
                conversations.answer(request.id(), request.guardianId(), "feeling", "3", AnswerSource.DISCORD_BUTTON);
        assertThat(((Step.Ask) ((Reply.Show) second).step()).question().text(Language.NL))
                .isEqualTo(original);
        assertThat(Optional.of(started.round().questionnaireVersionId())).isNotEmpty();
    }
}
