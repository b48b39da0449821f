package nl.classbridge.checkin.questionnaire;

import java.util.Arrays;
import java.util.List;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Language;

/**
 * The part of a family's communication plan that a choice question sets, as written after
 * {@code plan:}. The answer of such a question is stored in the plan, so the options of
 * {@link #CHANNEL} and {@link #LANGUAGE} must be exactly the values the plan knows.
 */
public enum PlanField implements Coded {
    CHANNEL(
            "channel",
            Arrays.stream(ContactChannel.values()).map(ContactChannel::code).toList()),
    LANGUAGE("language", Arrays.stream(Language.values()).map(Language::code).toList()),
    /** Free options: the teacher reads the family's choice. */
    CONTACT_TIMES("contact-times", List.of());

    private final String code;
    private final List<String> fixedOptions;

    PlanField(String code, List<String> fixedOptions) {
        this.code = code;
        this.fixedOptions = fixedOptions;
    }

    @Override
    public String code() {
        return code;
    }

    /** The option ids the question must have, in any order; empty when the teacher chooses them. */
    public List<String> fixedOptions() {
        return fixedOptions;
    }
}
