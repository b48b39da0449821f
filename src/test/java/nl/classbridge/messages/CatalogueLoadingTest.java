package nl.classbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import nl.classbridge.domain.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoadingTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("nested YAML keys become file.path keys")
    void keys() throws Exception {
        CatalogueFiles.write(folder, "en", "checkin", "button:\n  skip: Skip\ngreeting: \"Hello {name}\"\n");
        MessageCatalogue catalogue = MessageCatalogue.load(folder);
        assertThat(catalogue.allKeys()).containsExactly("checkin.button.skip", "checkin.greeting");
        assertThat(catalogue.find(Language.EN, "checkin.greeting")).contains("Hello {name}");
    }

    @Test
    @DisplayName("a key missing in a language, a placeholder that differs, and an empty text are each reported")
    void inconsistencies() throws Exception {
        CatalogueFiles.write(folder, "en", "join", "success: \"Welcome, {child}\"\nused: Used\nempty: Something\n");
        CatalogueFiles.write(folder, "nl", "join", "success: \"Welkom, {kind}\"\nempty: \"  \"\n");
        MessageCatalogue catalogue = MessageCatalogue.load(folder);
        assertThat(catalogue.inconsistencies())
                .contains(
                        "nl: join.used is missing",
                        "nl: join.empty is empty",
                        "nl: join.success has placeholders [kind] but en has [child]",
                        "ar: join.success is missing");
    }

    @Test
    @DisplayName("a '${' that is not a plain placeholder (a lookup, a default) is refused at load, naming the file")
    void lookupsInTemplatesRefused() throws Exception {
        CatalogueFiles.write(folder, "en", "common", "leak: \"token ${env:DISCORD_TOKEN}\"\n");
        assertThatThrownBy(() -> MessageCatalogue.load(folder))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("common.yml")
                .hasMessageContaining("common.leak");

        CatalogueFiles.write(folder, "en", "common", "fallback: \"hi ${name:-there}\"\n");
        assertThatThrownBy(() -> MessageCatalogue.load(folder)).hasMessageContaining("common.fallback");

        // Written the new way, a lookup is no placeholder name: refused too, not left for ICU to show.
        CatalogueFiles.write(folder, "en", "common", "fallback: \"token {env:DISCORD_TOKEN}\"\n");
        assertThatThrownBy(() -> MessageCatalogue.load(folder))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("common.fallback");
    }

    @Test
    @DisplayName("a non-text value, a bad key and a YAML syntax error are refused with the file named")
    void malformed() throws Exception {
        CatalogueFiles.write(folder, "en", "common", "count: [1, 2]\n");
        assertThatThrownBy(() -> MessageCatalogue.load(folder))
                .hasMessageContaining("common.count")
                .hasMessageContaining("text");

        CatalogueFiles.write(folder, "en", "common", "Bad_Key: x\n");
        assertThatThrownBy(() -> MessageCatalogue.load(folder)).hasMessageContaining("Bad_Key");

        CatalogueFiles.write(folder, "en", "common", "ok: fine\nbroken: \"unclosed\n");
        assertThatThrownBy(() -> MessageCatalogue.load(folder)).hasMessageContaining("common.yml line");
    }

    @Test
    @DisplayName("a missing folder, or one without English (the last fallback), is refused")
    void missing() throws Exception {
        assertThatThrownBy(() -> MessageCatalogue.load(folder.resolve("nope"))).hasMessageContaining("not found");
        CatalogueFiles.write(folder, "nl", "common", "yes: Ja\n");
        assertThatThrownBy(() -> MessageCatalogue.load(folder)).hasMessageContaining("messages/en");
    }
}
