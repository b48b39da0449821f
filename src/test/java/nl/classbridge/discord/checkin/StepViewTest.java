package nl.classbridge.discord.checkin;

import nl.classbridge.checkin.CheckinContext;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import nl.classbridge.checkin.Conversation;
import nl.classbridge.checkin.Step;
import nl.classbridge.checkin.questionnaire.LoadResult;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.checkin.questionnaire.QuestionnaireLoader;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.messages.DiscordLimits;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DM a parent sees for each step, built with JDA's real builders from the shipped texts. */
class StepViewTest {
    static Messages messages;
    static LoadResult questionnaires;
    static final CheckinRequest REQUEST = new CheckinRequest(4242, 1, 2, 3, ContactChannel.DISCORD,
            RequestStatus.IN_PROGRESS, 0, Instant.EPOCH, Optional.empty());

    @BeforeAll
    static void load() throws Exception {
        messages = new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL);
        questionnaires = QuestionnaireLoader.loadAll(Path.of("config/questionnaires"));
    }

    private static CheckinContext context(String questionnaire, Language language, String child) {
        Questionnaire q = questionnaires.loaded().get(questionnaire).questionnaire();
        return new CheckinContext(REQUEST, q, child, "Groep 5", "Juf Anna", "vrijdag 12 september",
                messages.chain(Optional.of(language), Optional.of(Language.NL)), language);
    }

    private static List<String> buttonIds(StepView.View view) {
        return view.rows().stream().flatMap(row -> row.getButtons().stream()).map(Button::getCustomId).toList();
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
        assertThat(view.content()).startsWith("Vraag 1 van 3").contains("Sam");
        assertThat(buttonIds(view)).containsExactly("ci:ans:4242:0:1", "ci:ans:4242:0:2", "ci:ans:4242:0:3",
                "ci:ans:4242:0:4", "ci:ans:4242:0:5");
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

        var modal = new StepView(messages).answerModal(context.questionnaire().questions().get(2), 2,
                Optional.of(Answer.given(1, "good-to-know", "Eerder: alles goed", AnswerSource.DISCORD_MODAL, Instant.EPOCH)),
                context);
        assertThat(modal.getId()).isEqualTo("ci:modal:4242:2");
        assertThat(modal.getTitle().length()).isLessThanOrEqualTo(DiscordLimits.MODAL_TITLE);
        assertThat(modal.toData().toString()).contains("Eerder: alles goed");
    }

    @Test
    @DisplayName("a choice with more than five options becomes a select menu; yes/no becomes two buttons")
    void choiceAndYesNo() {
        CheckinContext context = context("start-of-year", Language.TR, "Sam");
        int helpTheClass = context.questionnaire().questions().indexOf(
                context.questionnaire().question("help-the-class").orElseThrow());
        StepView.View view = new StepView(messages).of(
                new Conversation(context.questionnaire(), List.of()).stepAt(helpTheClass), context);
        StringSelectMenu menu = (StringSelectMenu) view.rows().get(0).getComponents().get(0);
        assertThat(menu.getCustomId()).isEqualTo("ci:sel:4242:" + helpTheClass);
        assertThat(menu.getOptions()).hasSize(6);

        CheckinContext after = context("after-conversation", Language.PL, "Sam");
        int clear = after.questionnaire().questions().indexOf(after.questionnaire().question("agreements-clear").orElseThrow());
        StepView.View yesNo = new StepView(messages).of(new Conversation(after.questionnaire(), List.of()).stepAt(clear), after);
        assertThat(buttonIds(yesNo)).containsExactly("ci:ans:4242:" + clear + ":1", "ci:ans:4242:" + clear + ":0");
    }

    @Test
    @DisplayName("the summary lists answers in the parent's words, escapes their text, and offers Change and Done")
    void summary() {
        CheckinContext context = context("check-in", Language.NL, "*Sam*");
        Conversation conversation = new Conversation(context.questionnaire(), List.of(
                Answer.given(4242, "feeling", "5", AnswerSource.DISCORD_BUTTON, Instant.EPOCH),
                Answer.given(4242, "went-well", "# Voetbal @everyone", AnswerSource.DISCORD_TEXT, Instant.EPOCH),
                Answer.skipped(4242, "good-to-know", AnswerSource.DISCORD_BUTTON, Instant.EPOCH)));
        StepView.View view = new StepView(messages).of(conversation.stepAt(99), context);
        assertThat(view.content()).contains("\\*Sam\\*", "😄 Heel goed", "\\# Voetbal \\@everyone", "(overgeslagen)");
        assertThat(view.content().length()).isLessThanOrEqualTo(DiscordLimits.MESSAGE);
        StringSelectMenu change = (StringSelectMenu) view.rows().get(0).getComponents().get(0);
        assertThat(change.getOptions()).extracting(o -> o.getValue()).containsExactly("0", "1", "2");
        assertThat(buttonIds(view)).containsExactly("ci:done:4242");
        assertThat(view.rows()).allSatisfy(row -> assertThat(row).isInstanceOf(ActionRow.class));
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
}
