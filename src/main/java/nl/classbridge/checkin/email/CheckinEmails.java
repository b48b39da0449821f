package nl.classbridge.checkin.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.ConversationInvitation;
import nl.classbridge.checkin.InfoTexts;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.messages.EmailFooter;
import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;

/**
 * The emails of a check-in, in the family's language: the questionnaire with numbered questions
 * and plain instructions for answering by reply, the one reminder, and the confirmation of what
 * was understood. Each is composed as a {@link Text}; the mail adapter renders its plain and HTML
 * parts from that one structure, so both always say the same.
 */
public final class CheckinEmails {
    private final Messages messages;
    private final String schoolName;

    public CheckinEmails(Messages messages, String schoolName) {
        this.messages = messages;
        this.schoolName = schoolName;
    }

    /**
     * The questions of the round about one child. The sender adds the family's reply token to the
     * subject, which ties a reply to this family and this child.
     */
    public EmailText questionnaire(CheckinContext context) {
        String title = context.questionnaire().title(context.language());
        Text subject = messages.text(
                "email.checkin.subject",
                context.chain(),
                Map.of("class", context.className(), "questionnaire", title, "child", context.child()));
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("common.greeting-anonymous", context, Map.of()));
        // Questions before a parent conversation first say when that conversation is.
        context.meeting()
                .ifPresent(when -> blocks.add(paragraph(
                        ConversationInvitation.key(when), context, ConversationInvitation.values(when, context))));
        blocks.add(paragraph(
                "email.checkin.intro",
                context,
                Map.of(
                        "teacher",
                        context.teacher(),
                        "class",
                        context.className(),
                        "child",
                        context.child(),
                        "deadline",
                        context.deadline())));
        blocks.add(paragraph("email.checkin.how-to-answer", context, Map.of()));
        // The questionnaire's own texts are the school's, written like the catalogue's: words, not values.
        blocks.add(new Text.Title(List.of(new Text.Words(title))));
        int number = 0;
        for (Question question : context.questionnaire().questions()) {
            if (!question.answerable()) {
                blocks.addAll(InfoTexts.of(question, context, messages).blocks());
                continue;
            }
            number++;
            blocks.add(numbered(number, question, context));
        }
        blocks.add(signature(context));
        blocks.add(footer(context));
        return email(subject, blocks, context);
    }

    /** The one reminder; the family answers by replying to it or to the questionnaire. */
    public EmailText reminder(CheckinContext context) {
        String title = context.questionnaire().title(context.language());
        Text subject = messages.text("email.reminder.subject", context.chain(), Map.of("questionnaire", title));
        return email(
                subject,
                List.of(
                        paragraph("common.greeting-anonymous", context, Map.of()),
                        paragraph(
                                "email.reminder.body",
                                context,
                                Map.of("questionnaire", title, "deadline", context.deadline())),
                        signature(context),
                        footer(context)),
                context);
    }

    /**
     * What was understood from a reply, question by question in the family's own words, so they
     * can correct it; {@code unreadable} adds that part of the mail was kept for the teacher.
     */
    public EmailText confirmation(CheckinContext context, List<String> understood, boolean unreadable) {
        String title = context.questionnaire().title(context.language());
        Text subject = messages.text("email.confirmation.subject", context.chain(), Map.of("questionnaire", title));
        List<Text.Block> blocks = new ArrayList<>();
        blocks.add(paragraph("email.confirmation.body", context, Map.of("understood", String.join("\n", understood))));
        if (unreadable) {
            blocks.add(paragraph("email.confirmation.unreadable", context, Map.of()));
        }
        blocks.add(signature(context));
        blocks.add(footer(context));
        return email(subject, blocks, context);
    }

    /** The answer to a reply that came after the round closed: nothing was saved, talk to the teacher. */
    public EmailText roundClosed(CheckinContext context) {
        String title = context.questionnaire().title(context.language());
        Text subject = messages.text("email.round-closed.subject", context.chain(), Map.of("questionnaire", title));
        return email(
                subject,
                List.of(
                        paragraph("email.round-closed.body", context, Map.of("questionnaire", title)),
                        signature(context),
                        footer(context)),
                context);
    }

    /** One question with its number, its hint on the next line and, for optional ones, that it may be skipped. */
    private Text.Paragraph numbered(int number, Question question, CheckinContext context) {
        List<Text.Span> spans = new ArrayList<>();
        spans.add(new Text.Words(number + ". " + question.text(context.language())));
        if (!question.required()) {
            spans.add(new Text.Words(" "));
            spans.addAll(spans("email.checkin.optional-mark", context, Map.of()));
        }
        spans.add(new Text.Words("\n"));
        spans.addAll(hint(question, context));
        return new Text.Paragraph(spans);
    }

    private List<Text.Span> hint(Question question, CheckinContext context) {
        if (question.type() == QuestionType.SCALE) {
            String labels = IntStream.rangeClosed(1, Question.SCALE_POINTS)
                    .mapToObj(point -> point + " = " + question.label(point, context.language()))
                    .collect(Collectors.joining(", "));
            return spans("email.checkin.scale-hint", context, Map.of("labels", labels));
        }
        if (question.type() == QuestionType.CHOICE) {
            String options = question.options().stream()
                    .map(option -> option.label(context.language()))
                    .collect(Collectors.joining(" / "));
            return spans("email.checkin.choice-hint", context, Map.of("options", options));
        }
        if (question.type() == QuestionType.YES_NO) {
            return spans("email.checkin.yes-no-hint", context, Map.of());
        }
        return spans("email.checkin.text-hint", context, Map.of());
    }

    private Text.Paragraph signature(CheckinContext context) {
        return paragraph(
                "common.signature", context, Map.of("teacher", context.teacher(), "class", context.className()));
    }

    private Text.Paragraph footer(CheckinContext context) {
        return EmailFooter.of(messages, context.chain(), context.className(), schoolName);
    }

    private static EmailText email(Text subject, List<Text.Block> blocks, CheckinContext context) {
        return new EmailText(subject, new Text(blocks, context.language()));
    }

    private Text.Paragraph paragraph(String key, CheckinContext context, Map<String, ?> values) {
        return new Text.Paragraph(spans(key, context, values));
    }

    private List<Text.Span> spans(String key, CheckinContext context, Map<String, ?> values) {
        return messages.text(key, context.chain(), values).spans();
    }
}
