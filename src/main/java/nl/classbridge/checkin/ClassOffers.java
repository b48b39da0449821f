package nl.classbridge.checkin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.Option;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Reading;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.AuditLog;

/**
 * What families offered to do for the class ({@code /class offers}), from the class's latest
 * start-of-year round: per kind of help (the options of {@value #CHOICE}), which family offered it,
 * with what they wrote about it ({@value #MORE}) in their own words. So the teacher can take parents
 * up on it. For the teacher's eyes only; reading them is audited ({@link Reading#CLASS_OFFERS}, the
 * round by id), as they hold families' own words.
 */
public final class ClassOffers {
    public static final String QUESTIONNAIRE = "start-of-year";
    public static final String CHOICE = "help-the-class";
    public static final String MORE = "help-the-class-more";
    /** The option that offers nothing; such a family is listed only if they wrote something. */
    public static final String NOT_NOW = "not-now";

    /** How far back to look for the latest start-of-year round, in rounds of the class. */
    private static final int ROUNDS_BACK = 200;

    /** One family's offer: the child, the guardian who answered, and their own words if any. */
    public record Offer(Student student, Guardian guardian, Optional<String> words) {}

    /** A kind of help with the families who offered it, by child's name. */
    public record Kind(Option option, List<Offer> families) {}

    /** The offers of {@code round}, kinds in the questionnaire's order; kinds nobody chose are left out. */
    public record Offers(RoundOverview.PastRound round, List<Kind> kinds) {}

    private final RoundOverview overview;
    private final AuditLog auditLog;
    private final Clock clock;

    public ClassOffers(RoundOverview overview, AuditLog auditLog, Clock clock) {
        this.overview = overview;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Read by {@code readerUserId}. Empty when the class never had a start-of-year round (or it asks
     * no {@value #CHOICE}): then nothing was read and nothing is audited.
     */
    public Optional<Offers> of(SchoolClass schoolClass, long readerUserId) {
        Optional<Offers> offers = overview.rounds(schoolClass, ROUNDS_BACK).stream()
                .filter(past -> past.questionnaire().id().equals(QUESTIONNAIRE))
                .findFirst()
                .flatMap(past -> past.questionnaire()
                        .question(CHOICE)
                        .map(choice -> new Offers(
                                past,
                                kinds(
                                        choice,
                                        overview.results(
                                                        schoolClass,
                                                        past.round().id(),
                                                        Optional.empty())
                                                .map(RoundResults::families)
                                                .orElse(List.of())))));
        offers.ifPresent(read -> auditLog.record(Reading.CLASS_OFFERS.entry(
                clock.instant(),
                readerUserId,
                schoolClass.id(),
                "round=" + read.round().round().id())));
        return offers;
    }

    private static List<Kind> kinds(Question choice, List<RoundResults.Family> families) {
        List<Kind> kinds = new ArrayList<>();
        for (Option option : choice.options()) {
            List<Offer> offers = new ArrayList<>();
            for (RoundResults.Family family : families) {
                Optional<String> words = given(family, MORE);
                if (given(family, CHOICE).filter(option.id()::equals).isPresent()
                        && (!option.id().equals(NOT_NOW) || words.isPresent())) {
                    offers.add(new Offer(family.student(), family.guardian(), words));
                }
            }
            if (!offers.isEmpty()) {
                kinds.add(new Kind(option, List.copyOf(offers)));
            }
        }
        return List.copyOf(kinds);
    }

    /** The family's answer to {@code questionId}, unless skipped or blank. */
    private static Optional<String> given(RoundResults.Family family, String questionId) {
        return family.answers().stream()
                .filter(g -> g.question().id().equals(questionId))
                .map(RoundResults.Given::answer)
                .flatMap(answer -> answer.value().stream())
                .filter(value -> !value.isBlank())
                .findFirst();
    }
}
