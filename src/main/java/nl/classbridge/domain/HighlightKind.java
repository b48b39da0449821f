package nl.classbridge.domain;

/**
 * What a highlight is about. Class updates balance the children's learning with their
 * social-emotional life and the class as a group.
 */
public enum HighlightKind implements Coded {
    LEARNING("learning"),
    SOCIAL_EMOTIONAL("social-emotional"),
    TOGETHER("together"),
    CELEBRATION("celebration");

    private final String code;

    HighlightKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
