package nl.classbridge.checkin.questionnaire;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one questionnaire file and checks all of it, stopping at the first problem. The YAML is
 * composed into SnakeYAML nodes rather than read into Jackson's tree, because nodes keep their line.
 */
final class QuestionnaireReader {

    /** A questionnaire and the line of its id, for problems found across files. */
    record Read(Questionnaire questionnaire, int idLine) {}

    private static final List<String> KEYS = List.of("id", "version", "title", "intro", "questions");
    /** The summary's menu to change an answer holds 25 options, one per question asked. */
    private static final int MAX_ASKED = 25;

    private QuestionnaireReader() {}

    static Read read(String file, String text) throws QuestionnaireException {
        Section top = Section.of(file, "", compose(file, text), "a questionnaire");
        top.allowOnly(KEYS);
        String id = top.id("id");
        String expected = QuestionnaireLoader.idOf(file);
        if (!id.equals(expected)) {
            throw top.problem(
                    top.lineOf("id"),
                    "id '" + id + "' does not match the file name " + file
                            + "; they must be the same, so rename the file to " + id + ".yml or change the id");
        }
        int version = top.wholeNumber("version", 1, Integer.MAX_VALUE);
        Map<Language, String> title = top.texts("title", TextLimit.TITLE);
        Map<Language, String> intro = top.texts("intro", TextLimit.INTRO);
        Questionnaire questionnaire = new Questionnaire(id, version, title, intro, questions(top));
        return new Read(questionnaire, top.lineOf("id"));
    }

    private static List<Question> questions(Section top) throws QuestionnaireException {
        if (!(top.value("questions") instanceof SequenceNode list)
                || list.getValue().isEmpty()) {
            throw top.problem(
                    top.lineOf("questions"),
                    "'questions' must be a list of questions," + " each starting with '- id:'");
        }
        List<Question> questions = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        Map<PlanField, Question> plans = new EnumMap<>(PlanField.class);
        for (Node node : list.getValue()) {
            Question question = QuestionReader.read(top.file(), node, questions.size() + 1);
            int line = Section.lineOf(node);
            Integer earlier = idLines.putIfAbsent(question.id(), line);
            if (earlier != null) {
                throw top.problem(
                        line,
                        "question id '" + question.id() + "' is used twice, on lines " + earlier + " and " + line
                                + "; give each question its own id");
            }
            if (question.plan().isPresent()) {
                Question other = plans.putIfAbsent(question.plan().get(), question);
                if (other != null) {
                    throw top.problem(
                            line,
                            "question '" + question.id() + "': plan '"
                                    + question.plan().get().code()
                                    + "' is already set by question '" + other.id() + "' on line "
                                    + idLines.get(other.id())
                                    + "; each part of the plan is asked once");
                }
            }
            Optional<Question> contact =
                    questions.stream().filter(Question::contact).findFirst();
            if (question.contact() && contact.isPresent()) {
                throw top.problem(
                        line,
                        "question '" + question.id() + "': 'contact: true' is already on question '"
                                + contact.get().id() + "' on line "
                                + idLines.get(contact.get().id())
                                + "; mark one question only");
            }
            questions.add(question);
            if (questions.stream().filter(Question::answerable).count() > MAX_ASKED) {
                throw top.problem(
                        line,
                        "question '" + question.id() + "' is question " + (MAX_ASKED + 1)
                                + " to answer; a questionnaire asks at most " + MAX_ASKED
                                + " (the menu to change an answer holds " + MAX_ASKED + ")");
            }
        }
        if (questions.stream().noneMatch(Question::answerable)) {
            throw top.problem(top.lineOf("questions"), "there are only info items; add a question to answer");
        }
        return questions;
    }

    private static Node compose(String file, String text) throws QuestionnaireException {
        Node root;
        try {
            // compose() only builds nodes: no objects are made from the file, whatever tags it holds.
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new QuestionnaireException(
                    file,
                    line,
                    "not valid YAML (" + firstLine(e.getProblem())
                            + "); check the indentation, and put texts with ':' or '#' in quotes");
        } catch (YAMLException e) {
            throw new QuestionnaireException(file, 1, "not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null) {
            throw new QuestionnaireException(
                    file, 1, "the file is empty; start it with 'id: " + QuestionnaireLoader.idOf(file) + "'");
        }
        return root;
    }

    private static String firstLine(String text) {
        return text == null ? "syntax error" : text.strip().lines().findFirst().orElse("syntax error");
    }
}
