package nl.classbridge.checkin.questionnaire;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.classbridge.domain.Language;

/**
 * One item of a questionnaire: a question for the parent, or an info item the teacher tells them.
 *
 * @param required  whether the parent must answer; always false for an info item
 * @param text      the question in each language
 * @param labels    for a scale: the labels of points 1..5, each in every language; else empty
 * @param options   for a choice: its options in order; else empty
 * @param plan      for a choice: the part of the communication plan the answer sets, if any
 * @param maxLength for a text question: the longest answer accepted; else 0
 * @param wellBeing for a scale: whether it is the child's well-being, written {@code well-being: true};
 *                  the teacher's insight flags a low or dropping answer to it
 * @param contact   for a yes-no question: whether a "yes" means the family would like to talk with
 *                  the teacher, written {@code contact: true}; the teacher is told at once
 */
public record Question(
        String id,
        QuestionType type,
        boolean required,
        Map<Language, String> text,
        List<Map<Language, String>> labels,
        List<Option> options,
        Optional<PlanField> plan,
        int maxLength,
        boolean wellBeing,
        boolean contact) {

    /** The number of points of every scale. */
    public static final int SCALE_POINTS = 5;

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        text = Map.copyOf(text);
        labels = labels.stream().map(Map::copyOf).toList();
        options = List.copyOf(options);
        Objects.requireNonNull(plan, "plan");
    }

    /** A question without the contact mark. */
    public Question(
            String id,
            QuestionType type,
            boolean required,
            Map<Language, String> text,
            List<Map<Language, String>> labels,
            List<Option> options,
            Optional<PlanField> plan,
            int maxLength,
            boolean wellBeing) {
        this(id, type, required, text, labels, options, plan, maxLength, wellBeing, false);
    }

    /** Whether {@code value}, as stored, is a family's "yes, we would like to talk". */
    public boolean asksForContact(String value) {
        return contact && type == QuestionType.YES_NO && "yes".equals(value);
    }

    public String text(Language language) {
        return text.get(language);
    }

    /** The label of scale point {@code point} (1..5). */
    public String label(int point, Language language) {
        return labels.get(point - 1).get(language);
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** Whether the parent is asked to answer it: every type but info. */
    public boolean answerable() {
        return type != QuestionType.INFO;
    }

    /**
     * What a reply means for this question: a scale takes 1..5 (in any digits) or a label, a choice
     * an option id or label, yes-no a yes or no word, all in any of the six languages, ignoring
     * case, emoji and accents; a text takes up to {@link #maxLength} characters.
     *
     * @throws IllegalStateException for an info item, which is never answered
     */
    public AnswerCheck check(String reply) {
        String typed = reply == null ? "" : reply.strip();
        if (typed.isEmpty() && answerable()) {
            return new AnswerCheck.Empty();
        }
        return switch (type) {
            case SCALE -> onlyOne(scalePoints(typed));
            case CHOICE -> onlyOne(optionIds(typed));
            case YES_NO ->
                ReplyWords.yesOrNo(typed)
                        .<AnswerCheck>map(AnswerCheck.Accepted::new)
                        .orElseGet(AnswerCheck.Unclear::new);
            case TEXT ->
                typed.length() <= maxLength
                        ? new AnswerCheck.Accepted(typed)
                        : new AnswerCheck.TooLong(typed.length(), maxLength);
            case INFO -> throw new IllegalStateException("info item '" + id + "' is never answered");
        };
    }

    /** The value to store for {@code reply}, or empty when {@link #check} does not accept it. */
    public Optional<String> normalize(String reply) {
        return check(reply) instanceof AnswerCheck.Accepted accepted ? Optional.of(accepted.value()) : Optional.empty();
    }

    private Set<String> scalePoints(String typed) {
        Set<String> points = new LinkedHashSet<>();
        ReplyWords.digit(typed).filter(p -> p >= 1 && p <= SCALE_POINTS).ifPresent(p -> points.add(String.valueOf(p)));
        String words = ReplyWords.simplify(typed);
        for (int point = 1; point <= labels.size(); point++) {
            if (matches(words, labels.get(point - 1))) {
                points.add(String.valueOf(point));
            }
        }
        return points;
    }

    private Set<String> optionIds(String typed) {
        Set<String> ids = new LinkedHashSet<>();
        String words = ReplyWords.simplify(typed);
        for (Option option : options) {
            if (words.equals(ReplyWords.simplifiedLabel(option.id())) || matches(words, option.label())) {
                ids.add(option.id());
            }
        }
        return ids;
    }

    private static boolean matches(String words, Map<Language, String> label) {
        return !words.isEmpty()
                && label.values().stream()
                        .anyMatch(l -> ReplyWords.simplifiedLabel(l).equals(words));
    }

    /** A reply that could mean two things is not guessed at. */
    private static AnswerCheck onlyOne(Set<String> values) {
        return values.size() == 1 ? new AnswerCheck.Accepted(values.iterator().next()) : new AnswerCheck.Unclear();
    }
}
