package nl.classbridge.domain;

/** Who takes an agreed step: each party has its own role in a conversation's follow-up. */
public enum AgreementOwner implements Coded {
    TEACHER("teacher"),
    GUARDIAN("guardian"),
    TOGETHER("together"),
    CHILD("child");

    private final String code;

    AgreementOwner(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
