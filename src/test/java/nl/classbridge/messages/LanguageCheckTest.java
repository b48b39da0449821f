package nl.classbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.classbridge.domain.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The language check of the build: what each language's guide ({@code messages/<lang>/STYLE.md})
 * rules out never appears in its texts (the catalogue and the shipped questionnaires), no value is
 * glued to a suffix, and every count goes through an ICU plural. The guide's rules live in a
 * fenced {@code yaml} block in the guide itself, so translators read a rule where it is checked.
 */
@DisplayName("The language check: each language's guide holds in all its texts")
class LanguageCheckTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern RULES_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    private static MessageCatalogue catalogue;

    /** A rule of a guide: a pattern that must not occur, why, and a text it catches. */
    record Rule(Pattern pattern, String why, String example) {}

    @BeforeAll
    static void load() throws Exception {
        catalogue = MessageCatalogue.load(Path.of("messages"));
    }

    @Test
    @DisplayName("every language has a guide with rules, and each rule catches its own example")
    void guidesWithRules() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Language language : Language.values()) {
            List<Rule> rules = rules(language);
            if (rules.isEmpty()) {
                problems.add(language.code() + ": no rules in messages/" + language.code() + "/STYLE.md");
            }
            for (Rule rule : rules) {
                if (!rule.pattern().matcher(rule.example()).find()) {
                    problems.add(language.code() + ": rule '" + rule.pattern() + "' does not catch its example '"
                            + rule.example() + "'");
                }
                if (rule.why().isBlank()) {
                    problems.add(language.code() + ": rule '" + rule.pattern() + "' does not say why");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("no text breaks its language's guide: forms of address, privacy wording, calques, grammar")
    void guidesHold() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Language language : Language.values()) {
            List<Rule> rules = rules(language);
            texts(language).forEach((where, text) -> {
                for (Rule rule : rules) {
                    Matcher found = rule.pattern().matcher(text);
                    if (found.find()) {
                        broken.add(language.code() + " " + where + ": '" + found.group() + "': " + rule.why());
                    }
                }
            });
        }
        assertThat(broken).isEmpty();
    }

    @Test
    @DisplayName("no value is glued to a suffix or a case ending: it stands as a word of its own")
    void noValueGluedToASuffix() throws IOException {
        Pattern glued = Pattern.compile("\\{[a-z][a-z0-9]*}['’]?\\p{L}|\\p{L}['’]?\\{[a-z][a-z0-9]*}");
        List<String> broken = new ArrayList<>();
        for (Language language : Language.values()) {
            catalogueTexts(language).forEach((key, text) -> {
                Matcher found = glued.matcher(text);
                while (found.find()) {
                    broken.add(language.code() + " " + key + ": '" + found.group() + "'");
                }
            });
        }
        assertThat(broken)
                .as("write the sentence around the value (\"saat {time}\", \"Termin: {deadline}\")")
                .isEmpty();
    }

    @Test
    @DisplayName("every count goes through an ICU plural: no 'ouder(s)', and what one language counts, all count")
    void pluralsThroughIcu() {
        Pattern bracketed = Pattern.compile("\\p{L}\\(\\p{L}{1,3}\\)");
        List<String> broken = new ArrayList<>();
        for (Language language : Language.values()) {
            catalogueTexts(language).forEach((key, text) -> {
                Matcher hack = bracketed.matcher(text);
                if (hack.find()) {
                    broken.add(language.code() + " " + key + ": '" + hack.group() + "'");
                }
            });
        }
        assertThat(broken).as("write counts as {n, plural, ...}").isEmpty();
        // What one language counts, all count: the catalogue's own consistency check says where not.
        assertThat(catalogue.inconsistencies())
                .filteredOn(problem -> problem.contains("counts it"))
                .isEmpty();
    }

    static List<Rule> rules(Language language) throws IOException {
        Path guide = Path.of("messages", language.code(), "STYLE.md");
        if (!Files.exists(guide)) {
            return List.of();
        }
        Matcher block = RULES_BLOCK.matcher(Files.readString(guide, StandardCharsets.UTF_8));
        List<Rule> rules = new ArrayList<>();
        while (block.find()) {
            JsonNode never = YAML.readTree(block.group(1)).path("never");
            for (JsonNode rule : never) {
                rules.add(new Rule(
                        Pattern.compile(rule.path("pattern").asText(), Pattern.UNICODE_CHARACTER_CLASS),
                        rule.path("why").asText(),
                        rule.path("example").asText()));
            }
        }
        return rules;
    }

    /** Every text of {@code language}: the catalogue's by key, the shipped questionnaires' by file and path. */
    private static Map<String, String> texts(Language language) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>(catalogueTexts(language));
        try (Stream<Path> files = Files.list(Path.of("config", "questionnaires"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                collect(YAML.readTree(file.toFile()), file.getFileName().toString(), language, texts);
            }
        }
        return texts;
    }

    private static Map<String, String> catalogueTexts(Language language) {
        Map<String, String> texts = new LinkedHashMap<>();
        catalogue
                .keys(language)
                .forEach(key -> texts.put(key, catalogue.find(language, key).orElseThrow()));
        return texts;
    }

    private static void collect(JsonNode node, String where, Language language, Map<String, String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals(language.code()) && field.getValue().isTextual()) {
                    into.put(where, field.getValue().asText());
                } else {
                    collect(field.getValue(), where + "." + field.getKey(), language, into);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                collect(item, where + "." + item.path("id").asText(String.valueOf(i)), language, into);
            }
        }
    }
}
