package nl.classbridge.config;

import java.util.Locale;

/**
 * Where an email to a family carries its reply token, so a reply can be tied to the family and the
 * request it answers. Written {@code plus-address} or {@code subject} in config.
 */
public enum ReplyTokenPlace {
    /**
     * In the Reply-To as a plus-address ({@code bot+TOKEN@school.nl}) and in the subject: a reply
     * keeps its token even when the family changes the subject. Needs a mail server that delivers
     * {@code bot+anything@} to {@code bot@} (subaddressing; Google, Microsoft 365, Postfix, ...).
     */
    PLUS_ADDRESS,
    /** In the subject only, for mail servers without subaddressing. */
    SUBJECT;

    /** The word used in the config file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
