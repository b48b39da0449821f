package nl.classbridge.domain;

/** How a family prefers to be reached, as agreed in the communication plan. */
public enum ContactChannel implements Coded {
    DISCORD("discord"),
    EMAIL("email"),
    BOTH("both");

    private final String code;

    ContactChannel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean includesDiscord() {
        return this != EMAIL;
    }

    public boolean includesEmail() {
        return this != DISCORD;
    }
}
