package nl.classbridge.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementsTest {
    @TempDir
    Path folder;

    AgreementFixture school;

    @BeforeEach
    void setUp() {
        school = new AgreementFixture(folder);
    }

    @AfterEach
    void tearDown() {
        school.close();
    }

    private Agreements.Added.Saved add(String student, String text, Optional<LocalDate> day) {
        Agreements.Added added =
                school.agreements.add(school.groep5, student, text, AgreementOwner.TOGETHER, day, TestStore.TEACHER);
        assertThat(added).isInstanceOf(Agreements.Added.Saved.class);
        return (Agreements.Added.Saved) added;
    }

    @Test
    @DisplayName("GIVEN Sam's planned conversation WHEN the teacher adds an agreement THEN it is linked to it and "
            + "each parent is asked through their own channel, once")
    void addAsksEachGuardianThroughTheirChannel() {
        ParentConversation planned = school.store.conversations.plan(
                school.groep5.id(),
                school.sam.id(),
                LocalDate.of(2026, 9, 10),
                Optional.empty(),
                false,
                TestStore.TEACHER,
                TestStore.T0);

        Agreements.Added.Saved saved =
                add("sam", "Sam leest elke avond 15 minuten", Optional.of(LocalDate.of(2026, 10, 1)));

        assertThat(saved.asked()).isEqualTo(2);
        assertThat(saved.agreement().conversationId()).contains(planned.id());
        assertThat(school.rows(AgreementMail.ASK))
                .extracting(Delivery::guardianId, Delivery::channel)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                Optional.of(school.samsMum.id()), DeliveryChannel.DISCORD_DM),
                        org.assertj.core.groups.Tuple.tuple(Optional.of(school.samsDad.id()), DeliveryChannel.EMAIL));
        assertThat(school.rows(AgreementMail.ASK))
                .allSatisfy(row -> assertThat(row.payload())
                        .as("ids only, never the words")
                        .doesNotContain("leest"));
        assertThat(school.store.agreements.confirmations(saved.agreement().id()))
                .extracting(c -> c.status())
                .containsExactly(ConfirmationStatus.ASKED, ConfirmationStatus.ASKED);
    }

    @Test
    @DisplayName("GIVEN a bad day, an empty or too long text, or an unknown child WHEN adding THEN it is refused "
            + "and nothing is stored or sent")
    void refusals() {
        LocalDate yesterday = LocalDate.of(2026, 8, 31);
        assertThat(school.agreements.add(
                        school.groep5, "Sam", "Lezen", AgreementOwner.CHILD, Optional.of(yesterday), TestStore.TEACHER))
                .isInstanceOf(Agreements.Added.DayPassed.class);
        assertThat(school.agreements.add(
                        school.groep5,
                        "Sam",
                        "x".repeat(Agreements.MAX_TEXT + 1),
                        AgreementOwner.CHILD,
                        Optional.empty(),
                        TestStore.TEACHER))
                .isInstanceOf(Agreements.Added.TextInvalid.class);
        assertThat(school.agreements.add(
                        school.groep5, "Sam", "   ", AgreementOwner.CHILD, Optional.empty(), TestStore.TEACHER))
                .isInstanceOf(Agreements.Added.TextInvalid.class);
        assertThat(school.agreements.add(
                        school.groep5, "Lotte", "Lezen", AgreementOwner.CHILD, Optional.empty(), TestStore.TEACHER))
                .as("another class's child")
                .isInstanceOf(Agreements.Added.UnknownStudent.class);
        assertThat(school.store.agreements.ofStudent(school.sam.id())).isEmpty();
        assertThat(school.rows()).isEmpty();
    }

    @Test
    @DisplayName("GIVEN an agreement WHEN one parent confirms and the other sees it differently THEN both are stored, "
            + "the list shows them, and the teacher gets one private notice without the words")
    void answers() {
        long id =
                add("Sam", "Sam leest elke avond", Optional.empty()).agreement().id();

        assertThat(school.agreements.answer(id, school.samsMum.id(), ConfirmationStatus.CONFIRMED, Optional.empty()))
                .isInstanceOf(Agreements.Answered.Saved.class);
        assertThat(school.agreements.answer(
                        id, school.samsDad.id(), ConfirmationStatus.DIFFERS, Optional.of("  Liever 's ochtends  ")))
                .isInstanceOf(Agreements.Answered.Saved.class);

        var list = school.agreements.list(school.groep5, "Sam").orElseThrow();
        assertThat(list.agreements().get(0).answers())
                .extracting(
                        a -> a.confirmation().map(c -> c.status()).orElseThrow(),
                        a -> a.confirmation().flatMap(c -> c.ownWords()).orElse(""))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ConfirmationStatus.CONFIRMED, ""),
                        org.assertj.core.groups.Tuple.tuple(ConfirmationStatus.DIFFERS, "Liever 's ochtends"));
        var notices = school.rows(TeacherNotices.KIND);
        assertThat(notices).hasSize(1);
        assertThat(TeacherNotices.parse(notices.get(0).payload()).key()).contains("agreement.teacher.differs");
        assertThat(notices.get(0).payload()).doesNotContain("ochtends");
    }

    @Test
    @DisplayName("GIVEN Sam's agreement WHEN Noor's dad, or an empty text, answers it THEN nothing changes")
    void notTheirsAndEmptyWords() {
        long id =
                add("Sam", "Sam leest elke avond", Optional.empty()).agreement().id();

        assertThat(school.agreements.answer(id, school.noorsDad.id(), ConfirmationStatus.CONFIRMED, Optional.empty()))
                .isInstanceOf(Agreements.Answered.NotTheirs.class);
        assertThat(school.agreements.answer(id, school.samsMum.id(), ConfirmationStatus.DIFFERS, Optional.of(" ")))
                .isInstanceOf(Agreements.Answered.WordsInvalid.class);
        assertThat(school.store.agreements.confirmations(id))
                .extracting(c -> c.status())
                .containsOnly(ConfirmationStatus.ASKED);
        assertThat(school.store.agreements.confirmation(id, school.noorsDad.id()))
                .isEmpty();
    }

    @Test
    @DisplayName("GIVEN agreements of Sam and of another class WHEN the teacher marks one done by id THEN only Sam's "
            + "own agreement is done, once")
    void doneOnlyForTheChildsOwn() {
        long sams = add("Sam", "Lezen", Optional.empty()).agreement().id();
        long noors = add("Noor", "Rekenen", Optional.empty()).agreement().id();
        var lottes = school.agreements.add(
                school.groep6, "Lotte", "Tekenen", AgreementOwner.CHILD, Optional.empty(), TestStore.TEACHER + 1);
        long lotte = ((Agreements.Added.Saved) lottes).agreement().id();

        assertThat(school.agreements.done(school.groep5, "Sam", noors, TestStore.TEACHER))
                .isEqualTo(Agreements.Done.NOT_FOUND);
        assertThat(school.agreements.done(school.groep5, "Sam", lotte, TestStore.TEACHER))
                .isEqualTo(Agreements.Done.NOT_FOUND);
        assertThat(school.agreements.done(school.groep5, "Sam", sams, TestStore.TEACHER))
                .isEqualTo(Agreements.Done.DONE);
        assertThat(school.agreements.done(school.groep5, "Sam", sams, TestStore.TEACHER))
                .isEqualTo(Agreements.Done.ALREADY_DONE);
        assertThat(school.agreements.open(school.groep5, "Sam")).isEmpty();
        assertThat(school.agreements.open(school.groep5, "Noor")).hasSize(1);
        assertThat(school.agreements.answer(sams, school.samsMum.id(), ConfirmationStatus.CONFIRMED, Optional.empty()))
                .isInstanceOf(Agreements.Answered.Closed.class);
    }

    @Test
    @DisplayName("GIVEN the words families use WHEN a reply is read THEN 'ja', 'Yes!', 'Evet' and 'Так' confirm, "
            + "and 'ja, maar ...' does not")
    void confirmWords() {
        assertThat(ConfirmWords.confirms("ja")).isTrue();
        assertThat(ConfirmWords.confirms("  Yes! ")).isTrue();
        assertThat(ConfirmWords.confirms("That's right.")).isTrue();
        assertThat(ConfirmWords.confirms("Evet")).isTrue();
        assertThat(ConfirmWords.confirms("Так")).isTrue();
        assertThat(ConfirmWords.confirms("Zgadza się")).isTrue();
        assertThat(ConfirmWords.confirms("نعم")).isTrue();
        assertThat(ConfirmWords.confirms("ja, maar liever op vrijdag")).isFalse();
        assertThat(ConfirmWords.confirms("")).isFalse();
    }

    @Test
    @DisplayName(
            "GIVEN an agreement DM to a parent whose DMs turn out closed WHEN the outbox hands it off THEN the same"
                    + " agreement goes by email under its own email key, and a check-in's DM is left to the check-in")
    void closedDmsHandOffToEmail() {
        long id = add("Noor", "Noor oefent de tafels", Optional.empty())
                .agreement()
                .id();
        Delivery dm = school.rows(AgreementMail.ASK).get(0);
        var dad = school.store.guardians.find(school.noorsDad.id()).orElseThrow();

        var email = new AgreementHandOff(nl.classbridge.delivery.HandOff.none()).emailFor(dm, dad);

        assertThat(email).hasValueSatisfying(message -> {
            assertThat(message.channel()).isEqualTo(DeliveryChannel.EMAIL);
            assertThat(message.guardianId()).contains(dad.id());
            assertThat(message.dedupeKey())
                    .isEqualTo(nl.classbridge.delivery.DedupeKeys.agreementAsk(id, dad.id(), DeliveryChannel.EMAIL));
            assertThat(AgreementMail.agreementOf(message.payload())).isEqualTo(id);
        });
        Delivery other = new Delivery(
                dm.id(),
                "x",
                dm.classId(),
                dm.guardianId(),
                dm.channel(),
                "checkin-greeting",
                "{}",
                dm.status(),
                0,
                dm.nextAttemptAt(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                dm.createdAt(),
                Optional.empty(),
                false);
        assertThat(new AgreementHandOff(nl.classbridge.delivery.HandOff.none()).emailFor(other, dad))
                .isEmpty();
    }
}
