package nl.classbridge.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the texts live that schools and translators edit without rebuilding (keys
 * {@code texts.messages-folder} and {@code texts.questionnaires-folder}).
 *
 * @param messagesFolder       the message catalogue, {@code <folder>/<language>/*.yml}
 * @param questionnairesFolder the questionnaires, one {@code .yml} file each
 */
public record Texts(Path messagesFolder, Path questionnairesFolder) {

    public Texts {
        Objects.requireNonNull(messagesFolder, "messagesFolder");
        Objects.requireNonNull(questionnairesFolder, "questionnairesFolder");
    }
}
