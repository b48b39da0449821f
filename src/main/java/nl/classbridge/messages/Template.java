package nl.classbridge.messages;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Placeholders.Use;
import nl.classbridge.messages.Text.Span;

/**
 * A catalogue text read once: an ICU MessageFormat pattern in the translator's language, with
 * {@code {name}} placeholders, plurals and selects, and {@code **emphasis**} and {@code `code`}
 * (on one line), the catalogue's markup. Filling it gives a {@link Text} whose values are still
 * raw, for each renderer to escape its own way.
 *
 * <p>Values never reach ICU: each is handed to it as a private-use character that stands for it,
 * and put back as a {@link Text.Value} afterwards. So a value is never read as a pattern (a parent
 * called {@code {env:DISCORD_TOKEN}} or {@code **x**} stays exactly that), cannot make markup, and
 * keeps its own escaping and direction isolates. Only counts (as numbers, for plurals) and
 * choices (for selects) are given to ICU as themselves.
 */
final class Template {
    /** The first of the private-use characters that stand for values while ICU formats; a catalogue text may not hold them. */
    static final char FIRST_STAND_IN = '\uE000';

    static final char LAST_STAND_IN = '\uE0FF';

    private static final Pattern MARKUP = Pattern.compile("\\*\\*(.+?)\\*\\*|`([^`\\n]+)`");

    private final MessageFormat format;
    private final Map<String, Use> uses;

    private Template(MessageFormat format, Map<String, Use> uses) {
        this.format = format;
        this.uses = uses;
    }

    /**
     * Reads {@code text} as written for {@code language}.
     *
     * @throws IllegalArgumentException when it is not a pattern the catalogue allows
     */
    static Template parse(String text, Language language) {
        Placeholders.Arguments arguments = Placeholders.read(text);
        if (arguments.names().size() > LAST_STAND_IN - FIRST_STAND_IN) {
            throw new IllegalArgumentException("too many placeholders in one text");
        }
        return new Template(new MessageFormat(text, ULocale.forLocale(language.locale())), arguments.uses());
    }

    /**
     * The template with {@code values} in its placeholders, as a one-paragraph text.
     *
     * @throws IllegalArgumentException when a placeholder has no value, or a count is not a number
     */
    Text fill(Map<String, ?> values, Language language, String key) {
        Map<String, Object> arguments = new HashMap<>();
        List<String> standIns = new ArrayList<>();
        uses.forEach((name, use) -> {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(
                        "message '" + key + "' (" + language.code() + ") needs a value for {" + name + "}");
            }
            Object value = values.get(name);
            arguments.put(
                    name,
                    switch (use) {
                        case VALUE -> {
                            standIns.add(String.valueOf(value));
                            yield String.valueOf((char) (FIRST_STAND_IN + standIns.size() - 1));
                        }
                        case COUNT -> count(value, name, language, key);
                        case CHOICE -> String.valueOf(value);
                    });
        });
        String formatted;
        // ICU's MessageFormat is not safe to share between threads while it formats.
        synchronized (format) {
            formatted = format.format(arguments);
        }
        return Text.of(spans(formatted, standIns), language);
    }

    private static Number count(Object value, String name, Language language, String key) {
        if (value instanceof Number number) {
            return number;
        }
        try {
            return new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "message '" + key + "' (" + language.code() + ") counts {" + name + "}, which needs a number");
        }
    }

    /** The formatted text as spans: its markup as {@link Text.Strong} and {@link Text.Code}, stand-ins as values. */
    private static List<Span> spans(String formatted, List<String> standIns) {
        List<Span> spans = new ArrayList<>();
        Matcher markup = MARKUP.matcher(formatted);
        int at = 0;
        while (markup.find()) {
            addWordsAndValues(formatted.substring(at, markup.start()), standIns, spans);
            List<Span> inner = new ArrayList<>();
            boolean strong = markup.group(1) != null;
            addWordsAndValues(strong ? markup.group(1) : markup.group(2), standIns, inner);
            // Words and values alike are what the reader copies from a code: one span, as it will be typed.
            spans.add(strong ? new Text.Strong(inner) : new Text.Code(Text.words(inner)));
            at = markup.end();
        }
        addWordsAndValues(formatted.substring(at), standIns, spans);
        return spans;
    }

    private static void addWordsAndValues(String text, List<String> standIns, List<Span> into) {
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FIRST_STAND_IN && c <= LAST_STAND_IN) {
                if (i > at) {
                    into.add(new Text.Words(text.substring(at, i)));
                }
                into.add(new Text.Value(standIns.get(c - FIRST_STAND_IN)));
                at = i + 1;
            }
        }
        if (at < text.length()) {
            into.add(new Text.Words(text.substring(at)));
        }
    }
}
