package nl.classbridge.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Text.Span;

/**
 * A catalogue text taken apart once: the translator's words, {@code ${name}} placeholders, and
 * {@code **emphasis**} (on one line), the catalogue's one bit of markup. Filling it gives a
 * {@link Text} whose values are still raw, for each renderer to escape its own way.
 *
 * <p>Values are put in as they are, never read as templates themselves: a parent called
 * {@code ${env:DISCORD_TOKEN}} stays exactly that. A {@code **} without its pair on the line is
 * a word like any other.
 */
final class Template {
    private static final Pattern MARKUP = Pattern.compile("\\*\\*(.+?)\\*\\*|`([^`\\n]+)`");

    /** A part of a template before it is filled. */
    private sealed interface Part permits Words, Slot, Strong, Code {}

    private record Words(String text) implements Part {}

    private record Slot(String name) implements Part {}

    private record Strong(List<Part> parts) implements Part {}

    private record Code(List<Part> parts) implements Part {}

    private final List<Part> parts;

    private Template(List<Part> parts) {
        this.parts = parts;
    }

    static Template parse(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher markup = MARKUP.matcher(text);
        int at = 0;
        while (markup.find()) {
            addWordsAndSlots(text.substring(at, markup.start()), parts);
            List<Part> inner = new ArrayList<>();
            boolean strong = markup.group(1) != null;
            addWordsAndSlots(strong ? markup.group(1) : markup.group(2), inner);
            parts.add(strong ? new Strong(List.copyOf(inner)) : new Code(List.copyOf(inner)));
            at = markup.end();
        }
        addWordsAndSlots(text.substring(at), parts);
        return new Template(List.copyOf(parts));
    }

    /**
     * The template with {@code values} in its placeholders, as a one-paragraph text.
     *
     * @throws IllegalArgumentException when a placeholder has no value
     */
    Text fill(Map<String, ?> values, Language language, String key) {
        return Text.of(fill(parts, values, language, key), language);
    }

    private static List<Span> fill(List<Part> parts, Map<String, ?> values, Language language, String key) {
        List<Span> spans = new ArrayList<>(parts.size());
        for (Part part : parts) {
            if (part instanceof Words words) {
                spans.add(new Text.Words(words.text()));
            } else if (part instanceof Slot slot) {
                if (!values.containsKey(slot.name())) {
                    throw new IllegalArgumentException(
                            "message '" + key + "' (" + language.code() + ") needs a value for ${" + slot.name() + "}");
                }
                spans.add(new Text.Value(String.valueOf(values.get(slot.name()))));
            } else if (part instanceof Strong strong) {
                spans.add(new Text.Strong(fill(strong.parts(), values, language, key)));
            } else if (part instanceof Code code) {
                // Words and values alike are what the reader copies: one span, filled as it will be typed.
                spans.add(new Text.Code(Text.words(fill(code.parts(), values, language, key))));
            }
        }
        return spans;
    }

    private static void addWordsAndSlots(String text, List<Part> into) {
        Matcher slot = Placeholders.PLACEHOLDER.matcher(text);
        int at = 0;
        while (slot.find()) {
            if (slot.start() > at) {
                into.add(new Words(text.substring(at, slot.start())));
            }
            into.add(new Slot(slot.group(1)));
            at = slot.end();
        }
        if (at < text.length()) {
            into.add(new Words(text.substring(at)));
        }
    }
}
