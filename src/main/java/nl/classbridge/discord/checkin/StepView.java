package nl.classbridge.discord.checkin;

import nl.classbridge.checkin.CheckinContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.Step;
import nl.classbridge.checkin.questionnaire.Option;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.domain.Answer;
import nl.classbridge.messages.DiscordLimits;
import nl.classbridge.messages.Messages;

/**
 * How a check-in step looks in a DM: the text (in the family's language, values escaped) and
 * the buttons or select menu to answer with. Questionnaire texts are the school's own and
 * shown as written; names and answers are escaped.
 */
public final class StepView {
    /** A message to send or to put in place of the previous one. */
    public record View(String content, List<ActionRow> rows) {
    }

    private static final int BUTTONS_PER_ROW = 5;

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
        String text = text("checkin.greeting", context, Map.of(
                "teacher", context.teacher(), "class", context.className(), "child", context.child(),
                "questionnaire", context.questionnaire().title(context.language()), "deadline", context.deadline()));
        return new View(text, List.of(ActionRow.of(
                Button.primary(CheckinIds.start(context.request().id()), label("checkin.button.start", context)))));
    }

    public View thanks(CheckinContext context, boolean anotherChildFollows) {
        return new View(text(anotherChildFollows ? "checkin.thanks" : "checkin.thanks-all-done", context, Map.of()),
                List.of());
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
        StringBuilder text = new StringBuilder();
        text.append(text("checkin.progress", context, Map.of("number", ask.number(), "total", ask.total())))
                .append(" · ").append(text("checkin.about-child", context, Map.of("child", context.child())))
                .append("\n\n");
        for (Question shown : ask.shownBefore()) {
            text.append(shown.text(context.language())).append("\n\n");
        }
        text.append("**").append(question.text(context.language())).append("**");
        if (question.type() == QuestionType.TEXT) {
            text.append("\n\n").append(text("checkin.type-hint", context, Map.of()));
        }
        if (!question.required()) {
            text.append("\n").append(text("checkin.optional-hint", context, Map.of()));
        }
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
        return new View(text.toString(), rows);
    }

    private List<ActionRow> answerRows(Question question, int position, long request, CheckinContext context) {
        List<Button> buttons = new ArrayList<>();
        switch (question.type()) {
            case SCALE -> {
                for (int point = 1; point <= Question.SCALE_POINTS; point++) {
                    buttons.add(Button.secondary(CheckinIds.answer(request, position, point),
                            DiscordLimits.fit(question.label(point, context.language()), DiscordLimits.BUTTON_LABEL)));
                }
            }
            case YES_NO -> {
                buttons.add(Button.success(CheckinIds.answer(request, position, 1), label("checkin.button.yes", context)));
                buttons.add(Button.secondary(CheckinIds.answer(request, position, 0), label("checkin.button.no", context)));
            }
            case CHOICE -> {
                if (question.options().size() > BUTTONS_PER_ROW) {
                    return List.of(ActionRow.of(selectMenu(question, position, request, context)));
                }
                for (int i = 0; i < question.options().size(); i++) {
                    buttons.add(Button.secondary(CheckinIds.answer(request, position, i),
                            DiscordLimits.fit(question.options().get(i).label(context.language()),
                                    DiscordLimits.BUTTON_LABEL)));
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
                .setPlaceholder(DiscordLimits.fit(label("checkin.select.placeholder", context),
                        DiscordLimits.SELECT_PLACEHOLDER));
        List<Option> options = question.options();
        for (int i = 0; i < options.size(); i++) {
            menu.addOption(DiscordLimits.fit(options.get(i).label(context.language()), DiscordLimits.SELECT_OPTION_LABEL),
                    String.valueOf(i));
        }
        return menu.build();
    }

    private View summary(Step.Summary summary, CheckinContext context) {
        StringBuilder text = new StringBuilder(text("checkin.summary.title", context, Map.of("child", context.child())));
        StringSelectMenu.Builder change = StringSelectMenu.create(CheckinIds.change(context.request().id()))
                .setPlaceholder(DiscordLimits.fit(label("checkin.button.change", context), DiscordLimits.SELECT_PLACEHOLDER));
        for (Step.Summary.Line line : summary.lines()) {
            Question question = line.question();
            text.append("\n\n**").append(question.text(context.language())).append("**\n")
                    .append(answerText(question, line.answer(), context));
            change.addOption(DiscordLimits.fit(question.text(context.language()), DiscordLimits.SELECT_OPTION_LABEL),
                    String.valueOf(context.questionnaire().questions().indexOf(question)));
        }
        text.append("\n\n").append(text("checkin.summary.change-hint", context, Map.of()));
        return new View(text.toString(), List.of(
                ActionRow.of(change.build()),
                ActionRow.of(Button.success(CheckinIds.done(context.request().id()), label("checkin.button.done", context)))));
    }

    /** An answer as the parent gave it, in their language: a label for scales and choices, else the text. */
    private String answerText(Question question, Optional<Answer> answer, CheckinContext context) {
        if (answer.isEmpty() || answer.get().skipped()) {
            return label("common.skipped", context);
        }
        String shown = AnswerDisplay.show(question, answer.get().value().orElseThrow(), context.language(), messages,
                context.chain());
        return messages.discord("common.answer", context.chain(), Map.of("text", shown));
    }

    private String text(String key, CheckinContext context, Map<String, ?> values) {
        return messages.discord(key, context.chain(), values);
    }

    private String label(String key, CheckinContext context) {
        return DiscordLimits.fit(messages.discord(key, context.chain(), Map.of()), DiscordLimits.BUTTON_LABEL);
    }
}
