package nl.classbridge.messages;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Placeholders.Use;

/**
 * Sample values for a catalogue text, so a translator sees every form it can take: one case per
 * plural category of the language (Arabic's six, Polish's four) with a number of that category,
 * and dates and times as the language writes them. Used by {@code classbridge preview} and the
 * catalogue tests.
 */
public final class Cases {
    /** Placeholders that hold a day, and those that hold a time of day, wherever they occur. */
    private static final Set<String> DAYS =
            Set.of("deadline", "date", "day", "today", "expires", "until", "next", "when");

    private static final Set<String> TIMES = Set.of("time", "start", "end");

    /** Friday 11 September 2026, 15:00 in Amsterdam: a day in the school year for every sample. */
    private static final Instant SAMPLE_DAY = Instant.parse("2026-09-11T13:00:00Z");

    private static final ZoneId SAMPLE_ZONE = ZoneId.of("Europe/Amsterdam");

    /** One way to fill a text: a label ("few: 3") and its values. */
    public record Case(String label, Map<String, Object> values) {}

    private Cases() {}

    /**
     * The cases of {@code template} in {@code language}: values from {@code given} where there are,
     * a sample for every other placeholder, and one case per plural category when it counts.
     */
    public static List<Case> of(String template, Language language, Map<String, String> given) {
        Map<String, Use> uses = Placeholders.read(template).uses();
        Map<String, Object> values = new LinkedHashMap<>();
        uses.forEach((name, use) -> values.put(name, given.getOrDefault(name, sample(name, language))));
        List<String> counted = uses.entrySet().stream()
                .filter(e -> e.getValue() == Use.COUNT && !given.containsKey(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        if (counted.isEmpty()) {
            return List.of(new Case("", values));
        }
        List<Case> cases = new ArrayList<>();
        for (String category : PluralCheck.categories(language)) {
            Number number = sampleNumber(language, category);
            Map<String, Object> these = new LinkedHashMap<>(values);
            counted.forEach(name -> these.put(name, number));
            cases.add(new Case(category + ": " + number, these));
        }
        return cases;
    }

    private static String sample(String name, Language language) {
        if (DAYS.contains(name)) {
            return Dates.dayAndMonth(SAMPLE_DAY, SAMPLE_ZONE, language);
        }
        if (TIMES.contains(name)) {
            return Dates.time(LocalTime.of(15, 0), language);
        }
        return "[" + name + "]";
    }

    /** A number of {@code category} in {@code language}: a whole one where the category has any. */
    static Number sampleNumber(Language language, String category) {
        PluralRules rules = PluralRules.forLocale(ULocale.forLocale(language.locale()));
        Collection<Double> whole = rules.getSamples(category, PluralRules.SampleType.INTEGER);
        if (whole != null && !whole.isEmpty()) {
            // The first whole sample past 1 where there is one: "2 minuten" shows a plural better than "0 minuten".
            return whole.stream()
                    .filter(n -> n > 1 || whole.size() == 1)
                    .findFirst()
                    .orElse(whole.iterator().next())
                    .intValue();
        }
        // A category only fractions take (Polish and Ukrainian "other"): a number with a fraction to show,
        // as a double, for ICU reads 1.5 as "other" but a BigDecimal 0.0 as the whole number 0.
        Collection<Double> fractions = rules.getSamples(category, PluralRules.SampleType.DECIMAL);
        return fractions.stream()
                .filter(n -> n != Math.floor(n))
                .findFirst()
                .orElse(fractions.iterator().next());
    }
}
