package nl.classbridge.translation;

import java.util.regex.Pattern;

/**
 * A translation that did not come: the provider is down, refused (400, 403, 429, DeepL's 456 quota)
 * or does not know the pair. Carries a short reason code only, never the text that was sent.
 */
public final class TranslationFailure extends Exception {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");

    private final String reason;

    public TranslationFailure(String reason) {
        this(reason, null);
    }

    public TranslationFailure(String reason, Throwable cause) {
        super(checked(reason), cause, false, true);
        this.reason = reason;
    }

    /** A short code such as {@code http-429}, {@code quota}, {@code unsupported-pair}, {@code timeout}. */
    public String reason() {
        return reason;
    }

    private static String checked(String reason) {
        if (reason == null || !CODE.matcher(reason).matches()) {
            throw new IllegalArgumentException("a translation failure's reason is a short code like http-429");
        }
        return reason;
    }
}
