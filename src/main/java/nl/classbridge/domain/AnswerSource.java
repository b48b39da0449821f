package nl.classbridge.domain;

/** How an answer reached us; it tells the teacher nothing private and helps with support. */
public enum AnswerSource implements Coded {
    DISCORD_BUTTON("discord-button"),
    DISCORD_SELECT("discord-select"),
    DISCORD_MODAL("discord-modal"),
    DISCORD_TEXT("discord-text"),
    EMAIL("email");

    private final String code;

    AnswerSource(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
