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
    NL("nl", "Nederlands", false, "nl-NL"),
    // British English: our English texts are British, so are their dates ("Friday, 11 September 2026", "14:30").
    EN("en", "English", false, "en-GB"),
    // Western digits, as in the codes, times and scale numbers families type (ICU would write Arabic-Indic ones).
    AR("ar", "العربية", true, "ar-u-nu-latn"),
    TR("tr", "Türkçe", false, "tr-TR"),
    PL("pl", "Polski", false, "pl-PL"),
    UK("uk", "Українська", false, "uk-UA");

    private final String code;
    private final String nativeName;
    private final boolean rightToLeft;
    private final Locale locale;

    Language(String code, String nativeName, boolean rightToLeft, String localeTag) {
        this.code = code;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
        this.locale = Locale.forLanguageTag(localeTag);
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

    /** How dates, times and numbers are written in this language. */
    public Locale locale() {
        return locale;
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
