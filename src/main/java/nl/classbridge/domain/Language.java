package nl.classbridge.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The languages ClassBridge speaks with families. Dutch first; the others are the languages of
 * many families in Dutch primary schools who are less at home in Dutch.
 */
public enum Language implements Coded {
    NL("nl", "Nederlands", false),
    EN("en", "English", false),
    AR("ar", "العربية", true),
    TR("tr", "Türkçe", false),
    PL("pl", "Polski", false),
    UK("uk", "Українська", false);

    private final String code;
    private final String nativeName;
    private final boolean rightToLeft;

    Language(String code, String nativeName, boolean rightToLeft) {
        this.code = code;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    /** The ISO 639-1 code, as used in config, in {@code messages/<code>/} and in the store. */
    @Override
    public String code() {
        return code;
    }

    /** The language's name in itself, as a parent would pick it from a list. */
    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
    }

    /** "nl, en, ar, tr, pl, uk": for error messages that say what would be valid. */
    public static String codes() {
        return Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", "));
    }
}
