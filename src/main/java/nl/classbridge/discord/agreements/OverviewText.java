package nl.classbridge.discord.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.classbridge.agreements.AgreementTexts;
import nl.classbridge.agreements.ClassOverview;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.SchoolClass;

/**
 * {@code /class overview} as the teacher reads it: a short block per child. Agreements are shortened
 * to a line each ({@code /agreement list} has them whole); the reply splits a long class over several
 * messages at block ends.
 */
public final class OverviewText {
    /** An agreement's line in the overview; the list shows it whole. */
    private static final int AGREEMENT_LINE = 80;
    /** A question of the after-conversation questionnaire, shortened to a few words. */
    private static final int QUESTION_LINE = 40;

    private final Texts texts;

    public OverviewText(Texts texts) {
        this.texts = texts;
    }

    public String render(SchoolClass schoolClass, List<ClassOverview.Child> children) {
        StringBuilder out = new StringBuilder(
                texts.forClass(schoolClass, "agreement.overview.title", Map.of("class", schoolClass.name())));
        if (children.isEmpty()) {
            return out.append("\n\n")
                    .append(texts.forClass(schoolClass, "agreement.overview.empty", Map.of()))
                    .toString();
        }
        for (ClassOverview.Child child : children) {
            out.append("\n\n").append(block(schoolClass, child));
        }
        return out.toString();
    }

    private String block(SchoolClass schoolClass, ClassOverview.Child child) {
        List<String> lines = new ArrayList<>();
        lines.add(text(schoolClass, "child", Map.of("student", child.student().name())));
        lines.add(child.wellBeing()
                .map(w -> text(
                        schoolClass, "well-being", Map.of("point", w.point(), "day", day(schoolClass, w.roundDay()))))
                .orElseGet(() -> text(schoolClass, "well-being-none", Map.of())));
        lines.add(text(
                schoolClass,
                "agreements",
                Map.of("count", child.openAgreements().size())));
        for (Agreement agreement : child.openAgreements()) {
            lines.add(text(
                    schoolClass,
                    "agreement",
                    Map.of(
                            "text",
                            DiscordLimits.fit(agreement.text(), AGREEMENT_LINE),
                            "owner",
                            texts.forClass(
                                    schoolClass,
                                    "agreement.owner." + agreement.owner().code(),
                                    Map.of()))));
        }
        child.nextAlignment()
                .ifPresent(next -> lines.add(text(schoolClass, "align-again", Map.of("day", day(schoolClass, next)))));
        child.conversation().ifPresent(conversation -> lines.add(conversation(schoolClass, conversation)));
        if (!child.afterConversation().isEmpty()) {
            List<String> answers = new ArrayList<>();
            for (ClassOverview.AfterAnswer answer : child.afterConversation()) {
                answers.add(DiscordLimits.fit(answer.question().text(schoolClass.language()), QUESTION_LINE) + ": "
                        + value(schoolClass, answer));
            }
            lines.add(text(schoolClass, "after", Map.of("answers", String.join("; ", answers))));
        }
        return String.join("\n", lines);
    }

    private String conversation(SchoolClass schoolClass, ParentConversation conversation) {
        String key = conversation.heldAt().isPresent() ? "conversation-held" : "conversation-planned";
        return text(schoolClass, key, Map.of("day", day(schoolClass, conversation.plannedOn())));
    }

    private String value(SchoolClass schoolClass, ClassOverview.AfterAnswer answer) {
        Language language = schoolClass.language();
        if (answer.question().type() == QuestionType.SCALE) {
            return answer.value() + "/5";
        }
        if (answer.question().type() == QuestionType.YES_NO) {
            return texts.forClass(
                    schoolClass, "agreement.overview." + ("yes".equals(answer.value()) ? "yes" : "no"), Map.of());
        }
        return answer.question()
                .option(answer.value())
                .map(option -> option.label(language))
                .orElse(answer.value());
    }

    private String text(SchoolClass schoolClass, String key, Map<String, ?> values) {
        return texts.forClass(schoolClass, "agreement.overview." + key, values);
    }

    private static String day(SchoolClass schoolClass, java.time.LocalDate day) {
        return AgreementTexts.day(day, schoolClass.timezone(), schoolClass.language());
    }
}
