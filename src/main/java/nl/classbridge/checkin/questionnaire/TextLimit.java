package nl.classbridge.checkin.questionnaire;

/** How long each kind of questionnaire text may be, and why, counted as Java (and Discord) do. */
enum TextLimit {
    TITLE(45, "a Discord window title"),
    INTRO(1000, "an introduction"),
    QUESTION(1000, "a question"),
    LABEL(80, "a Discord button");

    final int max;
    final String holder;

    TextLimit(int max, String holder) {
        this.max = max;
        this.holder = holder;
    }
}
