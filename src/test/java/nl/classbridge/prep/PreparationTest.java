package nl.classbridge.prep;

import static nl.classbridge.prep.PrepFixture.said;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.TextRenderer;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sheet to prepare a conversation, gathered from real rounds, answers, conversations and agreements. */
class PreparationTest {
    @TempDir
    Path folder;

    PrepFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PrepFixture(folder);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** A text's words and values as they are: what the teacher reads, without any markup. */
    static final TextRenderer PLAIN = new TextRenderer() {
        @Override
        protected String value(String raw) {
            return raw;
        }
    };

    @Test
    @DisplayName("GIVEN a year of answers about Sam from a Turkish-speaking father and a Dutch mother, a held and a"
            + " coming conversation, agreements, the child's view and class highlights WHEN the teacher prepares"
            + " THEN each of the six parts holds what was really said, in the family's words")
    void everySection() {
        Student sam = fixture.child("Sam");
        Guardian dad = fixture.parent(701L, sam);
        Guardian mum = fixture.parent(702L, sam);
        Student mila = fixture.child("Mila");
        Guardian milasMum = fixture.parent(703L, mila);

        CheckinRound startOfYear = fixture.classRound("start-of-year");
        fixture.answers(
                startOfYear,
                dad,
                sam,
                said(
                        "going-well", "Evde Lego ile kule yapıyor, çok gururlu",
                        "happy-and-safe", "Rust en een vriendje dichtbij",
                        "support-at-home", null,
                        "help-the-class", "reading",
                        "help-the-class-more", "Dinsdagmiddag kan ik",
                        "channel", "discord",
                        "language", "tr",
                        "contact-times", "after-school"));
        fixture.answers(
                startOfYear, milasMum, mila, said("going-well", "Mila zingt de hele dag", "happy-and-safe", "Rust"));
        CheckinRound firstCheckIn = fixture.classRound("check-in");
        fixture.answers(firstCheckIn, dad, sam, said("feeling", "5", "went-well", "Zwemdiploma A gehaald"));
        CheckinRound secondCheckIn = fixture.classRound("check-in");
        fixture.answers(secondCheckIn, dad, sam, said("feeling", "3", "went-well", "Een nieuw vriendje, *Daan*"));
        fixture.answers(secondCheckIn, mum, sam, said("feeling", "4", "went-well", null));

        LocalDate today = LocalDate.ofInstant(fixture.clock.instant(), fixture.groep5.timezone());
        ParentConversation earlier = fixture.store.conversations.plan(
                fixture.groep5.id(),
                sam.id(),
                today.minusDays(3),
                Optional.empty(),
                false,
                TestStore.TEACHER,
                fixture.clock.instant());
        fixture.store.conversations.markHeld(earlier.id(), fixture.clock.instant());
        CheckinRound after = fixture.roundAbout(sam, "after-conversation");
        fixture.store.conversations.setAfterRound(earlier.id(), after.id());
        fixture.answers(
                after,
                mum,
                sam,
                said(
                        "room-for-your-story", "4",
                        "agreements-clear", "yes",
                        "next-check", "in-a-month",
                        "anything-else", "Dank voor de tijd"));
        Agreement reading = fixture.store.agreements.add(
                sam.id(),
                Optional.of(earlier.id()),
                "Elke avond 10 minuten lezen",
                AgreementOwner.PARENTS,
                Optional.of(today.minusDays(1)),
                TestStore.TEACHER,
                fixture.clock.instant());
        Agreement seat = fixture.store.agreements.add(
                sam.id(),
                Optional.of(earlier.id()),
                "Een vast plekje bij het raam",
                AgreementOwner.TEACHER,
                Optional.empty(),
                TestStore.TEACHER,
                fixture.clock.instant());
        for (Agreement agreement : List.of(reading, seat)) {
            fixture.store.agreements.ask(agreement.id(), dad.id(), fixture.clock.instant());
            fixture.store.agreements.ask(agreement.id(), mum.id(), fixture.clock.instant());
        }
        fixture.store.agreements.answer(
                reading.id(), dad.id(), ConfirmationStatus.CONFIRMED, Optional.empty(), fixture.clock.instant());
        fixture.store.agreements.answer(
                seat.id(),
                mum.id(),
                ConfirmationStatus.DIFFERS,
                Optional.of("Liever naast zijn vriend"),
                fixture.clock.instant());

        ParentConversation coming = fixture.store.conversations.plan(
                fixture.groep5.id(),
                sam.id(),
                today.plusDays(5),
                Optional.of(LocalTime.of(15, 30)),
                true,
                TestStore.TEACHER,
                fixture.clock.instant());
        CheckinRound before = fixture.roundAbout(sam, "before-conversation");
        fixture.store.conversations.setBeforeRound(coming.id(), before.id());
        fixture.answers(
                before,
                dad,
                sam,
                said(
                        "talk-about", "Hij slaapt slecht sinds de verhuizing",
                        "going-well-at-home", "Hij leest elke avond voor aan zijn zusje"));
        fixture.store.conversations.addChildView(
                sam.id(),
                Optional.of(coming.id()),
                "Rekenen is moeilijk, gym is leuk",
                TestStore.TEACHER,
                fixture.clock.instant());
        fixture.store.highlights.add(
                fixture.groep5.id(),
                HighlightKind.LEARNING,
                "We maakten een eigen stripboek",
                TestStore.TEACHER,
                fixture.clock.instant().minus(Duration.ofDays(3)));
        fixture.store.highlights.add(
                fixture.groep5.id(),
                HighlightKind.SOCIAL_EMOTIONAL,
                "Een oud uitje van lang geleden",
                TestStore.TEACHER,
                fixture.clock.instant().minus(Duration.ofDays(40)));

        PrepSheet sheet = fixture.sheet("sam");

        assertThat(sheet.conversation().map(ParentConversation::id)).contains(coming.id());
        assertThat(sheet.highlights()).extracting(h -> h.text()).containsExactly("We maakten een eigen stripboek");
        assertThat(sheet.strengths())
                .extracting(quote -> quote.said().answer().value().orElseThrow())
                .containsExactly(
                        "Evde Lego ile kule yapıyor, çok gururlu",
                        "Zwemdiploma A gehaald",
                        "Een nieuw vriendje, *Daan*",
                        "Hij leest elke avond voor aan zijn zusje");
        assertThat(sheet.families())
                .extracting(family -> family.guardian().id())
                .containsExactly(dad.id(), mum.id());
        assertThat(sheet.families().get(0).told())
                .extracting(PrepSheet.Told::kind)
                .containsExactly(
                        PrepSheet.RoundKind.START_OF_YEAR,
                        PrepSheet.RoundKind.CHECK_IN,
                        PrepSheet.RoundKind.CHECK_IN,
                        PrepSheet.RoundKind.BEFORE);
        assertThat(sheet.families()
                        .get(0)
                        .told()
                        .get(2)
                        .given("feeling")
                        .orElseThrow()
                        .before())
                .as("the father's point last time")
                .contains(5);
        assertThat(sheet.wellBeing().orElseThrow().child().now()).isEqualTo(3);
        assertThat(sheet.wellBeing().orElseThrow().child().before()).contains(5);
        assertThat(sheet.childNeeds())
                .extracting(q -> q.said().answer().value().orElseThrow())
                .containsExactly("Rust en een vriendje dichtbij");
        assertThat(sheet.parentsOffer())
                .extracting(q -> q.said().answer().value().orElseThrow())
                .containsExactly("reading", "Dinsdagmiddag kan ik");
        assertThat(sheet.teacherAsks())
                .hasValueSatisfying(asks -> assertThat(asks).startsWith("Dit vraag ik van je"));
        assertThat(sheet.agreements())
                .extracting(state -> state.agreement().id())
                .containsExactly(reading.id(), seat.id());
        assertThat(sheet.lastHeld().orElseThrow().after())
                .extracting(told -> told.family().guardian().id())
                .containsExactly(mum.id());
        assertThat(sheet.questions())
                .containsExactly(
                        new QuestionToAsk.WellBeingDropped(
                                sheet.wellBeing().orElseThrow().scale(), 3, 5),
                        new QuestionToAsk.SeenDifferently(seat),
                        new QuestionToAsk.AlignAgain(reading),
                        new QuestionToAsk.NotAnswered(fixture.questionnaires
                                .find("start-of-year")
                                .orElseThrow()
                                .questionnaire()
                                .question("support-at-home")
                                .orElseThrow()));

        String page = PLAIN.render(new PrepText(fixture.messages).sheet(sheet));
        assertThat(page)
                .contains("Gesprek voorbereiden: Sam")
                .contains("om 15:30")
                .contains("Sam is er zelf ook bij.")
                .contains("1. Wat goed gaat")
                .contains("In de klas (Wat we leerden, ")
                .contains("We maakten een eigen stripboek")
                .doesNotContain("Een oud uitje")
                .contains("#" + dad.id() + " (in het Turks): Evde Lego ile kule yapıyor, çok gururlu")
                .contains("2. Het verhaal van het gezin, in hun eigen woorden")
                .contains("(vorige keer 😄 Heel goed)")
                .contains("Waar wil je het over hebben? Hij slaapt slecht sinds de verhuizing")
                .contains("(overgeslagen)")
                .contains("3. Wat Sam zelf zegt")
                .contains("Rekenen is moeilijk, gym is leuk")
                .contains("4. Wie doet wat")
                .contains("Wat Sam nodig heeft (#" + dad.id() + " (in het Turks)): Rust en een vriendje dichtbij")
                .contains("Lezen met kinderen")
                .contains("Wat ik van de ouders vraag: Dit vraag ik van je")
                .contains("5. Eerdere afspraken")
                .contains("Elke avond 10 minuten lezen (wie: ouders)")
                .contains("#" + dad.id() + " (in het Turks): klopt")
                .contains("#" + mum.id() + ": nog geen antwoord")
                .contains("#" + mum.id() + " ziet het anders: Liever naast zijn vriend")
                .contains("Na het gesprek van ")
                .contains("Dank voor de tijd")
                .contains("6. Vragen om te stellen")
                .contains("Het welbevinden ging van 😄 Heel goed naar 😐 Gaat wel.")
                .contains("Nog open: Hoe kan de leerkracht jou thuis helpen?");
        assertThat(page).as("another child's family").doesNotContain("Mila zingt");
        assertThat(page.indexOf("1. Wat goed gaat")).isLessThan(page.indexOf("2. Het verhaal"));

        // With a translator (issue 15): the Turkish father's words in Dutch too, labelled, his original beside them;
        // only his words were sent, never a name or a question.
        nl.classbridge.testing.TestTranslator translator = new nl.classbridge.testing.TestTranslator();
        try (nl.classbridge.translation.Translations translations = new nl.classbridge.translation.Translations(
                translator,
                new nl.classbridge.store.TranslationCacheRepository(fixture.store.database),
                Duration.ofSeconds(5),
                fixture.clock)) {
            String translated = PLAIN.render(
                    new PrepText(fixture.messages, new nl.classbridge.translation.FamilyWords(translations))
                            .sheet(sheet));
            String lego = "Evde Lego ile kule yapıyor, çok gururlu";
            assertThat(translated)
                    .contains("#" + dad.id() + " (in het Turks): [nl] " + lego
                            + "\n(automatische vertaling; oorspronkelijk: " + lego + ")")
                    .contains("Rust en een vriendje dichtbij")
                    .contains("#" + mum.id() + " ziet het anders: Liever naast zijn vriend");
            assertThat(translator.sent()).contains(lego).noneMatch(text -> text.contains("Sam"));
        }
        assertThat(page.indexOf("5. Eerdere afspraken")).isLessThan(page.indexOf("6. Vragen"));
    }

    @Test
    @DisplayName("GIVEN a child nobody answered anything about WHEN the teacher prepares THEN the page says so kindly"
            + " and still suggests the questions to begin with")
    void nothingKnown() {
        Student noor = fixture.child("Noor");
        fixture.parent(704L, noor);

        PrepSheet sheet = fixture.sheet("Noor");

        assertThat(sheet.anyAnswers()).isFalse();
        assertThat(sheet.questions()).hasSize(4).first().isEqualTo(new QuestionToAsk.NoChildView());
        String page = PLAIN.render(new PrepText(fixture.messages).sheet(sheet));
        assertThat(page)
                .contains("Over Noor hebben de ouders nog niets ingevuld. Dat is niet erg")
                .contains("Er staat nog geen gesprek gepland")
                .contains("Noor is nog niet gevraagd")
                .contains("Nog geen afspraken.")
                .contains("Nog open: Wat gaat er goed thuis? Waar is je kind trots op?")
                .contains("Nog open: Wat heeft je kind nodig om zich fijn en veilig te voelen in de klas?");
    }

    @Test
    @DisplayName("GIVEN a parent who answered and was then removed from the child WHEN the teacher prepares THEN"
            + " nothing of theirs is on the page")
    void removedFamily() {
        Student sam = fixture.child("Sam");
        Guardian former = fixture.parent(705L, sam);
        CheckinRound checkIn = fixture.classRound("check-in");
        fixture.answers(checkIn, former, sam, said("feeling", "1", "went-well", "Oude woorden"));
        fixture.store.guardians.unlink(former.id(), sam.id());

        PrepSheet sheet = fixture.sheet("Sam");

        assertThat(sheet.families()).isEmpty();
        assertThat(sheet.wellBeing()).isEmpty();
        assertThat(PLAIN.render(new PrepText(fixture.messages).sheet(sheet))).doesNotContain("Oude woorden");
    }

    @Test
    @DisplayName("GIVEN a name that is no child of the class WHEN the teacher prepares THEN the service says so")
    void unknownChild() {
        fixture.child("Sam");

        assertThat(fixture.preparation().prepare(fixture.groep5, TestStore.TEACHER, "Samuel"))
                .isEqualTo(new Preparation.Prepared.NoSuchStudent("Samuel"));
    }

    @Test
    @DisplayName("GIVEN a parent who said yes to 'would you like to talk' in the last check-in, and a teacher who wrote"
            + " her own needs WHEN the teacher prepares THEN the page asks what they wanted to talk about, and shows"
            + " her words as what she asks of the parents")
    void familyAskedToTalkAndTheTeachersOwnWords() {
        Student sam = fixture.child("Sam");
        Guardian mother = fixture.parent(706L, sam);
        CheckinRound checkIn = fixture.classRound("check-in");
        fixture.answers(checkIn, mother, sam, said("feeling", "4", "went-well", "Fietsen", "talk", "yes"));
        new nl.classbridge.store.ClassNeedsRepository(fixture.store.database)
                .save(fixture.groep5.id(), "Lees elke dag tien minuten samen.", TestStore.TEACHER, TestStore.T0);

        PrepSheet sheet = fixture.sheet("Sam");

        assertThat(sheet.questions()).contains(new QuestionToAsk.AskedForContact());
        assertThat(sheet.teacherAsks()).contains("Lees elke dag tien minuten samen.");
    }

    @Test
    @DisplayName("GIVEN a parent who asked to talk once and said no in the next check-in WHEN the teacher prepares"
            + " THEN the page does not suggest asking what they wanted to talk about")
    void aLaterNoWins() {
        Student sam = fixture.child("Sam");
        Guardian mother = fixture.parent(707L, sam);
        fixture.answers(
                fixture.classRound("check-in"),
                mother,
                sam,
                said("feeling", "4", "went-well", "Fietsen", "talk", "yes"));
        fixture.answers(
                fixture.classRound("check-in"), mother, sam, said("feeling", "4", "went-well", "Lezen", "talk", "no"));

        assertThat(fixture.sheet("Sam").questions()).doesNotContain(new QuestionToAsk.AskedForContact());
    }
}
