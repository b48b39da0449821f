package nl.classbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A questionnaires folder with the shipped questionnaires, and the check-in with the contact
 * question ({@code contact: true}) from {@code src/test/resources/questionnaires}.
 */
public final class ContactQuestionnaires {

    private ContactQuestionnaires() {}

    /** Fills {@code folder} (made if needed) and returns it. */
    public static Path in(Path folder) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> shipped = Files.list(Path.of("config/questionnaires"))) {
                for (Path file : shipped.toList()) {
                    Files.copy(
                            file, folder.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(
                    Path.of("src/test/resources/questionnaires/check-in.yml"),
                    folder.resolve("check-in.yml"),
                    StandardCopyOption.REPLACE_EXISTING);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
