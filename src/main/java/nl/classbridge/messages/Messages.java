package nl.classbridge.messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.classbridge.domain.Language;
import org.apache.commons.text.StringSubstitutor;

/**
 * Renders the catalogue's texts safely, in the family's language.
 *
 * <p>Templates are filled by a {@link StringSubstitutor} over a plain map of values and nothing
 * else: no lookups ({@code env:}, {@code sys:}, {@code file:}, {@code script:}), no defaults, no
 * substitution inside values. A parent called {@code ${env:DISCORD_TOKEN}} stays exactly that.
 * Each value is escaped for where the text goes, and a template that needs a value that was not
 * given is an error rather than a text with a hole.
 */
public final class Messages {
    private final MessageCatalogue catalogue;
    private final Language schoolDefault;

    public Messages(MessageCatalogue catalogue, Language schoolDefault) {
        this.catalogue = catalogue;
        this.schoolDefault = schoolDefault;
    }

    /** A text as rendered, and the language it was found in (after fallback). */
    public record Rendered(String text, Language language) {
    }

    /**
     * The languages to try, in order: the family's own, the class's, the school's default, and
     * English last. Empty entries are skipped; each language is tried once.
     */
    public List<Language> chain(Optional<Language> family, Optional<Language> schoolClass) {
        Set<Language> chain = new LinkedHashSet<>();
        family.ifPresent(chain::add);
        schoolClass.ifPresent(chain::add);
        chain.add(schoolDefault);
        chain.add(Language.EN);
        return new ArrayList<>(chain);
    }

    /** Renders {@code key} in the first language of {@code chain} that has it, for {@code destination}. */
    public Rendered render(String key, List<Language> chain, Map<String, ?> values, Destination destination) {
        Map.Entry<Language, String> found = catalogue.firstIn(chain, key)
                .orElseThrow(() -> new IllegalArgumentException("no message '" + key + "' in any language"));
        Language language = found.getKey();
        String text = fill(key, language, found.getValue(), values, destination);
        return new Rendered(text, language);
    }

    /** A text for Discord (a DM, a channel post, a button or modal label). */
    public String discord(String key, List<Language> chain, Map<String, ?> values) {
        return render(key, chain, values, Destination.DISCORD).text();
    }

    /** A text for an email's plain-text part. */
    public String plain(String key, List<Language> chain, Map<String, ?> values) {
        return render(key, chain, values, Destination.PLAIN).text();
    }

    /** An HTML fragment for an email's HTML part, marked right-to-left for Arabic. */
    public String html(String key, List<Language> chain, Map<String, ?> values) {
        return htmlFragment(render(key, chain, values, Destination.HTML));
    }

    /** A single line for an email header such as the subject. */
    public String header(String key, List<Language> chain, Map<String, ?> values) {
        return Escaping.header(render(key, chain, values, Destination.MAIL_HEADER).text());
    }

    /**
     * One value made safe for {@code destination}, as a template's placeholder would be: for text
     * that stands on its own, such as a highlight in a bullet list.
     */
    public static String escape(String value, Destination destination, Language language) {
        return Escaping.value(value, destination, language.rightToLeft());
    }

    /** Wraps already-rendered plain text as HTML, with direction and language set. */
    public static String htmlFragment(Rendered plain) {
        Language language = plain.language();
        String direction = language.rightToLeft() ? "rtl" : "ltr";
        return "<div dir=\"" + direction + "\" lang=\"" + language.code() + "\">\n"
                + Escaping.html(plain.text()) + "</div>\n";
    }

    private static String fill(String key, Language language, String template, Map<String, ?> values,
            Destination destination) {
        Map<String, String> escaped = new HashMap<>();
        values.forEach((name, value) ->
                escaped.put(name, Escaping.value(String.valueOf(value), destination, language.rightToLeft())));
        for (String name : Placeholders.in(template)) {
            if (!escaped.containsKey(name)) {
                throw new IllegalArgumentException(
                        "message '" + key + "' (" + language.code() + ") needs a value for ${" + name + "}");
            }
        }
        StringSubstitutor substitutor = new StringSubstitutor(escaped);
        substitutor.setEnableUndefinedVariableException(true);
        substitutor.setDisableSubstitutionInValues(true);
        substitutor.setEnableSubstitutionInVariables(false);
        substitutor.setValueDelimiterMatcher(null);
        return substitutor.replace(template);
    }
}
