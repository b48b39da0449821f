package nl.classbridge.domain;

/** Where one guardian's check-in about one child stands. */
public enum RequestStatus implements Coded {
    PENDING("pending"),
    IN_PROGRESS("in-progress"),
    ANSWERED("answered"),
    UNREACHABLE("unreachable");

    private final String code;

    RequestStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
