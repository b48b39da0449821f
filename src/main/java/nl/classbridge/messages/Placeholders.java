package nl.classbridge.messages;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.ArgType;
import com.ibm.icu.text.MessagePattern.Part;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arguments of a catalogue text, read with ICU's {@link MessagePattern}: {@code {child}} for a
 * value, {@code {minutes, plural, one {# minuut} other {# minuten}}} for a count, {@code {kind,
 * select, ...}} for a choice. Names are lower-case letters and digits, nothing else; numbered
 * arguments, choice formats and date or time formats of ICU are not used (dates come formatted
 * by {@link Dates}, so the class's time zone is never lost).
 */
final class Placeholders {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

    /** How a text uses an argument: as a value shown as it is, as a count, or to choose words. */
    enum Use {
        VALUE,
        COUNT,
        CHOICE
    }

    /** A text's arguments, in order of first use, with how they are used and a plural's keywords. */
    record Arguments(Map<String, Use> uses, Map<String, Set<String>> pluralKeywords) {
        Set<String> names() {
            return uses.keySet();
        }
    }

    private Placeholders() {}

    /** The names of the arguments {@code template} uses, in order of first use (a loaded text always parses). */
    static Set<String> in(String template) {
        return read(template).names();
    }

    /**
     * Reads the arguments of {@code template}.
     *
     * @throws IllegalArgumentException saying what is wrong, for a translator: a brace without its
     *     pair, a name that is not lower-case letters and digits, a format ICU has but we do not use,
     *     or an argument used as two different things
     */
    static Arguments read(String template) {
        MessagePattern pattern = new MessagePattern(template);
        Map<String, Use> uses = new LinkedHashMap<>();
        Map<String, Set<String>> keywords = new LinkedHashMap<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            Part part = pattern.getPart(i);
            if (part.getType() != Part.Type.ARG_START) {
                continue;
            }
            Part namePart = pattern.getPart(i + 1);
            String name = pattern.getSubstring(namePart);
            if (namePart.getType() != Part.Type.ARG_NAME || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("{" + name + "} is not a placeholder name: use lower-case"
                        + " letters and digits, like {child}");
            }
            Use use = use(pattern, i, name);
            Use before = uses.putIfAbsent(name, use);
            if (before != null && before != use) {
                throw new IllegalArgumentException("{" + name + "} is used both as "
                        + before.name().toLowerCase() + " and as " + use.name().toLowerCase());
            }
            if (part.getArgType() == ArgType.PLURAL) {
                keywords.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(selectors(pattern, i));
            }
        }
        return new Arguments(Collections.unmodifiableMap(uses), Collections.unmodifiableMap(keywords));
    }

    private static Use use(MessagePattern pattern, int start, String name) {
        ArgType type = pattern.getPart(start).getArgType();
        return switch (type) {
            case NONE -> Use.VALUE;
            case PLURAL -> Use.COUNT;
            case SELECT -> Use.CHOICE;
            case SIMPLE -> {
                String format = pattern.getSubstring(pattern.getPart(start + 2));
                if (!format.equals("number")) {
                    throw new IllegalArgumentException("{" + name + ", " + format + "}: only plural, select and"
                            + " number are used in the catalogue; dates and times come formatted");
                }
                yield Use.COUNT;
            }
            default ->
                throw new IllegalArgumentException(
                        "{" + name + "} uses " + type.name().toLowerCase() + "; use plural or select");
        };
    }

    /** The selectors ({@code one}, {@code few}, {@code =0}, ...) of the plural starting at {@code start}, not of ones inside it. */
    private static Set<String> selectors(MessagePattern pattern, int start) {
        Set<String> selectors = new LinkedHashSet<>();
        int limit = pattern.getLimitPartIndex(start);
        for (int j = start + 1; j < limit; j++) {
            Part part = pattern.getPart(j);
            if (part.getType() == Part.Type.MSG_START) {
                j = pattern.getLimitPartIndex(j);
            } else if (part.getType() == Part.Type.ARG_SELECTOR) {
                selectors.add(pattern.getSubstring(part));
            }
        }
        return selectors;
    }
}
