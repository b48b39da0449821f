package nl.classbridge.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.classbridge.domain.Language;

/**
 * Every text the bot sends, per language, as translators wrote it in {@code messages/<lang>/}.
 *
 * <p>Each language folder holds YAML files, one per area ({@code checkin.yml}, {@code email.yml},
 * ...). A file is a nested map whose leaves are texts; a text's key is the file name followed by
 * the path to it, so {@code button: {skip: ...}} in {@code checkin.yml} is
 * {@code checkin.button.skip}. Texts are ICU MessageFormat patterns: placeholders are {@code {name}},
 * counts are plurals ({@code {minutes, plural, one {# minuut} other {# minuten}}}), and an
 * apostrophe before a brace quotes it (see {@code messages/README.md}).
 */
public final class MessageCatalogue {
    private static final Pattern KEY_PART = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /**
     * Areas written for some languages only: the sandbox's page speaks Dutch and English (what the bot
     * sends from it keeps each family's language). Elsewhere every language has every text.
     */
    private static final Map<String, Set<Language>> PARTIAL_AREAS = Map.of("sandbox", Set.of(Language.NL, Language.EN));

    private final Map<Language, Map<String, String>> texts;

    private MessageCatalogue(Map<Language, Map<String, String>> texts) {
        this.texts = texts;
    }

    /** Reads every language folder under {@code folder}; a language without a folder has no texts. */
    public static MessageCatalogue load(Path folder) throws CatalogueException {
        if (!Files.isDirectory(folder)) {
            throw new CatalogueException("message folder " + folder + " not found; run ClassBridge from the folder"
                    + " that holds config/ and messages/");
        }
        Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Path languageFolder = folder.resolve(language.code());
            if (Files.isDirectory(languageFolder)) {
                texts.put(language, loadLanguage(languageFolder));
            }
        }
        if (!texts.containsKey(Language.EN)) {
            throw new CatalogueException("messages/en is missing: English is the last fallback for every text");
        }
        return new MessageCatalogue(texts);
    }

    /** The text for {@code key} in {@code language}, if that language has it. */
    public Optional<String> find(Language language, String key) {
        return Optional.ofNullable(texts.getOrDefault(language, Map.of()).get(key));
    }

    /** The first language of {@code chain} that has {@code key}, with its text. */
    public Optional<Map.Entry<Language, String>> firstIn(List<Language> chain, String key) {
        for (Language language : chain) {
            Optional<String> text = find(language, key);
            if (text.isPresent()) {
                return Optional.of(Map.entry(language, text.get()));
            }
        }
        return Optional.empty();
    }

    public Set<String> keys(Language language) {
        return Collections.unmodifiableSet(
                texts.getOrDefault(language, Map.of()).keySet());
    }

    /** Every key in any language, sorted. */
    public Set<String> allKeys() {
        Set<String> all = new TreeSet<>();
        texts.values().forEach(map -> all.addAll(map.keySet()));
        return all;
    }

    public Set<Language> languages() {
        return Collections.unmodifiableSet(texts.keySet());
    }

    /** The placeholders a text uses, in order of first use. */
    public static Set<String> placeholders(String text) {
        return Placeholders.in(text);
    }

    /**
     * What translators must fix: keys missing in a language, placeholders that differ from
     * English, empty texts, a count another language puts through a plural that a language does not, and
     * plurals whose categories are not the language's own (Arabic has six, Polish four). Empty when the catalogue is complete.
     */
    public List<String> inconsistencies() {
        List<String> problems = new ArrayList<>();
        Map<String, String> english = texts.get(Language.EN);
        // Per key, once: who counts which value (each text read once, not once per language that has the key).
        Map<String, Map<String, Language>> counters = new HashMap<>();
        for (Language language : Language.values()) {
            Map<String, String> own = texts.getOrDefault(language, Map.of());
            for (String key : expectedKeys(language)) {
                String text = own.get(key);
                if (text == null) {
                    problems.add(language.code() + ": " + key + " is missing");
                } else if (text.isBlank()) {
                    problems.add(language.code() + ": " + key + " is empty");
                } else if (english.containsKey(key)
                        && !new TreeSet<>(placeholders(text)).equals(new TreeSet<>(placeholders(english.get(key))))) {
                    problems.add(language.code() + ": " + key + " has placeholders " + new TreeSet<>(placeholders(text))
                            + " but en has " + new TreeSet<>(placeholders(english.get(key))));
                } else {
                    problems.addAll(PluralCheck.problems(
                            language, key, text, counters.computeIfAbsent(key, k -> PluralCheck.counters(textsOf(k)))));
                }
            }
        }
        return problems;
    }

    /** The texts of {@code key}, by language. */
    private Map<Language, String> textsOf(String key) {
        Map<Language, String> of = new EnumMap<>(Language.class);
        texts.forEach((language, own) -> {
            if (own.containsKey(key)) {
                of.put(language, own.get(key));
            }
        });
        return of;
    }

    /** The keys {@code language} must have: every key, but those of areas written for other languages only. */
    public Set<String> expectedKeys(Language language) {
        Set<String> expected = new TreeSet<>();
        for (String key : allKeys()) {
            Set<Language> only = PARTIAL_AREAS.get(key.substring(0, key.indexOf('.')));
            if (only == null || only.contains(language)) {
                expected.add(key);
            }
        }
        return expected;
    }

    private static Map<String, String> loadLanguage(Path languageFolder) throws CatalogueException {
        Map<String, String> texts = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(languageFolder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CatalogueException("cannot read " + languageFolder + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            String area = file.getFileName().toString().replaceFirst("\\.yml$", "");
            flatten(file, area, YamlFile.readMap(file), texts);
        }
        return texts;
    }

    /** {@code text} if it is a pattern the catalogue allows; otherwise what the translator must fix. */
    private static String checked(Path file, String key, String text) throws CatalogueException {
        if (text.contains("${")) {
            throw new CatalogueException(file + ": " + key + " has '${': placeholders are written {child} now,"
                    + " without the dollar sign");
        }
        if (text.chars().anyMatch(c -> c >= Template.FIRST_STAND_IN && c <= Template.LAST_STAND_IN)) {
            throw new CatalogueException(file + ": " + key + " holds a private-use character (U+E000-U+E0FF)");
        }
        try {
            Placeholders.read(text);
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(file + ": " + key + ": " + e.getMessage(), e);
        }
        return text;
    }

    private static void flatten(Path file, String prefix, JsonNode node, Map<String, String> into)
            throws CatalogueException {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!KEY_PART.matcher(field.getKey()).matches()) {
                throw new CatalogueException(
                        file + ": key '" + field.getKey() + "' must be lower-case letters, digits and dashes");
            }
            String key = prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(file, key, value, into);
            } else if (value.isTextual()) {
                into.put(key, checked(file, key, value.textValue()));
            } else {
                throw new CatalogueException(file + ": " + key + " must be a text (put it in quotes)");
            }
        }
    }
}
