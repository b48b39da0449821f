package nl.classbridge.prep;

import java.util.List;

/**
 * The questionnaire and question ids the sheet reads by meaning, in one place: which answers are
 * strengths, what the child needs, what the parents offer. A school that renames one in its files
 * renames it here too.
 */
final class FamilyQuestions {
    static final String START_OF_YEAR = "start-of-year";
    /** Start of year: what goes well at home, what the child is proud of. */
    static final String GOING_WELL = "going-well";
    /** Start of year: what the child needs to feel happy and safe in class. */
    static final String HAPPY_AND_SAFE = "happy-and-safe";
    /** Start of year: how the teacher can support the family at home. */
    static final String SUPPORT_AT_HOME = "support-at-home";
    /** Start of year: how the family would like to help the class, and more about it. */
    static final String HELP_THE_CLASS = "help-the-class";

    static final String HELP_THE_CLASS_MORE = "help-the-class-more";
    /** Start of year: what the teacher asks of parents (an info item, not asked). */
    static final String TEACHER_NEEDS = "teacher-needs";
    /** Check-in: one thing that went well. */
    static final String WENT_WELL = "went-well";
    /** Before a conversation: what goes well at home. */
    static final String GOING_WELL_AT_HOME = "going-well-at-home";

    /** The start-of-year questions a conversation cannot do without: asked when nobody answered them. */
    static final List<String> KEY_START_OF_YEAR = List.of(GOING_WELL, HAPPY_AND_SAFE, SUPPORT_AT_HOME);

    private FamilyQuestions() {}
}
