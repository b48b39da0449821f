package nl.classbridge.discord.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.RoundInsight;
import nl.classbridge.checkin.RoundResults;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;

/**
 * The {@link RoundInsight} of {@code /checkin results} as the teacher reads it: the counts first,
 * then, gently, the children worth a conversation. Only ever sent privately to the teacher.
 */
final class InsightText {
    private final Texts texts;

    InsightText(Texts texts) {
        this.texts = texts;
    }

    /** The counts and the children worth a conversation, or nothing when there is nothing to count. */
    String summary(SchoolClass schoolClass, RoundInsight insight) {
        StringBuilder text = new StringBuilder();
        if (!insight.tallies().isEmpty()) {
            text.append("\n\n**")
                    .append(word(schoolClass, "teacher.checkin.insight-title"))
                    .append("**");
            for (RoundInsight.Tally tally : insight.tallies()) {
                text.append("\n")
                        .append(tally.question().text(schoolClass.language()))
                        .append("\n")
                        .append(counts(schoolClass, tally));
                average(schoolClass, tally, insight)
                        .ifPresent(line -> text.append("\n").append(line));
            }
        }
        if (insight.anyWorthAConversation()) {
            text.append("\n\n**")
                    .append(word(schoolClass, "teacher.checkin.worth-title"))
                    .append("**\n")
                    .append(word(schoolClass, "teacher.checkin.worth-intro"));
            for (Student child : insight.askedToTalk()) {
                text.append("\n- ")
                        .append(texts.forClass(
                                schoolClass, "teacher.checkin.worth-contact", Map.of("student", child.name())));
            }
        }
        for (RoundInsight.ChildWellBeing child : insight.worthAConversation()) {
            Question scale = insight.wellBeingQuestion().orElseThrow();
            String now = point(schoolClass, scale, child.now());
            String line = child.dropped()
                    ? texts.forClass(
                            schoolClass,
                            "teacher.checkin.worth-dropped",
                            Map.of(
                                    "student",
                                    child.student().name(),
                                    "now",
                                    now,
                                    "before",
                                    point(schoolClass, scale, child.before().orElseThrow())))
                    : texts.forClass(
                            schoolClass,
                            "teacher.checkin.worth-low",
                            Map.of("student", child.student().name(), "now", now));
            text.append("\n- ").append(line);
        }
        return text.toString();
    }

    /** Under a child's well-being answer: what the lowest answer about them was last time, if any. */
    Optional<String> before(SchoolClass schoolClass, RoundResults results, RoundResults.Family family, Question q) {
        if (!q.wellBeing()) {
            return Optional.empty();
        }
        return results.insight()
                .of(family.student())
                .flatMap(RoundInsight.ChildWellBeing::before)
                .map(point -> texts.forClass(
                        schoolClass, "teacher.checkin.insight-before", Map.of("answer", point(schoolClass, q, point))));
    }

    /** "label: count" for every possible answer, so a zero shows too. */
    private String counts(SchoolClass schoolClass, RoundInsight.Tally tally) {
        List<Language> chain = texts.messages().chain(Optional.empty(), Optional.of(schoolClass.language()));
        List<String> parts = new ArrayList<>();
        tally.counts()
                .forEach((value, count) -> parts.add(
                        AnswerDisplay.show(tally.question(), value, schoolClass.language(), texts.messages(), chain)
                                + ": " + count));
        return String.join(" · ", parts);
    }

    private Optional<String> average(SchoolClass schoolClass, RoundInsight.Tally tally, RoundInsight insight) {
        if (tally.average().isEmpty()) {
            return Optional.empty();
        }
        String average = decimal(schoolClass, tally.average().getAsDouble());
        OptionalDouble before = tally.question().wellBeing() ? insight.classBefore() : OptionalDouble.empty();
        return Optional.of(
                before.isPresent()
                        ? texts.forClass(
                                schoolClass,
                                "teacher.checkin.insight-average-before",
                                Map.of("average", average, "before", decimal(schoolClass, before.getAsDouble())))
                        : texts.forClass(schoolClass, "teacher.checkin.insight-average", Map.of("average", average)));
    }

    private static String point(SchoolClass schoolClass, Question scale, int point) {
        return scale.label(point, schoolClass.language());
    }

    private static String decimal(SchoolClass schoolClass, double value) {
        return String.format(schoolClass.language().locale(), "%.1f", value);
    }

    private String word(SchoolClass schoolClass, String key) {
        return texts.forClass(schoolClass, key, Map.of());
    }
}
