package nl.classbridge.checkin.questionnaire;

/**
 * A questionnaire file that cannot be used. The message is one line naming the file, the line
 * and what is wrong, e.g.
 * {@code check-in.yml line 14: question 'feeling': a scale needs exactly 5 labels in 'ar', found 4}.
 */
public final class QuestionnaireException extends Exception {

    private final String file;
    private final int line;
    private final String reason;

    public QuestionnaireException(String file, int line, String reason) {
        super(file + " line " + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The file name, without its folder. */
    public String file() {
        return file;
    }

    /** The line at fault, counted from 1 as editors do. */
    public int line() {
        return line;
    }

    /** What is wrong, without file and line. */
    public String reason() {
        return reason;
    }
}
