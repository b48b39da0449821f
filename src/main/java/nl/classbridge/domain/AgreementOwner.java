package nl.classbridge.domain;

/** Who takes an agreement on: every conversation makes the role of each explicit. */
public enum AgreementOwner implements Coded {
    PARENTS("parents"),
    TEACHER("teacher"),
    CHILD("child"),
    TOGETHER("together");

    private final String code;

    AgreementOwner(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
