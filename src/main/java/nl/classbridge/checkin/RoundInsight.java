package nl.classbridge.checkin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import nl.classbridge.checkin.questionnaire.Option;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Student;

/**
 * The teacher's view of a round at a glance, next to the answers themselves: per question the
 * counts (and a scale's average), the class's well-being against the previous round of the same
 * questionnaire, and the children worth a conversation. For the teacher's eyes only.
 *
 * @param wellBeingQuestion the scale marked {@code well-being: true}, if the questionnaire has one
 * @param tallies     per scale, choice or yes-no question, in the questionnaire's order
 * @param wellBeing   per child who has a well-being answer now, by name
 * @param classBefore the class's average well-being in the previous round, if there was one
 * @param askedToTalk the children whose family answered "yes" to the question marked {@code contact:
 *                    true}: they would like to talk with the teacher; by name, each once
 */
public record RoundInsight(
        Optional<Question> wellBeingQuestion,
        List<Tally> tallies,
        List<ChildWellBeing> wellBeing,
        OptionalDouble classBefore,
        List<Student> askedToTalk) {

    /** A well-being point at or under this is low: "not good" or "not so good". */
    public static final int LOW = 2;

    /** A fall of this many points or more since the previous round is worth a look. */
    public static final int DROP = 2;

    /**
     * How often each answer was given, keyed by what is stored (a scale's point, an option id, yes
     * or no) in the order the family saw them, including answers nobody gave.
     *
     * @param average for a scale, the mean point; else empty
     */
    public record Tally(Question question, Map<String, Integer> counts, OptionalDouble average) {}

    /**
     * A child's well-being now and in the previous round. With two guardians answering, the lower
     * point counts: one worried family is reason enough to talk.
     */
    public record ChildWellBeing(Student student, int now, Optional<Integer> before) {

        /** Low now: 1 or 2. */
        public boolean low() {
            return now <= LOW;
        }

        /** Fell by {@link #DROP} or more; a child without a previous answer never "dropped". */
        public boolean dropped() {
            return before.map(b -> b - now >= DROP).orElse(false);
        }

        public boolean worthAConversation() {
            return low() || dropped();
        }
    }

    /**
     * The insight of the answers {@code now} to {@code questionnaire}, against {@code before}: the
     * answers of the previous round of the same questionnaire, if any.
     */
    public static RoundInsight of(
            Questionnaire questionnaire, List<RoundResults.Family> now, Optional<List<RoundResults.Family>> before) {
        List<Tally> tallies = new ArrayList<>();
        for (Question question : questionnaire.asked()) {
            tally(question, now).ifPresent(tallies::add);
        }
        Optional<Question> scale = questionnaire.asked().stream()
                .filter(q -> q.type() == QuestionType.SCALE && q.wellBeing())
                .findFirst();
        List<Student> askedToTalk = askedToTalk(now);
        if (scale.isEmpty()) {
            return new RoundInsight(scale, List.copyOf(tallies), List.of(), OptionalDouble.empty(), askedToTalk);
        }
        // By id: an older version's stored text may predate the well-being mark.
        String id = scale.get().id();
        Map<Long, Integer> previous = before.map(b -> lowestPerChild(b, id)).orElse(Map.of());
        List<ChildWellBeing> children = new ArrayList<>();
        Map<Long, Student> named = new LinkedHashMap<>();
        now.forEach(family -> named.put(family.student().id(), family.student()));
        lowestPerChild(now, id)
                .forEach((studentId, point) -> children.add(
                        new ChildWellBeing(named.get(studentId), point, Optional.ofNullable(previous.get(studentId)))));
        children.sort(
                (a, b) -> a.student().name().compareToIgnoreCase(b.student().name()));
        OptionalDouble classBefore = before.map(b -> average(points(b, id))).orElse(OptionalDouble.empty());
        return new RoundInsight(scale, List.copyOf(tallies), List.copyOf(children), classBefore, askedToTalk);
    }

    /** The children of the families who said "yes" to the contact question, by name, each once. */
    private static List<Student> askedToTalk(List<RoundResults.Family> now) {
        Map<Long, Student> children = new LinkedHashMap<>();
        for (RoundResults.Family family : now) {
            boolean asked = family.answers().stream()
                    .anyMatch(g -> g.answer()
                            .value()
                            .filter(g.question()::asksForContact)
                            .isPresent());
            if (asked) {
                children.putIfAbsent(family.student().id(), family.student());
            }
        }
        List<Student> sorted = new ArrayList<>(children.values());
        sorted.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return List.copyOf(sorted);
    }

    /** The children worth a conversation for their well-being, by name. */
    public List<ChildWellBeing> worthAConversation() {
        return wellBeing.stream().filter(ChildWellBeing::worthAConversation).toList();
    }

    /** Whether anyone is worth a conversation: for their well-being, or because the family asked. */
    public boolean anyWorthAConversation() {
        return !askedToTalk.isEmpty() || !worthAConversation().isEmpty();
    }

    /** The child's well-being, if the family answered it this round. */
    public Optional<ChildWellBeing> of(Student student) {
        return wellBeing.stream()
                .filter(child -> child.student().id() == student.id())
                .findFirst();
    }

    private static Optional<Tally> tally(Question question, List<RoundResults.Family> results) {
        List<String> values = switch (question.type()) {
            case SCALE -> {
                List<String> points = new ArrayList<>();
                for (int point = 1; point <= Question.SCALE_POINTS; point++) {
                    points.add(String.valueOf(point));
                }
                yield points;
            }
            case CHOICE -> question.options().stream().map(Option::id).toList();
            case YES_NO -> List.of("yes", "no");
            default -> List.of();
        };
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(value -> counts.put(value, 0));
        List<String> given = given(results, question.id());
        given.forEach(value -> counts.computeIfPresent(value, (v, count) -> count + 1));
        OptionalDouble average = question.type() == QuestionType.SCALE
                ? average(points(results, question.id()))
                : OptionalDouble.empty();
        return Optional.of(new Tally(question, counts, average));
    }

    /** Per child (by id), the lowest point given to scale {@code questionId}. */
    private static Map<Long, Integer> lowestPerChild(List<RoundResults.Family> results, String questionId) {
        Map<Long, Integer> lowest = new TreeMap<>();
        for (RoundResults.Family family : results) {
            for (int point : points(family, questionId)) {
                lowest.merge(family.student().id(), point, Math::min);
            }
        }
        return lowest;
    }

    private static List<Integer> points(List<RoundResults.Family> results, String questionId) {
        return results.stream()
                .flatMap(family -> points(family, questionId).stream())
                .toList();
    }

    /** A family's points on scale {@code questionId}; none if that id was no scale in their round. */
    private static List<Integer> points(RoundResults.Family family, String questionId) {
        return family.answers().stream()
                .filter(g ->
                        g.question().id().equals(questionId) && g.question().type() == QuestionType.SCALE)
                .flatMap(g -> g.answer().value().stream())
                .filter(v -> !v.isEmpty())
                .map(Integer::parseInt)
                .toList();
    }

    private static List<String> given(List<RoundResults.Family> results, String questionId) {
        return results.stream()
                .flatMap(family -> given(family, questionId).stream())
                .toList();
    }

    /** The values given (not skipped) to {@code questionId} by one family. */
    private static List<String> given(RoundResults.Family family, String questionId) {
        return family.answers().stream()
                .filter(g -> g.question().id().equals(questionId))
                .flatMap(g -> g.answer().value().stream())
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static OptionalDouble average(List<Integer> points) {
        return points.stream().mapToInt(Integer::intValue).average();
    }
}
