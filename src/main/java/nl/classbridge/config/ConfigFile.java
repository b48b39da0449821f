package nl.classbridge.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.classbridge.config.ConfigException.Problem;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the YAML config file into dotted keys ({@code mail.smtp.host}) with the line each was
 * written on. Nested sections and dotted keys may be mixed. Refuses here what can never be used:
 * secrets, unknown keys, lists and sections where a single value belongs, a key set twice.
 *
 * <p>Values are kept as the text written, so YAML's guesses (08:00 as a number, {@code off} as
 * false) never change what the loader sees.
 */
final class ConfigFile {

    /** A value as written: {@code text} is empty when the key has no value. */
    record Entry(String text, int line) {}

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Path file;
    private final JsonParser parser;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Problem> problems;

    private ConfigFile(Path file, JsonParser parser, List<Problem> problems) {
        this.file = file;
        this.parser = parser;
        this.problems = problems;
    }

    /**
     * The file's settings by dotted key. Problems with single keys are added to {@code problems}
     * so all of them can be reported at once; a file that cannot be read or parsed throws.
     */
    static Map<String, Entry> read(Path file, List<Problem> problems) throws ConfigException {
        String yaml = readText(file);
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return Map.of(); // nothing but comments: every key takes its default
            }
            if (first != JsonToken.START_OBJECT) {
                throw ConfigException.ofFile(
                        file + " line " + parser.currentTokenLocation().getLineNr()
                                + ": expected settings written as 'key: value' lines");
            }
            ConfigFile reader = new ConfigFile(file, parser, problems);
            reader.readSection("");
            if (parser.nextToken() != null) {
                throw ConfigException.ofFile(
                        file + " line " + parser.currentTokenLocation().getLineNr()
                                + ": holds a second YAML document; keep all settings in one, without '---'");
            }
            return reader.entries;
        } catch (JsonProcessingException e) {
            throw notYaml(file, e);
        } catch (IOException e) {
            // Parsing a String only fails with JsonProcessingException; this is for completeness.
            throw ConfigException.ofFile("config file " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static String readText(Path file) throws ConfigException {
        if (!Files.exists(file)) {
            throw ConfigException.ofFile("config file " + file + " not found (looked for " + file.toAbsolutePath()
                    + "); copy the shipped config/classbridge.yml there or point to another file");
        }
        if (Files.isDirectory(file)) {
            throw ConfigException.ofFile("config file " + file + " is a directory; point to the .yml file in it");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // Windows editors like to start UTF-8 files with a byte order mark.
            return text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ConfigException.ofFile("config file " + file + " is not UTF-8 text; save it as UTF-8");
        } catch (AccessDeniedException e) {
            throw ConfigException.ofFile("config file " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw ConfigException.ofFile("config file " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static ConfigException notYaml(Path file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String problem = firstLine(e.getOriginalMessage());
        if (e.getCause() instanceof MarkedYAMLException marked) {
            problem = marked.getProblem();
            if (marked.getProblemMark() != null) {
                line = marked.getProblemMark().getLine() + 1; // snakeyaml counts from 0
            }
        }
        return ConfigException.ofFile(file + " line " + line + ": not valid YAML (" + firstLine(problem)
                + "); check the indentation and that each key is followed by ': '");
    }

    private static String firstLine(String text) {
        return text == null ? "syntax error" : text.strip().lines().findFirst().orElse("syntax error");
    }

    /** Reads the object whose START_OBJECT is the current token, up to and including its END_OBJECT. */
    private void readSection(String prefix) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            JsonToken value = parser.nextToken();
            if (looksSecret(key)) {
                problems.add(Problem.ofKey(key, secretInFile(key) + at(line)));
                parser.skipChildren();
            } else if (value == JsonToken.START_OBJECT) {
                readNested(key, line);
            } else if (value == JsonToken.START_ARRAY) {
                refuseList(key, line);
                parser.skipChildren();
            } else {
                readScalar(key, line, value == JsonToken.VALUE_NULL ? "" : parser.getText());
            }
        }
    }

    private void readNested(String key, int line) throws IOException {
        if (ConfigKey.find(key).isPresent()) {
            problems.add(Problem.ofKey(key, "expected a single value, not a section with keys under it" + at(line)));
            parser.skipChildren();
        } else if (isSection(key)) {
            readSection(key);
        } else {
            problems.add(Problem.ofKey(key, unknown(key) + at(line)));
            parser.skipChildren();
        }
    }

    private void refuseList(String key, int line) {
        if (ConfigKey.find(key).isPresent()) {
            problems.add(Problem.ofKey(key, "is a list; write a single value" + at(line)));
        } else if (isSection(key)) {
            problems.add(Problem.ofKey(key, "is a list; write its settings under it as 'key: value' lines" + at(line)));
        } else {
            problems.add(Problem.ofKey(key, unknown(key) + at(line)));
        }
    }

    private void readScalar(String key, int line, String text) {
        if (ConfigKey.find(key).isPresent()) {
            Entry earlier = entries.putIfAbsent(key, new Entry(text, line));
            if (earlier != null) {
                problems.add(Problem.ofKey(
                        key,
                        "is set twice in " + file + ", on lines " + earlier.line() + " and " + line + "; keep one"));
            }
        } else if (isSection(key)) {
            if (!text.isBlank()) {
                problems.add(Problem.ofKey(
                        key,
                        "is a section, not a single value; write its settings under it, such as " + key + "."
                                + childrenOf(key).iterator().next() + at(line)));
            }
        } else {
            // The value is not echoed: an unknown key may well hold a password.
            problems.add(Problem.ofKey(key, unknown(key) + at(line)));
        }
    }

    private String at(int line) {
        return " (line " + line + " of " + file + ")";
    }

    /**
     * Any key mentioning a password, token or secret: never accepted from the file. A known setting
     * that is no secret (mail.reply-token says where a token goes, it holds none) is an ordinary key.
     */
    static boolean looksSecret(String key) {
        if (ConfigKey.find(key).filter(known -> !known.isSecret()).isPresent()) {
            return false;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("token") || lower.contains("secret");
    }

    private static String secretInFile(String key) {
        Optional<ConfigKey<?>> known = ConfigKey.find(key).filter(ConfigKey::isSecret);
        if (known.isPresent()) {
            return "secrets are not read from the config file; remove it and set "
                    + known.get().environmentVariable() + " in the environment";
        }
        String variables = ConfigKey.all().stream()
                .filter(ConfigKey::isSecret)
                .map(ConfigKey::environmentVariable)
                .collect(Collectors.joining(", "));
        return "secrets are not read from the config file; remove it and set the secret in the environment ("
                + variables + ")";
    }

    private static String unknown(String key) {
        Set<String> candidates = new LinkedHashSet<>(sections());
        ConfigKey.all().stream().filter(k -> !k.isSecret()).map(ConfigKey::key).forEach(candidates::add);
        Optional<String> meant = NearMiss.suggest(key, candidates, '.');
        if (meant.isPresent()) {
            return "unknown setting; did you mean " + meant.get() + "?";
        }
        int dot = key.lastIndexOf('.');
        String parent = dot < 0 ? "" : key.substring(0, dot);
        if (parent.isEmpty() || !isSection(parent)) {
            return "unknown setting; the sections are " + String.join(", ", childrenOf(""));
        }
        return "unknown setting; " + parent + " has " + String.join(", ", childrenOf(parent));
    }

    /** Every dotted prefix of a known key: school, mail, mail.smtp, ... */
    private static Set<String> sections() {
        Set<String> sections = new LinkedHashSet<>();
        for (ConfigKey<?> k : ConfigKey.all()) {
            String key = k.key();
            for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
                sections.add(key.substring(0, dot));
            }
        }
        return sections;
    }

    private static boolean isSection(String key) {
        return sections().contains(key);
    }

    /** The next name level under a section ("" for the top), secrets left out. */
    private static Set<String> childrenOf(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        return ConfigKey.all().stream()
                .filter(k -> !k.isSecret() && k.key().startsWith(prefix))
                .map(k -> k.key().substring(prefix.length()))
                .map(rest -> rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
