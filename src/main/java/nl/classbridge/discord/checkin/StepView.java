package nl.classbridge.discord.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.ConversationInvitation;
import nl.classbridge.checkin.InfoTexts;
import nl.classbridge.checkin.Step;
import nl.classbridge.checkin.questionnaire.Option;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Messages;

/**
 * How a check-in step looks in a DM: the text (in the family's language, values escaped) and
 * the buttons or select menu to answer with. Questionnaire texts are the school's own and
 * shown as written; names and answers are escaped.
 */
public final class StepView {
    /** A message to send or to put in place of the previous one. */
    public record View(String content, List<ActionRow> rows) {}

    private static final int BUTTONS_PER_ROW = 5;
    /** In a long summary, answers are shortened to no less than this before question texts are. */
    private static final int SHORTEST_ANSWER = 20;
    /** No limit on a shortened text: as long as it is. */
    private static final int WHOLE = Integer.MAX_VALUE;
    /** Where the search for how much fits starts: the longest answer a text field takes, more than any question. */
    private static final int LONGEST = TextInput.MAX_VALUE_LENGTH;

    private final Messages messages;

    public StepView(Messages messages) {
        this.messages = messages;
    }

    public View of(Step step, CheckinContext context) {
        if (step instanceof Step.Ask ask) {
            return ask(ask, context);
        }
        if (step instanceof Step.Summary summary) {
            return summary(summary, context);
        }
        return greeting(context);
    }

    public View greeting(CheckinContext context) {
        String text = text(
                "checkin.greeting",
                context,
                Map.of(
                        "teacher",
                        context.teacher(),
                        "class",
                        context.className(),
                        "child",
                        context.child(),
                        "questionnaire",
                        context.questionnaire().title(context.language()),
                        "deadline",
                        context.deadline()));
        // Questions before a parent conversation first say when that conversation is.
        String meeting = context.meeting()
                .map(when ->
                        text(ConversationInvitation.key(when), context, ConversationInvitation.values(when, context))
                                + "\n\n")
                .orElse("");
        return new View(
                meeting + text,
                List.of(ActionRow.of(Button.primary(
                        CheckinIds.start(context.request().id()), label("checkin.button.start", context)))));
    }

    public View thanks(CheckinContext context, boolean anotherChildFollows) {
        return new View(
                text(anotherChildFollows ? "checkin.thanks" : "checkin.thanks-all-done", context, Map.of()), List.of());
    }

    /** The modal a parent writes a text answer in; pre-filled with an earlier answer. */
    public Modal answerModal(Question question, int position, Optional<Answer> earlier, CheckinContext context) {
        TextInput.Builder input = TextInput.create("answer", TextInputStyle.PARAGRAPH)
                .setRequired(question.required())
                .setMaxLength(Math.min(question.maxLength(), TextInput.MAX_VALUE_LENGTH))
                .setPlaceholder(DiscordLimits.fit(label("checkin.modal.placeholder", context), 100));
        earlier.flatMap(Answer::value).ifPresent(input::setValue);
        String title = DiscordLimits.fit(label("checkin.modal.title", context), DiscordLimits.MODAL_TITLE);
        String labelText = DiscordLimits.fit(question.text(context.language()), DiscordLimits.TEXT_INPUT_LABEL);
        return Modal.create(CheckinIds.modal(context.request().id(), position), title)
                .addComponents(Label.of(labelText, input.build()))
                .build();
    }

    private View ask(Step.Ask ask, CheckinContext context) {
        Question question = ask.question();
        int position = context.questionnaire().questions().indexOf(question);
        long request = context.request().id();
        String head = text("checkin.progress", context, Map.of("number", ask.number(), "total", ask.total())) + " · "
                + text("checkin.about-child", context, Map.of("child", context.child())) + "\n\n";
        StringBuilder tail = new StringBuilder("**")
                .append(question.text(context.language()))
                .append("**");
        if (question.type() == QuestionType.TEXT) {
            tail.append("\n\n").append(text("checkin.type-hint", context, Map.of()));
        }
        if (!question.required()) {
            tail.append("\n").append(text("checkin.optional-hint", context, Map.of()));
        }
        // Texts shown before a question (what the teacher needs from parents) give way to the question.
        IntFunction<String> withShown = most -> {
            StringBuilder text = new StringBuilder(head);
            ask.shownBefore()
                    .forEach(shown -> text.append(DiscordLimits.fit(
                                    DiscordText.MARKDOWN.render(InfoTexts.of(shown, context, messages)), most))
                            .append("\n\n"));
            return text.append(tail).toString();
        };
        String text = DiscordLimits.longestFitting(1, LONGEST, withShown)
                .orElseGet(() -> DiscordLimits.fit(withShown.apply(1), DiscordLimits.MESSAGE));
        List<ActionRow> rows = new ArrayList<>(answerRows(question, position, request, context));
        List<Button> extra = new ArrayList<>();
        if (question.type() == QuestionType.TEXT) {
            extra.add(Button.primary(CheckinIds.openModal(request, position), label("checkin.button.answer", context)));
        }
        if (!question.required()) {
            extra.add(Button.secondary(CheckinIds.skip(request, position), label("checkin.button.skip", context)));
        }
        if (!extra.isEmpty()) {
            rows.add(ActionRow.of(extra));
        }
        return new View(text, rows);
    }

    private List<ActionRow> answerRows(Question question, int position, long request, CheckinContext context) {
        List<Button> buttons = new ArrayList<>();
        switch (question.type()) {
            case SCALE -> {
                for (int point = 1; point <= Question.SCALE_POINTS; point++) {
                    buttons.add(Button.secondary(
                            CheckinIds.answer(request, position, point),
                            DiscordLimits.fit(question.label(point, context.language()), DiscordLimits.BUTTON_LABEL)));
                }
            }
            case YES_NO -> {
                buttons.add(
                        Button.success(CheckinIds.answer(request, position, 1), label("checkin.button.yes", context)));
                buttons.add(
                        Button.secondary(CheckinIds.answer(request, position, 0), label("checkin.button.no", context)));
            }
            case CHOICE -> {
                if (question.options().size() > BUTTONS_PER_ROW) {
                    return List.of(ActionRow.of(selectMenu(question, position, request, context)));
                }
                for (int i = 0; i < question.options().size(); i++) {
                    buttons.add(Button.secondary(
                            CheckinIds.answer(request, position, i),
                            DiscordLimits.fit(
                                    question.options().get(i).label(context.language()), DiscordLimits.BUTTON_LABEL)));
                }
            }
            default -> {
                return List.of();
            }
        }
        return ActionRow.partitionOf(buttons);
    }

    private StringSelectMenu selectMenu(Question question, int position, long request, CheckinContext context) {
        StringSelectMenu.Builder menu = StringSelectMenu.create(CheckinIds.select(request, position))
                .setPlaceholder(DiscordLimits.fit(
                        label("checkin.select.placeholder", context), DiscordLimits.SELECT_PLACEHOLDER));
        List<Option> options = question.options();
        for (int i = 0; i < options.size(); i++) {
            menu.addOption(
                    DiscordLimits.fit(options.get(i).label(context.language()), DiscordLimits.SELECT_OPTION_LABEL),
                    String.valueOf(i));
        }
        return menu.build();
    }

    /**
     * Every answer, a menu to change one, and Done: one message, edited in place as the parent
     * goes. When long answers make it longer than a message, answers are shortened evenly (short
     * ones stay whole), then question texts, and a button shows everything in full.
     */
    private View summary(Step.Summary summary, CheckinContext context) {
        String hint = text("checkin.summary.change-hint", context, Map.of());
        String text = summaryText(summary, context, WHOLE, WHOLE, hint);
        boolean shortened = text.length() > DiscordLimits.MESSAGE;
        if (shortened) {
            String longHint = hint + "\n" + text("checkin.summary.shortened", context, Map.of());
            text = DiscordLimits.longestFitting(
                            SHORTEST_ANSWER,
                            LONGEST,
                            answers -> summaryText(summary, context, answers, WHOLE, longHint))
                    .or(() -> DiscordLimits.longestFitting(
                            1,
                            LONGEST,
                            questions -> summaryText(summary, context, SHORTEST_ANSWER, questions, longHint)))
                    .orElseGet(() -> DiscordLimits.fit(
                            summaryText(summary, context, SHORTEST_ANSWER, 1, longHint), DiscordLimits.MESSAGE));
        }
        long request = context.request().id();
        StringSelectMenu.Builder change = StringSelectMenu.create(CheckinIds.change(request))
                .setPlaceholder(
                        DiscordLimits.fit(label("checkin.button.change", context), DiscordLimits.SELECT_PLACEHOLDER));
        for (Step.Summary.Line line : summary.lines()) {
            Question question = line.question();
            change.addOption(
                    DiscordLimits.fit(question.text(context.language()), DiscordLimits.SELECT_OPTION_LABEL),
                    String.valueOf(context.questionnaire().questions().indexOf(question)));
        }
        List<Button> buttons = new ArrayList<>();
        buttons.add(Button.success(CheckinIds.done(request), label("checkin.button.done", context)));
        if (shortened) {
            buttons.add(Button.secondary(CheckinIds.readAll(request), label("checkin.button.read-all", context)));
        }
        return new View(text, List.of(ActionRow.of(change.build()), ActionRow.of(buttons)));
    }

    /**
     * The summary with every answer and question whole, for the parent who pressed the button to
     * read everything: as long as it is, split into messages when sent.
     */
    public String summaryInFull(Step.Summary summary, CheckinContext context) {
        return summaryText(summary, context, WHOLE, WHOLE, "");
    }

    /** The summary's text with answers and question texts shortened to at most the given lengths. */
    private String summaryText(
            Step.Summary summary, CheckinContext context, int answerLength, int questionLength, String hint) {
        StringBuilder text =
                new StringBuilder(text("checkin.summary.title", context, Map.of("child", context.child())));
        for (Step.Summary.Line line : summary.lines()) {
            Question question = line.question();
            text.append("\n\n**")
                    .append(DiscordLimits.fit(question.text(context.language()), questionLength))
                    .append("**\n")
                    .append(answerText(question, line.answer(), context, answerLength));
        }
        if (!hint.isEmpty()) {
            text.append("\n\n").append(hint);
        }
        return text.toString();
    }

    /** An answer as the parent gave it, in their language: a label for scales and choices, else the text. */
    private String answerText(Question question, Optional<Answer> answer, CheckinContext context, int length) {
        if (answer.isEmpty() || answer.get().skipped()) {
            return label("common.skipped", context);
        }
        String shown = AnswerDisplay.show(
                question, answer.get().value().orElseThrow(), context.language(), messages, context.chain());
        // Shortened before escaping, so an escape is never cut in half.
        return discord("common.answer", context.chain(), Map.of("text", DiscordLimits.fit(shown, length)));
    }

    private String text(String key, CheckinContext context, Map<String, ?> values) {
        return discord(key, context.chain(), values);
    }

    private String label(String key, CheckinContext context) {
        return DiscordLimits.fit(discord(key, context.chain(), Map.of()), DiscordLimits.BUTTON_LABEL);
    }

    private String discord(String key, List<Language> chain, Map<String, ?> values) {
        return DiscordText.MARKDOWN.render(messages.text(key, chain, values));
    }
}
