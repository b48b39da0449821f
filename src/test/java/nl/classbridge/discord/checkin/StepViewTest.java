package nl.classbridge.discord.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.Conversation;
import nl.classbridge.checkin.Step;
import nl.classbridge.checkin.questionnaire.LoadResult;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.checkin.questionnaire.QuestionnaireLoader;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DM a parent sees for each step, built with JDA's real builders from the shipped texts. */
class StepViewTest {
    static Messages messages;
    static LoadResult questionnaires;
    static final CheckinRequest REQUEST = new CheckinRequest(
            4242, 1, 2, 3, ContactChannel.DISCORD, RequestStatus.IN_PROGRESS, 0, Instant.EPOCH, Optional.empty());

    @BeforeAll
    static void load() throws Exception {
        messages = new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL);
        questionnaires = QuestionnaireLoader.loadAll(Path.of("config/questionnaires"));
    }

    private static CheckinContext context(String questionnaire, Language language, String child) {
        Questionnaire q = questionnaires.loaded().get(questionnaire).questionnaire();
        return new CheckinContext(
                REQUEST,
                q,
                child,
                "Groep 5",
                "Juf Anna",
                "vrijdag 12 september",
                messages.chain(Optional.of(language), Optional.of(Language.NL)),
                language);
    }

    private static List<String> buttonIds(StepView.View view) {
        return view.rows().stream()
                .flatMap(row -> row.getButtons().stream())
                .map(Button::getCustomId)
                .toList();
    }

    @Test
    @DisplayName("the greeting names child, class and deadline and has a Start button carrying the request")
    void greeting() {
        StepView.View view = new StepView(messages).greeting(context("check-in", Language.NL, "Sam"));
        assertThat(view.content()).contains("Sam", "Groep 5", "vrijdag 12 september", "Juf Anna");
        assertThat(buttonIds(view)).containsExactly("ci:start:4242");
        assertThat(view.rows().get(0).getButtons().get(0).getLabel()).isEqualTo("Beginnen");
        assertThat(view.content()).contains("**Beginnen**");
    }

    @Test
    @DisplayName("a scale question shows its progress and five labelled buttons")
    void scale() {
        CheckinContext context = context("check-in", Language.NL, "Sam");
        Step step = new Conversation(context.questionnaire(), List.of()).stepAt(0);
        StepView.View view = new StepView(messages).of(step, context);
        assertThat(view.content()).startsWith("Vraag 1 van 4").contains("Sam");
        assertThat(buttonIds(view))
                .containsExactly(
                        "ci:ans:4242:0:1", "ci:ans:4242:0:2", "ci:ans:4242:0:3", "ci:ans:4242:0:4", "ci:ans:4242:0:5");
        assertThat(view.rows().get(0).getButtons()).extracting(Button::getLabel).contains("😄 Heel goed");
    }

    @Test
    @DisplayName("an optional text question offers Answer (a modal) and Skip, and says it may be typed")
    void optionalText() {
        CheckinContext context = context("check-in", Language.EN, "Sam");
        Step step = new Conversation(context.questionnaire(), List.of()).stepAt(2);
        StepView.View view = new StepView(messages).of(step, context);
        assertThat(view.content()).contains("Type your answer here", "You may skip");
        assertThat(buttonIds(view)).containsExactly("ci:open:4242:2", "ci:skip:4242:2");

        var modal = new StepView(messages)
                .answerModal(
                        context.questionnaire().questions().get(2),
                        2,
                        Optional.of(Answer.given(
                                1, "good-to-know", "Eerder: alles goed", AnswerSource.DISCORD_MODAL, Instant.EPOCH)),
                        context);
        assertThat(modal.getId()).isEqualTo("ci:modal:4242:2");
        assertThat(modal.getTitle().length()).isLessThanOrEqualTo(DiscordLimits.MODAL_TITLE);
        assertThat(modal.toData().toString()).contains("Eerder: alles goed");
    }

    @Test
    @DisplayName("a choice with more than five options becomes a select menu; yes/no becomes two buttons")
    void choiceAndYesNo() {
        CheckinContext context = context("start-of-year", Language.TR, "Sam");
        int helpTheClass = context.questionnaire()
                .questions()
                .indexOf(context.questionnaire().question("help-the-class").orElseThrow());
        StepView.View view = new StepView(messages)
                .of(new Conversation(context.questionnaire(), List.of()).stepAt(helpTheClass), context);
        StringSelectMenu menu =
                (StringSelectMenu) view.rows().get(0).getComponents().get(0);
        assertThat(menu.getCustomId()).isEqualTo("ci:sel:4242:" + helpTheClass);
        assertThat(menu.getOptions()).hasSize(6);

        CheckinContext after = context("after-conversation", Language.PL, "Sam");
        int clear = after.questionnaire()
                .questions()
                .indexOf(after.questionnaire().question("agreements-clear").orElseThrow());
        StepView.View yesNo =
                new StepView(messages).of(new Conversation(after.questionnaire(), List.of()).stepAt(clear), after);
        assertThat(buttonIds(yesNo)).containsExactly("ci:ans:4242:" + clear + ":1", "ci:ans:4242:" + clear + ":0");
    }

    @Test
    @DisplayName("the summary lists answers in the parent's words, escapes their text, and offers Change and Done")
    void summary() {
        CheckinContext context = context("check-in", Language.NL, "*Sam*");
        Conversation conversation = new Conversation(
                context.questionnaire(),
                List.of(
                        Answer.given(4242, "feeling", "5", AnswerSource.DISCORD_BUTTON, Instant.EPOCH),
                        Answer.given(
                                4242, "went-well", "# Voetbal @everyone", AnswerSource.DISCORD_TEXT, Instant.EPOCH),
                        Answer.skipped(4242, "good-to-know", AnswerSource.DISCORD_BUTTON, Instant.EPOCH),
                        Answer.skipped(4242, "talk", AnswerSource.DISCORD_BUTTON, Instant.EPOCH)));
        StepView.View view = new StepView(messages).of(conversation.stepAt(99), context);
        assertThat(view.content()).contains("\\*Sam\\*", "😄 Heel goed", "\\# Voetbal \\@everyone", "(overgeslagen)");
        assertThat(view.content().length()).isLessThanOrEqualTo(DiscordLimits.MESSAGE);
        StringSelectMenu change =
                (StringSelectMenu) view.rows().get(0).getComponents().get(0);
        assertThat(change.getOptions()).extracting(o -> o.getValue()).containsExactly("0", "1", "2", "3");
        assertThat(buttonIds(view))
                .as("nothing shortened, so no button to read more")
                .containsExactly("ci:done:4242");
        assertThat(view.rows()).allSatisfy(row -> assertThat(row).isInstanceOf(ActionRow.class));
    }

    /** An answer of exactly {@code length} characters: words, Markdown and a name to escape, and a marked end. */
    private static String longAnswer(String start, int length) {
        String body = (start + " speelt graag *buiten* met_vrienden @everyone ").repeat(length);
        return body.substring(0, length - 4) + " END";
    }

    @Test
    @DisplayName("GIVEN every text answer at its maximum length WHEN the summary is shown, in each language,"
            + " THEN one message within 2,000 characters, long answers shortened with …, short ones whole, a button"
            + " to read everything; read in full, every answer is whole")
    void longSummary() {
        for (Language language : Language.values()) {
            CheckinContext context = context("start-of-year", language, "Sam");
            List<Answer> answers = List.of(
                    Answer.given(
                            4242, "going-well", longAnswer("Eerst", 1000), AnswerSource.DISCORD_MODAL, Instant.EPOCH),
                    Answer.given(
                            4242,
                            "happy-and-safe",
                            longAnswer("Twee", 1000),
                            AnswerSource.DISCORD_MODAL,
                            Instant.EPOCH),
                    Answer.given(
                            4242,
                            "support-at-home",
                            longAnswer("Drie", 1000),
                            AnswerSource.DISCORD_TEXT,
                            Instant.EPOCH),
                    Answer.given(4242, "help-the-class", "trips", AnswerSource.DISCORD_SELECT, Instant.EPOCH),
                    Answer.given(
                            4242,
                            "help-the-class-more",
                            longAnswer("Vier", 500),
                            AnswerSource.DISCORD_MODAL,
                            Instant.EPOCH),
                    Answer.given(4242, "channel", "discord", AnswerSource.DISCORD_BUTTON, Instant.EPOCH),
                    Answer.given(4242, "language", "nl", AnswerSource.DISCORD_SELECT, Instant.EPOCH),
                    Answer.given(4242, "contact-times", "evening", AnswerSource.DISCORD_BUTTON, Instant.EPOCH));
            Step.Summary summary = (Step.Summary) new Conversation(context.questionnaire(), answers).stepAt(99);
            StepView view = new StepView(messages);
            StepView.View shown = view.of(summary, context);

            assertThat(shown.content().length())
                    .as(language.code())
                    .isLessThanOrEqualTo(DiscordLimits.MESSAGE)
                    .isGreaterThan(DiscordLimits.MESSAGE - 200);
            assertThat(shown.content())
                    .as(language.code())
                    .contains(
                            "Eerst",
                            "Twee",
                            "Drie",
                            "Vier",
                            "…",
                            context.questionnaire()
                                    .question("help-the-class")
                                    .orElseThrow()
                                    .option("trips")
                                    .orElseThrow()
                                    .label(language))
                    .doesNotContain("END");
            assertThat(buttonIds(shown)).containsExactly("ci:done:4242", "ci:all:4242");
            assertThat(shown.rows().get(1).getButtons().get(1).getLabel())
                    .isEqualTo(DiscordText.MARKDOWN.render(
                            messages.text("checkin.button.read-all", context.chain(), java.util.Map.of())));
            String full = view.summaryInFull(summary, context);
            assertThat(full)
                    .contains(
                            DiscordText.MARKDOWN.value(longAnswer("Eerst", 1000), language.rightToLeft()),
                            DiscordText.MARKDOWN.value(longAnswer("Vier", 500), language.rightToLeft()));
            assertThat(DiscordLimits.split(full))
                    .hasSizeGreaterThan(1)
                    .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(DiscordLimits.MESSAGE));
        }
    }

    @Test
    @DisplayName("GIVEN a question after two long texts that are only shown WHEN asked THEN one message with the"
            + " question whole and the shown texts shortened")
    void longTextsBeforeAQuestion() {
        java.util.Map<Language, String> info = new java.util.EnumMap<>(Language.class);
        java.util.Map<Language, String> question = new java.util.EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            info.put(language, "Wat de leerkracht nodig heeft. ".repeat(33));
            question.put(language, "Wat wil je vertellen? ".repeat(45) + "EINDE");
        }
        Questionnaire long_ = new Questionnaire(
                "lang",
                1,
                java.util.Map.of(),
                java.util.Map.of(),
                List.of(
                        new Question(
                                "info-1",
                                QuestionType.INFO,
                                false,
                                info,
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                0,
                                false),
                        new Question(
                                "info-2",
                                QuestionType.INFO,
                                false,
                                info,
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                0,
                                false),
                        new Question(
                                "tell",
                                QuestionType.TEXT,
                                true,
                                question,
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                4000,
                                false)));
        CheckinContext context = new CheckinContext(
                REQUEST,
                long_,
                "Sam",
                "Groep 5",
                "Juf Anna",
                "vrijdag",
                messages.chain(Optional.of(Language.NL), Optional.of(Language.NL)),
                Language.NL);
        StepView.View view = new StepView(messages).of(new Conversation(long_, List.of()).stepAt(2), context);
        assertThat(view.content().length()).isLessThanOrEqualTo(DiscordLimits.MESSAGE);
        assertThat(view.content()).contains("Wat de leerkracht nodig heeft", "…", question.get(Language.NL));
    }

    @Test
    @DisplayName("ids parse back to what they carry; foreign or malformed ids are ignored")
    void ids() {
        assertThat(CheckinIds.parse(CheckinIds.answer(9_223_372_036_854_775L, 12, 3)))
                .contains(new CheckinIds.Id(CheckinIds.Action.ANSWER, 9_223_372_036_854_775L, 12, 3));
        assertThat(CheckinIds.parse(CheckinIds.done(7))).contains(new CheckinIds.Id(CheckinIds.Action.DONE, 7, -1, -1));
        assertThat(CheckinIds.parse("ci:ans:abc")).isEmpty();
        assertThat(CheckinIds.parse("ci:drop:1")).isEmpty();
        assertThat(CheckinIds.parse("other:thing")).isEmpty();
        assertThat(CheckinIds.answer(Long.MAX_VALUE / 1000, 999, 999).length()).isLessThan(DiscordLimits.CUSTOM_ID);
    }

    @Test
    @DisplayName("GIVEN the teacher wrote what she needs from parents WHEN a Turkish family reaches the question after"
            + " it THEN they read her words as written, escaped, introduced in Turkish, instead of the default text")
    void teacherNeedsInHerOwnWords() {
        CheckinContext plain = context("start-of-year", Language.TR, "Sam");
        CheckinContext context = new CheckinContext(
                plain.request(),
                plain.questionnaire(),
                plain.child(),
                plain.className(),
                plain.teacher(),
                plain.deadline(),
                plain.chain(),
                plain.language(),
                Optional.of(
                        List.of(new nl.classbridge.messages.Text.Value("Lees *elke* dag 10 minuten voor @everyone"))),
                Optional.empty());
        int channel = context.questionnaire()
                .questions()
                .indexOf(context.questionnaire().question("channel").orElseThrow());
        String generic =
                context.questionnaire().question("teacher-needs").orElseThrow().text(Language.TR);

        String shown = new StepView(messages)
                .of(new Conversation(context.questionnaire(), List.of()).stepAt(channel), context)
                .content();
        String before = new StepView(messages)
                .of(new Conversation(plain.questionnaire(), List.of()).stepAt(channel), plain)
                .content();

        assertThat(before).contains(generic.substring(0, 40));
        assertThat(shown)
                .contains("Juf Anna kendi sözleriyle:")
                .contains("Lees \\*elke\\* dag 10 minuten voor")
                .doesNotContain(generic.substring(0, 40))
                .doesNotContain("*elke*");
    }
}
