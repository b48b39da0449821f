package nl.classbridge.messages;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Placeholders.Use;

/**
 * Whether a text's plurals fit its language: every category the language's plural rules have
 * (Dutch one/other, Polish one/few/many/other, Arabic zero/one/two/few/many/other), none it does
 * not have, and a plural wherever English counts the same value. Exact numbers ({@code =0}) are
 * allowed besides.
 */
final class PluralCheck {
    private PluralCheck() {}

    /** The categories {@code language} has, as ICU's plural rules name them. */
    static Set<String> categories(Language language) {
        return new TreeSet<>(
                PluralRules.forLocale(ULocale.forLocale(language.locale())).getKeywords());
    }

    static List<String> problems(Language language, String key, String text, String english) {
        List<String> problems = new ArrayList<>();
        Placeholders.Arguments own = Placeholders.read(text);
        Set<String> categories = categories(language);
        for (Map.Entry<String, Set<String>> plural : own.pluralKeywords().entrySet()) {
            Set<String> named = new TreeSet<>(plural.getValue());
            named.removeIf(selector -> selector.startsWith("="));
            if (!named.equals(categories)) {
                problems.add(language.code() + ": " + key + " counts {" + plural.getKey() + "} with " + named + " but "
                        + language.code() + " has the categories " + categories);
            }
        }
        if (english != null) {
            Placeholders.read(english).uses().forEach((name, use) -> {
                if (use == Use.COUNT && own.uses().get(name) != Use.COUNT) {
                    problems.add(language.code() + ": " + key + " shows {" + name + "} as it is, but en counts it:"
                            + " write it as a plural");
                }
            });
        }
        return problems;
    }
}
