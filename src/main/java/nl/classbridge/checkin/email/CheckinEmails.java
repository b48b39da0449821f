package nl.classbridge.checkin.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.messages.Destination;
import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.Messages;

/**
 * The emails of a check-in, in the family's language: the questionnaire with numbered questions
 * and plain instructions for answering by reply, the one reminder, and the confirmation of what
 * was understood. The HTML part is made from the same text, so both always say the same.
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
        String subject = messages.header("email.checkin.subject", context.chain(), Map.of(
                "class", context.className(), "questionnaire", title, "child", context.child()));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(plain("common.greeting-anonymous", context, Map.of()));
        paragraphs.add(plain("email.checkin.intro", context, Map.of("teacher", context.teacher(),
                "class", context.className(), "child", context.child(), "deadline", context.deadline())));
        paragraphs.add(plain("email.checkin.how-to-answer", context, Map.of()));
        paragraphs.add(title);
        int number = 0;
        for (Question question : context.questionnaire().questions()) {
            if (!question.answerable()) {
                paragraphs.add(question.text(context.language()));
                continue;
            }
            number++;
            paragraphs.add(numbered(number, question, context));
        }
        paragraphs.add(plain("common.signature", context, Map.of("teacher", context.teacher(),
                "class", context.className())));
        paragraphs.add(footer(context));
        return email(subject, paragraphs, context);
    }

    /** The one reminder; the family answers by replying to it or to the questionnaire. */
    public EmailText reminder(CheckinContext context) {
        String title = context.questionnaire().title(context.language());
        String subject = messages.header("email.reminder.subject", context.chain(), Map.of("questionnaire", title));
        return email(subject, List.of(
                plain("common.greeting-anonymous", context, Map.of()),
                plain("email.reminder.body", context, Map.of("questionnaire", title, "deadline", context.deadline())),
                plain("common.signature", context, Map.of("teacher", context.teacher(), "class", context.className())),
                footer(context)), context);
    }

    /**
     * What was understood from a reply, question by question in the family's own words, so they
     * can correct it; {@code unreadable} adds that part of the mail was kept for the teacher.
     */
    public EmailText confirmation(CheckinContext context, List<String> understood, boolean unreadable) {
        String title = context.questionnaire().title(context.language());
        String subject = messages.header("email.confirmation.subject", context.chain(), Map.of("questionnaire", title));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(plain("email.confirmation.body", context, Map.of("understood", String.join("\n", understood))));
        if (unreadable) {
            paragraphs.add(plain("email.confirmation.unreadable", context, Map.of()));
        }
        paragraphs.add(plain("common.signature", context, Map.of("teacher", context.teacher(),
                "class", context.className())));
        paragraphs.add(footer(context));
        return email(subject, paragraphs, context);
    }

    /** The answer to a reply that came after the round closed: nothing was saved, talk to the teacher. */
    public EmailText roundClosed(CheckinContext context) {
        String title = context.questionnaire().title(context.language());
        String subject = messages.header("email.round-closed.subject", context.chain(), Map.of("questionnaire", title));
        return email(subject, List.of(
                plain("email.round-closed.body", context, Map.of("questionnaire", title)),
                plain("common.signature", context, Map.of("teacher", context.teacher(), "class", context.className())),
                footer(context)), context);
    }

    /** One question with its number, its hint and, for optional ones, that it may be skipped. */
    private String numbered(int number, Question question, CheckinContext context) {
        StringBuilder text = new StringBuilder().append(number).append(". ").append(question.text(context.language()));
        if (!question.required()) {
            text.append(' ').append(plain("email.checkin.optional-mark", context, Map.of()));
        }
        text.append('\n').append(hint(question, context));
        return text.toString();
    }

    private String hint(Question question, CheckinContext context) {
        if (question.type() == QuestionType.SCALE) {
            String labels = IntStream.rangeClosed(1, Question.SCALE_POINTS)
                    .mapToObj(point -> point + " = " + question.label(point, context.language()))
                    .collect(Collectors.joining(", "));
            return plain("email.checkin.scale-hint", context, Map.of("labels", labels));
        }
        if (question.type() == QuestionType.CHOICE) {
            String options = question.options().stream().map(option -> option.label(context.language()))
                    .collect(Collectors.joining(" / "));
            return plain("email.checkin.choice-hint", context, Map.of("options", options));
        }
        if (question.type() == QuestionType.YES_NO) {
            return plain("email.checkin.yes-no-hint", context, Map.of());
        }
        return plain("email.checkin.text-hint", context, Map.of());
    }

    private String footer(CheckinContext context) {
        return "—\n" + plain("email.footer.why", context, Map.of("class", context.className(), "school", schoolName))
                + "\n" + plain("email.footer.preferences", context, Map.of());
    }

    private EmailText email(String subject, List<String> paragraphs, CheckinContext context) {
        String text = String.join("\n\n", paragraphs);
        Messages.Rendered rendered = new Messages.Rendered(text, context.language());
        return new EmailText(subject, text, Messages.htmlFragment(rendered), context.language());
    }

    private String plain(String key, CheckinContext context, Map<String, ?> values) {
        return messages.render(key, context.chain(), values, Destination.PLAIN).text();
    }
}
