package nl.classbridge.checkin.questionnaire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.classbridge.domain.QuestionnaireVersion;

/**
 * Reads the questionnaires the teacher can send from {@code config/questionnaires/<id>.yml}. The
 * shipped files explain the format in their header comments. Everything is checked on loading, so
 * the Discord and email code can rely on it: all six languages, the lengths Discord allows, five
 * labels per scale, unique ids, no unknown keys. A file with a problem is skipped with one line
 * that names file, line and reason; the other files still load.
 */
public final class QuestionnaireLoader {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final char NOT_UTF_8 = '\uFFFD';

    private QuestionnaireLoader() {}

    /**
     * Every {@code .yml} (or {@code .yaml}) file in {@code folder}, in file name order. Two files
     * with the same id (check-in.yml and check-in.yaml) load the first and refuse the second.
     */
    public static LoadResult loadAll(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new LoadResult(
                    Map.of(),
                    List.of("questionnaire folder " + folder + " not found (looked for " + folder.toAbsolutePath()
                            + "); no questionnaires can be sent"));
        }
        Map<String, LoadedQuestionnaire> loaded = new LinkedHashMap<>();
        Map<String, String> fileOfId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(QuestionnaireLoader::isQuestionnaireFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return new LoadResult(Map.of(), List.of("questionnaire folder " + folder + " cannot be read: " + e));
        }
        for (Path path : files) {
            String file = path.getFileName().toString();
            try {
                String text = readText(path, file);
                QuestionnaireReader.Read read = QuestionnaireReader.read(file, text);
                String id = read.questionnaire().id();
                String first = fileOfId.putIfAbsent(id, file);
                if (first != null) {
                    throw new QuestionnaireException(
                            file,
                            read.idLine(),
                            "duplicate questionnaire id '" + id + "', also in " + first
                                    + "; keep one of the two files");
                }
                loaded.put(id, new LoadedQuestionnaire(read.questionnaire(), text, contentHash(text)));
            } catch (QuestionnaireException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e);
            }
        }
        return new LoadResult(loaded, problems);
    }

    /**
     * The questionnaire in {@code text}, checked as {@link #loadAll} does.
     *
     * @param fileName the file's name without folder, such as {@code check-in.yml}: messages name
     *                 it, and the questionnaire's id must match it
     */
    public static Questionnaire parse(String fileName, String text) throws QuestionnaireException {
        return QuestionnaireReader.read(fileName, text).questionnaire();
    }

    /** A version kept in the store, as it was asked, to show answers next to their questions. */
    public static Questionnaire parse(QuestionnaireVersion stored) throws QuestionnaireException {
        return parse(stored.questionnaire() + ".yml", stored.definition());
    }

    /** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String contentHash(String definition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(definition.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The id a file must hold: its name without extension. */
    static String idOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    // Hidden files are editors' lock and swap files, not questionnaires.
    private static boolean isQuestionnaireFile(Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".yml") || name.endsWith(".yaml")) && Files.isRegularFile(path);
    }

    private static String readText(Path path, String file) throws IOException, QuestionnaireException {
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        // Bytes that are not UTF-8 decode to U+FFFD; a real U+FFFD is a sign of damage as well.
        int bad = text.indexOf(NOT_UTF_8);
        if (bad >= 0) {
            int line = 1
                    + (int) text.substring(0, bad)
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            throw new QuestionnaireException(
                    file,
                    line,
                    "is not UTF-8 text (the first character that is not" + " is on this line); save the file as UTF-8");
        }
        // Windows editors like to start UTF-8 files with a byte order mark.
        return text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
    }
}
