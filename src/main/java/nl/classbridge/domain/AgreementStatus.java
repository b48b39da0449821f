package nl.classbridge.domain;

/** An agreement is open until the teacher marks it done. */
public enum AgreementStatus implements Coded {
    OPEN("open"),
    DONE("done");

    private final String code;

    AgreementStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
