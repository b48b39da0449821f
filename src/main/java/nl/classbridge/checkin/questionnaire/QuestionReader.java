package nl.classbridge.checkin.questionnaire;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.classbridge.domain.Language;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads and checks one item under {@code questions:} of a questionnaire file. */
final class QuestionReader {

    private static final List<String> KEYS = List.of(
            "id", "type", "required", "text", "labels", "options", "plan", "max-length", "well-being", "contact");
    private static final Map<String, QuestionType> ONLY_FOR = Map.of(
            "labels", QuestionType.SCALE,
            "options", QuestionType.CHOICE,
            "plan", QuestionType.CHOICE,
            "max-length", QuestionType.TEXT,
            "well-being", QuestionType.SCALE,
            "contact", QuestionType.YES_NO);
    private static final int MIN_OPTIONS = 2;
    private static final int MAX_OPTIONS = 25; // a Discord select menu holds 25
    private static final int DEFAULT_MAX_LENGTH = 1000;
    private static final int MAX_MAX_LENGTH = 4000; // a Discord text field holds 4000

    private QuestionReader() {}

    /** The {@code number}th item (from 1) of the file. */
    static Question read(String file, Node node, int number) throws QuestionnaireException {
        Section unnamed = Section.of(file, "question " + number, node, "a question");
        String id = unnamed.id("id");
        Section q = unnamed.named("question '" + id + "'");
        q.allowOnly(KEYS);
        QuestionType type = q.code("type", QuestionType.class, "type");
        for (String key : KEYS) {
            QuestionType onlyFor = ONLY_FOR.get(key);
            if (onlyFor != null && onlyFor != type && q.has(key)) {
                throw q.problem(
                        q.lineOf(key),
                        "'" + key + "' is only for a " + onlyFor.code() + " question and this one has type '"
                                + type.code() + "'; remove it");
            }
        }
        if (type == QuestionType.INFO && q.has("required")) {
            throw q.problem(q.lineOf("required"), "an info item is never answered, so it has no 'required'; remove it");
        }
        boolean required =
                type != QuestionType.INFO && q.trueOrFalse("required").orElse(true);
        Map<Language, String> text = q.texts("text", TextLimit.QUESTION);
        List<Map<Language, String>> labels = type == QuestionType.SCALE ? labels(q) : List.of();
        List<Option> options = type == QuestionType.CHOICE ? options(q) : List.of();
        Optional<PlanField> plan = q.has("plan") ? Optional.of(plan(q, options)) : Optional.empty();
        int maxLength = type != QuestionType.TEXT
                ? 0
                : q.has("max-length") ? q.wholeNumber("max-length", 1, MAX_MAX_LENGTH) : DEFAULT_MAX_LENGTH;
        boolean wellBeing = q.trueOrFalse("well-being").orElse(false);
        boolean contact = q.trueOrFalse("contact").orElse(false);
        return new Question(id, type, required, text, labels, options, plan, maxLength, wellBeing, contact);
    }

    /** Per point 1..5, the label in each language; written per language as a list of five. */
    private static List<Map<Language, String>> labels(Section q) throws QuestionnaireException {
        if (!q.has("labels")) {
            throw q.problem(
                    q.line(),
                    "a scale needs 'labels': " + Question.SCALE_POINTS + " per language, from low (1) to high ("
                            + Question.SCALE_POINTS + ")");
        }
        List<Map<Language, String>> points = new ArrayList<>();
        for (int point = 1; point <= Question.SCALE_POINTS; point++) {
            points.add(new EnumMap<>(Language.class));
        }
        for (Map.Entry<Language, NodeTuple> entry : q.perLanguage("labels").entrySet()) {
            String code = entry.getKey().code();
            int line = Section.lineOf(entry.getValue().getKeyNode());
            if (!(entry.getValue().getValueNode() instanceof SequenceNode list)) {
                throw q.problem(
                        line,
                        "the labels in '" + code + "' must be a list of " + Question.SCALE_POINTS
                                + ", like [\"Not good\", \"Not so good\", \"Okay\", \"Good\", \"Very good\"]");
            }
            if (list.getValue().size() != Question.SCALE_POINTS) {
                throw q.problem(
                        line,
                        "a scale needs exactly " + Question.SCALE_POINTS + " labels in '" + code + "', found "
                                + list.getValue().size());
            }
            for (int point = 1; point <= Question.SCALE_POINTS; point++) {
                String what = "label " + point + " in '" + code + "'";
                String label = q.checked(list.getValue().get(point - 1), what, TextLimit.LABEL);
                points.get(point - 1).put(entry.getKey(), label);
            }
        }
        return points;
    }

    private static List<Option> options(Section q) throws QuestionnaireException {
        if (!q.has("options")) {
            throw q.problem(q.line(), "a choice needs 'options': at least " + MIN_OPTIONS);
        }
        if (!(q.value("options") instanceof SequenceNode list)) {
            throw q.problem(q.lineOf("options"), "'options' must be a list, each option starting with '- id:'");
        }
        int count = list.getValue().size();
        if (count < MIN_OPTIONS || count > MAX_OPTIONS) {
            throw q.problem(
                    q.lineOf("options"),
                    "a choice needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options (a Discord menu holds "
                            + MAX_OPTIONS + "), found " + count);
        }
        List<Option> options = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Node node = list.getValue().get(i);
            Section unnamed = Section.of(q.file(), q.where() + ", option " + (i + 1), node, "an option");
            String id = unnamed.id("id");
            Section option = unnamed.named(q.where() + ", option '" + id + "'");
            option.allowOnly(List.of("id", "label"));
            Integer earlier = lines.putIfAbsent(id, option.lineOf("id"));
            if (earlier != null) {
                throw option.problem(
                        option.lineOf("id"),
                        "option id '" + id + "' is used twice, on lines " + earlier + " and " + option.lineOf("id")
                                + "; give each option its own id");
            }
            options.add(new Option(id, option.texts("label", TextLimit.LABEL)));
        }
        return options;
    }

    /** The plan field, whose fixed options (if any) the question must have exactly. */
    private static PlanField plan(Section q, List<Option> options) throws QuestionnaireException {
        PlanField plan = q.code("plan", PlanField.class, "plan");
        Set<String> found = new TreeSet<>(options.stream().map(Option::id).toList());
        if (!plan.fixedOptions().isEmpty() && !found.equals(new TreeSet<>(plan.fixedOptions()))) {
            throw q.problem(
                    q.lineOf("plan"),
                    "a '" + plan.code() + "' plan question needs exactly the options "
                            + String.join(", ", plan.fixedOptions()) + "; it has " + String.join(", ", found));
        }
        return plan;
    }
}
