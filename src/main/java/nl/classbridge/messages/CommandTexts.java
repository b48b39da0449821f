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

/**
 * Names and descriptions of the slash commands, from {@code messages/commands.yml}: English, as
 * Discord shows them by default, and Dutch for people whose Discord is set to Dutch. The bot
 * recognises commands by their English names, which equal the keys in the file.
 *
 * <p>Entries are addressed as Discord writes a full command: {@code "class"},
 * {@code "class setup"}, and for an option {@code "class setup name"}.
 */
public final class CommandTexts {
    public static final int MAX_NAME = 32;
    public static final int MAX_DESCRIPTION = 100;
    // Discord: lower case where a script has case, letters and digits of any script, '-' and '_'.
    private static final Pattern NAME = Pattern.compile("[-_\\p{Ll}\\p{Lo}\\p{N}]{1,32}");

    /** A text in English and Dutch. */
    public record Localized(String en, String nl) {}

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
        Set<String> dutchNames = new HashSet<>();
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
            for (String each : List.of(name.en(), name.nl())) {
                if (!NAME.matcher(each).matches()) {
                    problems.add(path + ": name '" + each + "' must be 1 to " + MAX_NAME
                            + " lower-case letters, digits, '-' or '_'");
                }
            }
            if (!dutchNames.add(name.nl())) {
                problems.add(path + ": the Dutch name '" + name.nl() + "' is used twice at this level");
            }
            for (String each : List.of(description.en(), description.nl())) {
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
        return new Localized(node.get("en").textValue(), node.get("nl").textValue());
    }
}
