package nl.classbridge.domain;

/** Where a guardian stands on an agreement. */
public enum ConfirmationStatus implements Coded {
    /** Sent to the guardian, no answer yet. */
    ASKED("asked"),
    /** "That's right." */
    CONFIRMED("confirmed"),
    /** "I see it differently", with their own words. */
    DIFFERS("differs");

    private final String code;

    ConfirmationStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
