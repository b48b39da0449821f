package nl.classbridge.messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;

/**
 * The catalogue's texts in the family's language, as {@link Text}s and rendered for email.
 *
 * <p>Templates are filled from a plain map of values and nothing else: no lookups ({@code env:},
 * {@code sys:}, {@code file:}, {@code script:}), no defaults, no substitution inside values. A
 * parent called {@code ${env:DISCORD_TOKEN}} stays exactly that. Each value is escaped by the
 * renderer of where the text goes, and a template that needs a value that was not given is an
 * error rather than a text with a hole.
 */
public final class Messages {
    private final MessageCatalogue catalogue;
    private final Language schoolDefault;
    /** Each catalogue text taken apart once, at its first use. */
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

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

    /** For a family: their own language, then the class's. */
    public List<Language> chainFor(Guardian guardian, SchoolClass schoolClass) {
        return chain(guardian.plan().language(), Optional.of(schoolClass.language()));
    }

    /**
     * {@code key} in the first language of {@code chain} that has it, filled with {@code values}:
     * one paragraph, for the adapter to render or the core to compose into a larger text.
     */
    public Text text(String key, List<Language> chain, Map<String, ?> values) {
        Map.Entry<Language, String> found = catalogue.firstIn(chain, key)
                .orElseThrow(() -> new IllegalArgumentException("no message '" + key + "' in any language"));
        return templates.computeIfAbsent(found.getValue(), Template::parse).fill(values, found.getKey(), key);
    }

    /** Renders {@code key} in the first language of {@code chain} that has it, for {@code destination}. */
    public Rendered render(String key, List<Language> chain, Map<String, ?> values, Destination destination) {
        Text text = text(key, chain, values);
        return new Rendered(EmailRendering.of(destination).render(text), text.language());
    }

    /** A composed text as an email's plain-text part, and the language it is in. */
    public static Rendered plainOf(Text text) {
        return new Rendered(EmailRendering.PLAIN.render(text), text.language());
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
        return EmailRendering.of(destination).value(value, language.rightToLeft());
    }

    /** Wraps already-rendered plain text as HTML, with direction and language set. */
    public static String htmlFragment(Rendered plain) {
        Language language = plain.language();
        String direction = language.rightToLeft() ? "rtl" : "ltr";
        return "<div dir=\"" + direction + "\" lang=\"" + language.code() + "\">\n"
                + Escaping.html(plain.text()) + "</div>\n";
    }
}
