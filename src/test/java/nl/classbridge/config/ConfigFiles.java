package nl.classbridge.config;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small helpers for the config tests: real files in a temp dir, the environment as a map. */
final class ConfigFiles {

    private ConfigFiles() {}

    static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("classbridge.yml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Loads, expecting a refusal; fails the test if the config is accepted. */
    static ConfigException refused(Path file, Map<String, String> env) {
        try {
            Settings accepted = ConfigLoader.load(file, env);
            return fail("expected a ConfigException, but the config loaded: " + accepted);
        } catch (ConfigException e) {
            return e;
        }
    }

    static ConfigException refused(Path dir, String yaml) throws IOException {
        return refused(write(dir, yaml), Map.of());
    }
}
