package nl.classbridge.messages;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Placeholders.Use;

/**
 * Whether a text's plurals fit its language: every category the language's plural rules have
 * (Dutch one/other, Polish one/few/many/other, Arabic zero/one/two/few/many/other), none it does
 * not have, and a plural wherever another language counts the same value. Exact numbers ({@code =0}) are
 * allowed besides.
 */
final class PluralCheck {
    private PluralCheck() {}

    /** The categories {@code language} has, as ICU's plural rules name them. */
    static Set<String> categories(Language language) {
        return new TreeSet<>(
                PluralRules.forLocale(ULocale.forLocale(language.locale())).getKeywords());
    }

    /**
     * What is wrong with the plurals of {@code text}, {@code key} in {@code language}, given
     * {@code counters}: for each value some language counts, one that does (English where it does).
     */
    static List<String> problems(Language language, String key, String text, Map<String, Language> counters) {
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
        counters.forEach((name, counter) -> {
            if (own.uses().containsKey(name) && own.uses().get(name) != Use.COUNT) {
                problems.add(language.code() + ": " + key + " shows {" + name + "} as it is, but " + counter.code()
                        + " counts it: write it as a plural");
            }
        });
        return problems;
    }

    /** For each value a text of {@code key} counts in some language, the language that does: English first. */
    static Map<String, Language> counters(Map<Language, String> textsOfKey) {
        Map<String, Language> counters = new LinkedHashMap<>();
        List<Language> englishFirst = new ArrayList<>(List.of(Language.EN));
        for (Language language : Language.values()) {
            if (language != Language.EN) {
                englishFirst.add(language);
            }
        }
        for (Language language : englishFirst) {
            String text = textsOfKey.get(language);
            if (text != null) {
                Placeholders.read(text).uses().forEach((name, use) -> {
                    if (use == Use.COUNT) {
                        counters.putIfAbsent(name, language);
                    }
                });
            }
        }
        return counters;
    }
}
