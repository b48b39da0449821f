package nl.classbridge.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing a guardian or a child ends the family's access at once: their open check-ins about the
 * child, the reminders and the messages still queued, in the roster's own transaction.
 */
class RemovalRevokesTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @TempDir
    Path folder;

    CheckinFixture fixture;
    Conversations conversations;
    Outbox outbox;
    ClassRoster roster;
    CheckinRounds.Started.Round round;

    @BeforeEach
    void setUp() {
        fixture = new CheckinFixture(folder);
        TestStore store = fixture.store;
        conversations = fixture.conversations();
        outbox = new Outbox(
                store.database,
                store.deliveries,
                store.guardians,
                fixture.clock,
                new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                AMSTERDAM);
        roster = store.roster(fixture.clock);
        // Sam: his mum and the parent of both; Mila: the parent of both and a parent by email.
        round = fixture.start("check-in");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private CheckinRequest requestOf(long guardianId, Student student) {
        return round.requests().stream()
                .filter(r -> r.guardianId() == guardianId && r.studentId() == student.id())
                .findFirst()
                .orElseThrow();
    }

    private Delivery queued(OutgoingMessage message) {
        return outbox.enqueue(message);
    }

    private Delivery now(Delivery delivery) {
        return fixture.store.deliveries.find(delivery.id()).orElseThrow();
    }

    @Test
    @DisplayName("GIVEN a parent of two children halfway a check-in, with their greeting, email and reminder queued"
            + " WHEN the teacher unlinks them from one child THEN that child's check-in and email are taken back,"
            + " the greeting and reminder now open the other child's, and an old button changes nothing")
    void unlinkingOneChild() {
        // GIVEN
        long parent = fixture.parentOfBoth.id();
        CheckinRequest forSam = requestOf(parent, fixture.sam);
        CheckinRequest forMila = requestOf(parent, fixture.mila);
        Delivery greeting = queued(CheckinMail.greeting(fixture.groep5.id(), round.round(), forSam));
        Delivery email = queued(CheckinMail.questionnaireByEmail(fixture.groep5.id(), round.round(), forSam));
        Delivery reminder =
                queued(CheckinMail.reminder(fixture.groep5.id(), round.round(), forSam, DeliveryChannel.DISCORD_DM));
        Delivery samsMumsGreeting = queued(
                CheckinMail.greeting(fixture.groep5.id(), round.round(), requestOf(fixture.samsMum.id(), fixture.sam)));
        conversations.begin(forSam.id(), parent);
        conversations.answer(forSam.id(), parent, "feeling", "4", AnswerSource.DISCORD_BUTTON);

        // WHEN
        assertThat(roster.removeGuardian(fixture.groep5, fixture.sam, parent, TestStore.TEACHER))
                .isTrue();

        // THEN the check-in about Sam is gone with its answer; Mila's stays
        assertThat(fixture.store.checkins.findRequest(forSam.id())).isEmpty();
        assertThat(fixture.store.checkins.answers(forSam.id())).isEmpty();
        assertThat(fixture.store.checkins.findRequest(forMila.id())).isPresent();
        // the email about Sam is cancelled; greeting and reminder are kept, about Mila
        assertThat(now(email).status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(now(greeting).status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(CheckinMail.payload(now(greeting).payload()).request()).isEqualTo(forMila.id());
        assertThat(CheckinMail.payload(now(reminder).payload()).request()).isEqualTo(forMila.id());
        // Sam's mum is not touched
        assertThat(now(samsMumsGreeting).status()).isEqualTo(DeliveryStatus.QUEUED);
        // an old button about Sam says "no longer linked"; a typed message goes to Mila's check-in
        assertThat(conversations.answer(forSam.id(), parent, "feeling", "1", AnswerSource.DISCORD_BUTTON))
                .isInstanceOf(Reply.NoLongerLinked.class);
        assertThat(conversations.typed(parent, "hoi"))
                .isInstanceOfSatisfying(
                        Reply.Show.class,
                        show -> assertThat(show.request().id()).isEqualTo(forMila.id()));
        assertThat(fixture.store.auditLog.ofClass(fixture.groep5.id()))
                .filteredOn(e -> e.action().equals("guardian.remove"))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.detail()).isEqualTo("student=" + fixture.sam.id() + " guardian=" + parent));
    }

    @Test
    @DisplayName("GIVEN a parent who answered about one child WHEN unlinked from that child THEN the answers stay for"
            + " the teacher, but the parent cannot change them any more")
    void answeredStaysButIsClosed() {
        // GIVEN
        long parent = fixture.parentOfBoth.id();
        CheckinRequest forSam = requestOf(parent, fixture.sam);
        conversations.begin(forSam.id(), parent);
        conversations.answer(forSam.id(), parent, "feeling", "5", AnswerSource.DISCORD_BUTTON);
        conversations.answer(forSam.id(), parent, "went-well", "Voetbal", AnswerSource.DISCORD_MODAL);
        conversations.skip(forSam.id(), parent, "good-to-know");
        conversations.skip(forSam.id(), parent, "talk");
        assertThat(fixture.store.checkins.findRequest(forSam.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.ANSWERED);

        // WHEN
        roster.removeGuardian(fixture.groep5, fixture.sam, parent, TestStore.TEACHER);

        // THEN
        assertThat(fixture.store.checkins.answers(forSam.id())).hasSize(4);
        assertThat(conversations.change(forSam.id(), parent, "feeling")).isInstanceOf(Reply.NoLongerLinked.class);
        assertThat(conversations.answer(forSam.id(), parent, "feeling", "1", AnswerSource.DISCORD_BUTTON))
                .isInstanceOf(Reply.NoLongerLinked.class);
        assertThat(fixture.store.checkins.answers(forSam.id()))
                .filteredOn(a -> a.questionId().equals("feeling"))
                .singleElement()
                .satisfies(a -> assertThat(a.value()).contains("5"));
    }

    @Test
    @DisplayName("GIVEN a child whose families have queued messages WHEN the child is removed THEN a parent of only"
            + " that child is gone with all theirs, a parent with another child keeps that child's check-in, and a"
            + " parent whose other child is in another class hears no more about this class")
    void removingAChild() {
        // GIVEN a second class, where the parent of both also has a child
        TestStore store = fixture.store;
        SchoolClass groep6 = store.classes.add(
                "Groep 6",
                TestStore.GUILD,
                TestStore.CHANNEL + 1,
                Language.NL,
                AMSTERDAM,
                TestStore.TEACHER + 1,
                "Meester Tom",
                TestStore.T0);
        Student lotte = store.aStudent(groep6, "Lotte");
        long parent = fixture.parentOfBoth.id();
        store.guardians.link(parent, lotte.id(), TestStore.T0);
        CheckinRequest emailForMila = requestOf(fixture.emailOnly.id(), fixture.mila);
        Delivery toEmailParent =
                queued(CheckinMail.questionnaireByEmail(fixture.groep5.id(), round.round(), emailForMila));
        Delivery aboutMila = queued(
                CheckinMail.questionnaireByEmail(fixture.groep5.id(), round.round(), requestOf(parent, fixture.mila)));
        Delivery updateCopy = queued(OutgoingMessage.toGuardian(
                "update:groep5:parent", fixture.groep5.id(), parent, DeliveryChannel.EMAIL, "update-email", "{}"));
        Delivery groep6Copy = queued(OutgoingMessage.toGuardian(
                "update:groep6:parent", groep6.id(), parent, DeliveryChannel.EMAIL, "update-email", "{}"));

        // WHEN Mila leaves
        assertThat(roster.removeStudent(fixture.groep5, "mila", TestStore.TEACHER))
                .contains(fixture.mila);

        // THEN the parent by email had only Mila: gone, with their queued email
        assertThat(store.guardians.find(fixture.emailOnly.id())).isEmpty();
        assertThat(store.deliveries.find(toEmailParent.id())).isEmpty();
        // the parent of both keeps Sam's check-in; the one about Mila is cancelled
        assertThat(store.checkins.findRequest(requestOf(parent, fixture.sam).id()))
                .isPresent();
        assertThat(now(aboutMila).status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(now(updateCopy).status()).isEqualTo(DeliveryStatus.QUEUED);

        // WHEN Sam leaves too
        roster.removeStudent(fixture.groep5, "Sam", TestStore.TEACHER);

        // THEN the parent of both has no child in Groep 5: nothing more about it; Groep 6 goes on
        assertThat(now(updateCopy).status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(now(groep6Copy).status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(store.checkins.openRequestsOf(parent)).isEmpty();
        assertThat(conversations.typed(parent, "hallo")).isInstanceOf(Reply.NothingOpen.class);
        assertThat(store.guardians.find(parent)).isPresent();
    }
}
