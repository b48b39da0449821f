package nl.classbridge.checkin.questionnaire;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.Language;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One block of {@code key: value} lines of a questionnaire file, read with the line of every key
 * so that each problem can say where it is. Values are taken as written: YAML's guesses ({@code no}
 * as false, {@code 1.0} as a number) never change a text.
 */
final class Section {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    // Option ids become Discord menu values (at most 100 characters) and are stored with answers.
    private static final int ID_MAX_LENGTH = 50;

    private final String file;
    private final String where;
    private final MappingNode node;

    private Section(String file, String where, MappingNode node) {
        this.file = file;
        this.where = where;
        this.node = node;
    }

    /**
     * The block {@code node}; {@code where} names it in messages ("question 'feeling'", or "" for
     * the file itself) and {@code what} says what was expected.
     */
    static Section of(String file, String where, Node node, String what) throws QuestionnaireException {
        if (node instanceof MappingNode mapping) {
            return new Section(file, where, mapping);
        }
        throw problem(file, where, lineOf(node), "expected " + what + " written as 'key: value' lines");
    }

    /** The same block, named differently in messages once its id is known. */
    Section named(String newWhere) {
        return new Section(file, newWhere, node);
    }

    String where() {
        return where;
    }

    String file() {
        return file;
    }

    /** The line where the block starts. */
    int line() {
        return lineOf(node);
    }

    /** Refuses keys written twice and keys not in {@code allowed}, such as a typo. */
    void allowOnly(Collection<String> allowed) throws QuestionnaireException {
        allowOnly(allowed, key -> "unknown key '" + key + "'; the keys here are " + String.join(", ", allowed));
    }

    private void allowOnly(Collection<String> allowed, UnaryOperator<String> unknown) throws QuestionnaireException {
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple entry : node.getValue()) {
            int line = lineOf(entry.getKeyNode());
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                throw problem(line, "a key must be a plain name, like 'text'");
            }
            Integer earlier = seen.putIfAbsent(key.getValue(), line);
            if (earlier != null) {
                throw problem(
                        line,
                        "'" + key.getValue() + "' is written twice, on lines " + earlier + " and " + line
                                + "; keep one");
            }
            if (!allowed.contains(key.getValue())) {
                throw problem(line, unknown.apply(key.getValue()));
            }
        }
    }

    boolean has(String key) {
        return entry(key).isPresent();
    }

    /** The line of {@code key}, or of the block when it is missing. */
    int lineOf(String key) {
        return entry(key).map(e -> lineOf(e.getKeyNode())).orElse(line());
    }

    Node value(String key) throws QuestionnaireException {
        Optional<NodeTuple> entry = entry(key);
        if (entry.isEmpty()) {
            throw problem(line(), "'" + key + "' is missing");
        }
        return entry.get().getValueNode();
    }

    /** A single value, not empty. */
    String text(String key) throws QuestionnaireException {
        Node value = value(key);
        if (!(value instanceof ScalarNode scalar)) {
            throw problem(lineOf(key), "'" + key + "' must be a single value, not a list or a block");
        }
        if (isEmpty(scalar)) {
            throw problem(lineOf(key), "'" + key + "' is empty");
        }
        return scalar.getValue().strip();
    }

    /** An id: lower-case letters, digits and dashes. */
    String id(String key) throws QuestionnaireException {
        String id = text(key);
        if (!ID.matcher(id).matches() || id.length() > ID_MAX_LENGTH) {
            throw problem(
                    lineOf(key),
                    key + " '" + id + "' is not valid; use lower-case letters, digits and"
                            + " dashes, like 'going-well', at most " + ID_MAX_LENGTH + " characters");
        }
        return id;
    }

    /** A whole number from {@code min} to {@code max}. */
    int wholeNumber(String key, int min, int max) throws QuestionnaireException {
        String text = text(key);
        if (text.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        }
        String range = max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
        throw problem(lineOf(key), "'" + key + "' must be a whole number " + range + ", not '" + text + "'");
    }

    Optional<Boolean> trueOrFalse(String key) throws QuestionnaireException {
        if (!has(key)) {
            return Optional.empty();
        }
        String text = text(key);
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        throw problem(lineOf(key), "'" + key + "' must be true or false, not '" + text + "'");
    }

    /** The constant of {@code type} written under {@code key}. */
    <E extends Enum<E> & Coded> E code(String key, Class<E> type, String what) throws QuestionnaireException {
        String code = text(key);
        Optional<E> known = Coded.fromCode(type, code);
        if (known.isEmpty()) {
            throw problem(lineOf(key), "unknown " + what + " '" + code + "'; use one of " + codes(type));
        }
        return known.get();
    }

    /** A text in each of the six languages, checked against {@code limit}. */
    Map<Language, String> texts(String key, TextLimit limit) throws QuestionnaireException {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (Map.Entry<Language, NodeTuple> entry : perLanguage(key).entrySet()) {
            String what = key + " in '" + entry.getKey().code() + "'";
            texts.put(entry.getKey(), checked(entry.getValue().getValueNode(), what, limit));
        }
        return texts;
    }

    /** The value under {@code key}: a block with exactly the six languages, each with its key line. */
    Map<Language, NodeTuple> perLanguage(String key) throws QuestionnaireException {
        Node value = value(key);
        String what = "'" + key + "' in all six languages (" + Language.codes() + ")";
        Section languages = Section.of(file, where, value, what);
        languages.allowOnly(
                Arrays.stream(Language.values()).map(Language::code).toList(),
                code -> "'" + key + "' has an unknown language '" + code + "'; the languages are " + Language.codes());
        Map<Language, NodeTuple> entries = new EnumMap<>(Language.class);
        for (NodeTuple entry : languages.node.getValue()) {
            String code = ((ScalarNode) entry.getKeyNode()).getValue();
            entries.put(Coded.of(Language.class, code), entry);
        }
        for (Language language : Language.values()) {
            if (!entries.containsKey(language)) {
                throw problem(
                        lineOf(key),
                        "'" + key + "' misses '" + language.code() + "'; write it in all six languages: "
                                + Language.codes());
            }
        }
        return entries;
    }

    /** A text written as the value {@code node}: present, short enough, without a placeholder. */
    String checked(Node node, String what, TextLimit limit) throws QuestionnaireException {
        int line = lineOf(node);
        if (!(node instanceof ScalarNode scalar)) {
            throw problem(line, what + " must be a text, not a list or a block");
        }
        String text = scalar.getValue().strip();
        if (isEmpty(scalar) || text.isEmpty()) {
            throw problem(line, what + " is empty");
        }
        // Texts are filled into message templates; a '${' of their own would be read as a placeholder.
        if (text.contains("${")) {
            throw problem(
                    line,
                    what + " contains '${', which questionnaire texts may not contain:"
                            + " ClassBridge would read it as a placeholder; write it differently");
        }
        if (text.length() > limit.max) {
            throw problem(
                    line,
                    what + " has " + text.length() + " characters; " + limit.holder + " holds at most " + limit.max);
        }
        return text;
    }

    QuestionnaireException problem(int line, String reason) {
        return problem(file, where, line, reason);
    }

    static QuestionnaireException problem(String file, String where, int line, String reason) {
        return new QuestionnaireException(file, line, where.isEmpty() ? reason : where + ": " + reason);
    }

    /** The line of {@code node}, counted from 1 (SnakeYAML counts from 0). */
    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private Optional<NodeTuple> entry(String key) {
        return node.getValue().stream()
                .filter(e ->
                        e.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst();
    }

    /** A key with nothing after it, or written as {@code ~} or {@code null}. */
    private static boolean isEmpty(ScalarNode scalar) {
        return scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank();
    }

    private static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(Coded::code).toList());
    }
}
