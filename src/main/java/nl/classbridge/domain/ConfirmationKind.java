package nl.classbridge.domain;

/** What a family's confirmation code confirms. */
public enum ConfirmationKind implements Coded {
    /** A new email address: the code went to that address, so it is theirs before it is used. */
    EMAIL_CHANGE("email-change"),
    /** Being forgotten: asked by email, confirmed with the code the bot sent back. */
    FORGET_ME("forget-me");

    private final String code;

    ConfirmationKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
