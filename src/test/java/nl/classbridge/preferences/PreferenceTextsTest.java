package nl.classbridge.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.Option;
import nl.classbridge.checkin.questionnaire.PlanField;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.domain.CommunicationPlan;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every text of {@code /preferences} renders in each of the six languages, in that language. */
class PreferenceTextsTest {
    private static final SchoolClass GROEP_5 = new SchoolClass(
            1, "Groep 5", 2, 3, Language.NL, ZoneId.of("Europe/Amsterdam"), 4, "Juf Anna", Instant.EPOCH);
    private static final Question TIMES = new Question(
            "contact-times",
            QuestionType.CHOICE,
            true,
            java.util.Map.of(),
            List.of(),
            List.of(new Option("evening", java.util.Map.of(Language.NL, "In de avond", Language.EN, "In the evening"))),
            Optional.of(PlanField.CONTACT_TIMES),
            0,
            false);

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTextRendersInTheFamilysLanguage(Language language) throws Exception {
        Messages messages = new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL);
        PreferenceTexts texts = new PreferenceTexts(
                messages,
                ContactTimes.of(Optional.of(TIMES)),
                new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0)),
                "De Regenboog");
        Guardian guardian = new Guardian(
                7,
                Optional.of(9L),
                Optional.of("ouder@example.org"),
                new CommunicationPlan(
                        ContactChannel.BOTH,
                        Optional.of(language),
                        Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(6, 30))),
                        Optional.of("evening")),
                false,
                true,
                Optional.empty(),
                Instant.EPOCH);
        Preferences.Family family =
                new Preferences.Family(guardian, Optional.of(GROEP_5), Optional.of("nieuw@example.net"));

        Text plan = texts.plan(family);
        assertThat(plan.language()).isEqualTo(language);
        List<Change> changes = List.of(
                new Change.Saved(Change.Field.LANGUAGE),
                new Change.Invalid(Change.Field.QUIET_HOURS),
                new Change.Invalid(Change.Field.EMAIL),
                new Change.Invalid(Change.Field.LANGUAGE),
                new Change.Invalid(Change.Field.CHANNEL),
                new Change.Invalid(Change.Field.CONTACT_TIMES),
                new Change.NeedsEmail(),
                new Change.NeedsDiscord(),
                new Change.SameEmail(),
                new Change.CodeSent("nieuw@example.net"),
                new Change.TooManyCodes(),
                new Change.WrongCode(3),
                new Change.NoCodeOpen(),
                new Change.EmailConfirmed("nieuw@example.net"));
        for (Change change : changes) {
            assertThat(texts.outcome(change, texts.chain(family)).language()).isEqualTo(language);
        }
        EmailText reply = texts.replyEmail(
                family, PreferenceMail.replyParts(PreferenceMail.replyPayload(changes, 2)), "PREFERENCES");
        assertThat(reply.language()).isEqualTo(language);
        assertThat(reply.body().blocks()).hasSizeGreaterThan(4);
        assertThat(texts.codeEmail(family, "ABCDE-FGHJK", "PREFERENCES").language())
                .isEqualTo(language);
        assertThat(texts.changedEmail(family).language()).isEqualTo(language);
        for (String key : List.of(
                "discord.intro",
                "discord.pick-language",
                "discord.pick-channel",
                "discord.pick-times",
                "discord.quiet-button",
                "discord.email-button",
                "discord.code-button",
                "discord.quiet-title",
                "discord.quiet-label",
                "discord.quiet-hint",
                "discord.email-title",
                "discord.email-label",
                "discord.code-title",
                "discord.code-label",
                "discord.not-a-guardian")) {
            assertThat(messages.text("preferences." + key, List.of(language), java.util.Map.of())
                            .language())
                    .as(key)
                    .isEqualTo(language);
        }
        assertThat(texts.text("discord.quiet-label", List.of(language), java.util.Map.of()))
                .hasSizeLessThanOrEqualTo(45);
        assertThat(texts.text("discord.code-label", List.of(language), java.util.Map.of()))
                .hasSizeLessThanOrEqualTo(45);
    }
}
