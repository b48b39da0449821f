package nl.classbridge.messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small catalogues for tests: {@code messages/<lang>/<area>.yml}. */
final class CatalogueFiles {
    private CatalogueFiles() {}

    static void write(Path folder, String language, String area, String yaml) throws IOException {
        Path file = folder.resolve(language).resolve(area + ".yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }
}
