package nl.classbridge.checkin.questionnaire;

import nl.classbridge.domain.Coded;

/** How a parent answers a question, as written after {@code type:} in a questionnaire file. */
public enum QuestionType implements Coded {
    /** Five buttons, from low (1) to high (5). */
    SCALE("scale"),
    /** One of the question's options. */
    CHOICE("choice"),
    YES_NO("yes-no"),
    /** Free text, up to the question's maximum length. */
    TEXT("text"),
    /** Something the teacher tells the parent; never answered. */
    INFO("info");

    private final String code;

    QuestionType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
