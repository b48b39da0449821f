package nl.classbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shipped service (deploy/classbridge.service), the instructions in README and
 * docs/operations.md, and the Containerfile tell one story: the same command and the same JVM flags.
 * A flag changed in one place only fails here, so the measured memory figures stay the ones people run.
 */
class ServiceFileTest {
    private static final Path UNIT = Path.of("deploy/classbridge.service");

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).toList();
    }

    /** The value of {@code key=} in the unit file; the unit must set it exactly once. */
    private static String setting(List<String> unit, String key) {
        List<String> values = unit.stream()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1))
                .toList();
        assertThat(values).as("%s in %s", key, UNIT).hasSize(1);
        return values.get(0);
    }

    /** Every {@code key=} line in a document, as written there (the ini blocks in Markdown). */
    private static List<String> documented(Path document, String key) throws IOException {
        return lines(document).stream()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1))
                .toList();
    }

    /** The JVM's flags of a command line: what stands between {@code java} and {@code -jar}. */
    private static List<String> flags(List<String> command) {
        assertThat(command.get(0)).endsWith("java");
        int jar = command.indexOf("-jar");
        assertThat(jar).as("-jar in %s", command).isPositive();
        return command.subList(1, jar);
    }

    /** {@code NAME=value NAME2=value2} as a map (no quoting: the shipped values need none). */
    private static Map<String, String> pairs(String words) {
        Map<String, String> pairs = new HashMap<>();
        for (String pair : words.strip().split("\\s+")) {
            assertThat(pair).contains("=");
            pairs.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return pairs;
    }

    private static List<String> execStart() throws IOException {
        return Arrays.asList(setting(lines(UNIT), "ExecStart").split("\\s+"));
    }

    @Test
    @DisplayName(
            "the unit runs the jar's 'run' as the classbridge user, hardened, with the memory flags and secrets from a file")
    void unitFileIsHardened() throws IOException {
        List<String> unit = lines(UNIT);
        List<String> command = execStart();
        int jar = command.indexOf("-jar");
        assertThat(command.subList(jar, command.size()))
                .containsExactly("-jar", setting(unit, "WorkingDirectory") + "/classbridge.jar", "run");
        assertThat(flags(command))
                .anyMatch(flag -> flag.startsWith("-Xmx"))
                .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");
        // glibc's malloc: 2 arenas instead of 8 per core (docs/performance.md, "Memory (issue 14)").
        assertThat(pairs(setting(unit, "Environment"))).containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(setting(unit, "User")).isEqualTo("classbridge");
        assertThat(setting(unit, "NoNewPrivileges")).isEqualTo("yes");
        assertThat(setting(unit, "ProtectSystem")).isEqualTo("strict");
        assertThat(setting(unit, "ReadWritePaths")).isEqualTo(setting(unit, "WorkingDirectory") + "/data");
        assertThat(setting(unit, "PrivateTmp")).isEqualTo("yes");
        assertThat(setting(unit, "ProtectHome")).isEqualTo("yes");
        assertThat(setting(unit, "Restart")).isEqualTo("on-failure");
        assertThat(setting(unit, "EnvironmentFile")).startsWith("/etc/classbridge/");
    }

    @Test
    @DisplayName(
            "README and docs/operations.md show the unit's ExecStart, Environment, user, folder and secrets file, word for word")
    void documentsNameTheSameCommand() throws IOException {
        List<String> unit = lines(UNIT);
        for (Path document : List.of(Path.of("README.md"), Path.of("docs/operations.md"))) {
            for (String key : List.of("ExecStart", "Environment", "WorkingDirectory", "User", "EnvironmentFile")) {
                assertThat(documented(document, key))
                        .as("%s= in %s", key, document)
                        .isNotEmpty()
                        .allMatch(value -> value.equals(setting(unit, key)), "equal to " + setting(unit, key));
            }
        }
    }

    @Test
    @DisplayName("docs/operations.md shows the shipped unit file whole")
    void operationsShowsTheUnitFile() throws IOException {
        String operations = Files.readString(Path.of("docs/operations.md"));
        for (String line : lines(UNIT)) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                assertThat(operations).as("docs/operations.md shows '%s'", line).contains(line);
            }
        }
    }

    @Test
    @DisplayName(
            "the Containerfile runs the jar as a non-root user, with a data volume and the unit's JVM flags and environment")
    void containerUsesTheSameFlags() throws IOException {
        List<String> containerfile = lines(Path.of("Containerfile"));
        Optional<String> entrypoint = containerfile.stream()
                .filter(line -> line.startsWith("ENTRYPOINT "))
                .findFirst();
        assertThat(entrypoint).as("ENTRYPOINT in the Containerfile").isPresent();
        List<String> command = new ArrayList<>();
        for (JsonNode word : new ObjectMapper().readTree(entrypoint.get().substring("ENTRYPOINT ".length()))) {
            command.add(word.asText());
        }
        assertThat(flags(command)).isEqualTo(flags(execStart()));
        Map<String, String> env = new HashMap<>();
        containerfile.stream()
                .filter(line -> line.startsWith("ENV "))
                .forEach(line -> env.putAll(pairs(line.substring("ENV ".length()))));
        assertThat(env)
                .as("the Containerfile's ENV, the unit's Environment=")
                .isEqualTo(pairs(setting(lines(UNIT), "Environment")));
        assertThat(containerfile)
                .anyMatch(line -> line.startsWith("FROM ") && line.contains("jre"))
                .anyMatch(line -> line.startsWith("VOLUME ") && line.contains("/data"))
                .anyMatch(line -> line.matches("USER (?!root\\b|0\\b)\\S+"))
                .anyMatch(line -> line.equals("CMD [\"run\"]"));
    }
}
