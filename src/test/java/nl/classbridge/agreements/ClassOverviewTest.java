package nl.classbridge.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.checkin.RoundOverview;
import nl.classbridge.discord.Texts;
import nl.classbridge.discord.agreements.OverviewText;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassOverviewTest {
    @TempDir
    Path folder;

    AgreementFixture school;
    ActiveQuestionnaires questionnaires;
    ClassOverview overview;

    @BeforeEach
    void setUp() {
        school = new AgreementFixture(folder);
        questionnaires =
                ActiveQuestionnaires.load(Path.of("config/questionnaires"), school.store.questionnaires, school.clock);
        QuestionnaireVersions versions = new QuestionnaireVersions(school.store.questionnaires);
        overview = new ClassOverview(
                school.store.students,
                school.store.agreements,
                school.store.conversations,
                school.store.checkins,
                versions,
                new RoundOverview(
                        school.store.checkins,
                        school.store.students,
                        school.store.guardians,
                        school.store.deliveries,
                        versions,
                        school.store.auditLog,
                        school.clock),
                school.store.auditLog,
                school.clock);
    }

    @AfterEach
    void tearDown() {
        school.close();
    }

    /** A round of {@code questionnaire} (about one child, or the class) with Sam's mum's answers. */
    private CheckinRound answered(String questionnaire, Optional<Long> about, String... questionAndValue) {
        long version =
                questionnaires.find(questionnaire).orElseThrow().version().id();
        CheckinRound round = school.store.checkins.startRound(
                school.groep5.id(),
                about,
                version,
                questionnaire + "-token-" + about.orElse(0L),
                TestStore.TEACHER,
                school.clock.instant(),
                school.clock.instant().plus(Duration.ofDays(7)));
        CheckinRequest request = school.store.checkins.addRequest(
                round.id(), school.samsMum.id(), school.sam.id(), ContactChannel.DISCORD, school.clock.instant());
        for (int i = 0; i < questionAndValue.length; i += 2) {
            school.store.checkins.saveAnswer(new Answer(
                    request.id(),
                    questionAndValue[i],
                    Optional.of(questionAndValue[i + 1]),
                    false,
                    AnswerSource.DISCORD_BUTTON,
                    school.clock.instant()));
        }
        return round;
    }

    @Test
    @DisplayName("GIVEN Sam's well-being answer, two agreements, a held conversation and the family's answers after it"
            + " WHEN the teacher opens the overview THEN Sam's line shows each, and Noor's says what is missing")
    void showsWhereEachFamilyStands() throws Exception {
        answered("check-in", Optional.empty(), "feeling", "4", "went-well", "Hij las een heel boek");
        ParentConversation conversation = school.store.conversations.plan(
                school.groep5.id(),
                school.sam.id(),
                LocalDate.of(2026, 9, 3),
                Optional.empty(),
                false,
                TestStore.TEACHER,
                school.clock.instant());
        school.store.conversations.markHeld(conversation.id(), school.clock.instant());
        CheckinRound after = answered(
                "after-conversation",
                Optional.of(school.sam.id()),
                "room-for-your-story",
                "4",
                "agreements-clear",
                "yes",
                "anything-else",
                "Dank je wel");
        school.store.conversations.setAfterRound(conversation.id(), after.id());
        school.agreements.add(
                school.groep5,
                "Sam",
                "Sam leest elke avond",
                AgreementOwner.CHILD,
                Optional.of(LocalDate.of(2026, 10, 1)),
                TestStore.TEACHER);
        school.agreements.add(
                school.groep5,
                "Sam",
                "Juf belt na twee weken",
                AgreementOwner.TEACHER,
                Optional.of(LocalDate.of(2026, 9, 15)),
                TestStore.TEACHER);

        var children = overview.of(school.groep5, TestStore.TEACHER);

        assertThat(children).extracting(c -> c.student().name()).containsExactly("Noor", "Sam");
        ClassOverview.Child sam = children.get(1);
        assertThat(sam.wellBeing()).contains(new ClassOverview.WellBeing(4, LocalDate.of(2026, 9, 1)));
        assertThat(sam.openAgreements()).hasSize(2);
        assertThat(sam.nextAlignment()).contains(LocalDate.of(2026, 9, 15));
        assertThat(sam.conversation().map(ParentConversation::id)).contains(conversation.id());
        assertThat(sam.afterConversation())
                .extracting(a -> a.question().id(), ClassOverview.AfterAnswer::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("room-for-your-story", "4"),
                        org.assertj.core.groups.Tuple.tuple("agreements-clear", "yes"));
        ClassOverview.Child noor = children.get(0);
        assertThat(noor.wellBeing()).isEmpty();
        assertThat(noor.openAgreements()).isEmpty();
        assertThat(noor.conversation()).isEmpty();

        // As the teacher reads it on Discord, in the class's language.
        String shown = new OverviewText(
                        new Texts(new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL)))
                .render(school.groep5, children);
        assertThat(shown)
                .contains("Overzicht van Groep 5")
                .contains("**Sam**\nWelzijn: 4/5 (dinsdag 1 september 2026)\nOpen afspraken: 2")
                .contains("– Sam leest elke avond (kind)", "– Juf belt na twee weken (leerkracht)")
                .contains("Opnieuw afstemmen: dinsdag 15 september 2026")
                .contains("Laatste gesprek: donderdag 3 september 2026")
                .contains("Na het gesprek: ", ": 4/5; ", ": ja")
                .contains("**Noor**\nWelzijn: nog geen antwoord\nOpen afspraken: 0")
                .doesNotContain("Dank je wel", "Hij las een heel boek");
    }
}
