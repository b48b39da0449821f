package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Docs move with code: a key added to the registry but not to the README fails here. */
class ReadmeDocumentsConfigTest {
    @Test
    @DisplayName("the README's configuration reference names every key and its environment variable")
    void everyKeyDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (ConfigKey<?> key : ConfigKey.all()) {
            assertThat(readme)
                    .as("README mentions %s", key.environmentVariable())
                    .contains(key.environmentVariable());
            if (!key.isSecret()) {
                assertThat(readme).as("README documents %s", key.key()).contains("`" + key.key() + "`");
            }
        }
    }
}
