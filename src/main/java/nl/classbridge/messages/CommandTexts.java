package nl.classbridge.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.classbridge.domain.Language;

/**
 * Names and descriptions of the slash commands, from {@code messages/commands.yml}: English, as
 * Discord shows them by default, and Dutch for people whose Discord is set to Dutch. The commands
 * parents use also have Turkish, Polish and Ukrainian texts (optional, as teachers work in Dutch).
 * The bot recognises commands by their English names, which equal the keys in the file.
 *
 * <p>Entries are addressed as Discord writes a full command: {@code "class"},
 * {@code "class setup"}, and for an option {@code "class setup name"}.
 */
public final class CommandTexts {
    public static final int MAX_NAME = 32;
    public static final int MAX_DESCRIPTION = 100;
    // Discord: lower case where a script has case, letters and digits of any script, '-' and '_'.
    private static final Pattern NAME = Pattern.compile("[-_\\p{Ll}\\p{Lo}\\p{N}]{1,32}");

    /** Languages an entry may have besides English and Dutch: those Discord offers as client languages. */
    public static final List<Language> OPTIONAL = List.of(Language.TR, Language.PL, Language.UK);

    /** A text in English and Dutch, and in {@code more} of the {@link #OPTIONAL} languages. */
    public record Localized(String en, String nl, Map<Language, String> more) {
        public Localized {
            more = Map.copyOf(more);
        }

        public Localized(String en, String nl) {
            this(en, nl, Map.of());
        }

        /** The text in {@code language}, if the entry has it. */
        public Optional<String> in(Language language) {
            return switch (language) {
                case EN -> Optional.of(en);
                case NL -> Optional.of(nl);
                default -> Optional.ofNullable(more.get(language));
            };
        }

        /** Every text, English first. */
        public List<String> all() {
            List<String> all = new ArrayList<>(List.of(en, nl));
            OPTIONAL.stream().map(more::get).filter(java.util.Objects::nonNull).forEach(all::add);
            return all;
        }
    }

    /** One command, subcommand or option. */
    public record Entry(Localized name, Localized description) {}

    private final Map<String, Entry> entries;

    private CommandTexts(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static CommandTexts load(Path file) throws CatalogueException {
        JsonNode root = YamlFile.readMap(file);
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        readLevel(root, "", entries, problems);
        if (!problems.isEmpty()) {
            throw new CatalogueException(file + ": " + String.join("; ", problems));
        }
        return new CommandTexts(entries);
    }

    public Optional<Entry> find(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** The entry at {@code path}; a missing one is a bug in the command's definition. */
    public Entry get(String path) {
        return find(path).orElseThrow(() -> new IllegalArgumentException("no text for command '" + path + "'"));
    }

    public Set<String> paths() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** Reads the entries of one level (commands, subcommands or options) below {@code prefix}. */
    private static void readLevel(JsonNode level, String prefix, Map<String, Entry> into, List<String> problems) {
        Map<Language, Set<String>> namesAtLevel = new java.util.EnumMap<>(Language.class);
        Iterator<Map.Entry<String, JsonNode>> fields = level.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + " " + field.getKey();
            JsonNode node = field.getValue();
            Localized name = localized(node.path("name"), path + ": name", problems);
            Localized description = localized(node.path("description"), path + ": description", problems);
            if (name == null || description == null) {
                continue;
            }
            if (!name.en().equals(field.getKey())) {
                problems.add(path + ": the English name must be '" + field.getKey() + "', the name the bot knows");
            }
            for (String each : name.all()) {
                if (!NAME.matcher(each).matches()) {
                    problems.add(path + ": name '" + each + "' must be 1 to " + MAX_NAME
                            + " lower-case letters, digits, '-' or '_'");
                }
            }
            for (Language language : Language.values()) {
                Optional<String> localName = name.in(language);
                if (language != Language.EN
                        && localName.isPresent()
                        && !namesAtLevel
                                .computeIfAbsent(language, l -> new HashSet<>())
                                .add(localName.get())) {
                    problems.add(path + ": the " + language.code() + " name '" + localName.get()
                            + "' is used twice at this level");
                }
            }
            for (String each : description.all()) {
                if (each.isBlank() || each.length() > MAX_DESCRIPTION) {
                    problems.add(path + ": description must be 1 to " + MAX_DESCRIPTION + " characters");
                }
            }
            into.put(path, new Entry(name, description));
            for (String child : List.of("subcommands", "options")) {
                if (node.has(child)) {
                    readLevel(node.get(child), path, into, problems);
                }
            }
        }
    }

    private static Localized localized(JsonNode node, String where, List<String> problems) {
        if (!node.path("en").isTextual() || !node.path("nl").isTextual()) {
            problems.add(where + " needs an 'en' and an 'nl' text");
            return null;
        }
        Map<Language, String> more = new java.util.EnumMap<>(Language.class);
        for (Language language : OPTIONAL) {
            JsonNode text = node.path(language.code());
            if (text.isTextual()) {
                more.put(language, text.textValue());
            } else if (!text.isMissingNode()) {
                problems.add(where + ": the '" + language.code() + "' text must be text");
            }
        }
        Iterator<String> keys = node.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.equals("en")
                    && !key.equals("nl")
                    && OPTIONAL.stream().noneMatch(l -> l.code().equals(key))) {
                problems.add(where + ": '" + key + "' is not a language a command can have (en, nl, tr, pl, uk)");
            }
        }
        return new Localized(node.get("en").textValue(), node.get("nl").textValue(), more);
    }
}
