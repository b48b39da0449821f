package nl.classbridge.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The reply corpus of {@code src/test/resources/mail/corpus} (its README says how it is made):
 * the own words the parser finds in each mail against the words the family typed. Prints the
 * score per folder and every miss, and fails below 95% exact.
 */
@DisplayName("The reply corpus in the families' languages")
class ReplyCorpusScoreTest {

    static final Path CORPUS = Path.of("src/test/resources/mail/corpus");
    private static final double REQUIRED = 0.95;

    /** One mail's outcome. */
    record Outcome(String mail, boolean exact, boolean contained, String miss) {}

    @Test
    @DisplayName("finds the family's own words in at least 95% of the mails exactly")
    void score() throws Exception {
        List<Outcome> all = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Path folder : folders()) {
            List<Outcome> outcomes = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> entry :
                    expectations(folder).entrySet()) {
                outcomes.add(judge(folder, entry.getKey(), entry.getValue()));
            }
            all.addAll(outcomes);
            report.append(line(folder.getFileName().toString(), outcomes));
            outcomes.stream().filter(o -> !o.exact()).forEach(o -> report.append(o.miss()));
        }
        report.append(line("all", all));
        System.out.println(report);
        assertThat(all).as("mails in the corpus").isNotEmpty();
        long exact = all.stream().filter(Outcome::exact).count();
        assertThat((double) exact / all.size())
                .as("share of mails read exactly right\n" + report)
                .isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    @DisplayName("has at least 150 mails, each with an expectation, and no expectation without a mail")
    void complete() throws IOException {
        int mails = 0;
        for (Path folder : folders()) {
            List<String> names;
            try (Stream<Path> files = Files.list(folder)) {
                names = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".eml"))
                        .toList();
            }
            assertThat(expectations(folder).keySet()).as(folder.toString()).containsExactlyInAnyOrderElementsOf(names);
            mails += names.size();
        }
        if (System.getProperty("corpus.language") == null) {
            assertThat(mails).isGreaterThanOrEqualTo(150);
        }
    }

    static Outcome judge(Path folder, String name, Map<String, Object> want) {
        String mail = folder.getFileName() + "/" + name;
        ParsedMail parsed;
        try (InputStream in = Files.newInputStream(folder.resolve(name))) {
            parsed = ReplyParser.parse(new MimeMessage(Session.getInstance(new Properties()), in));
        } catch (Exception e) {
            return new Outcome(
                    mail,
                    false,
                    false,
                    "  " + mail + ": not read (" + e.getClass().getSimpleName() + ")\n");
        }
        if (!(parsed instanceof ParsedMail.Reply reply)) {
            return new Outcome(
                    mail,
                    false,
                    false,
                    "  " + mail + ": read as " + parsed.getClass().getSimpleName() + "\n");
        }
        List<String> expected = normalized(String.valueOf(want.get("own")));
        List<String> found = normalized(reply.text());
        boolean contained = String.join("\n", found).contains(String.join("\n", expected));
        boolean ownRight = found.equals(expected);
        boolean numberedRight = !want.containsKey("numbered") || numbered(want).equals(reply.numbered());
        if (ownRight && numberedRight) {
            return new Outcome(mail, true, true, "");
        }
        StringBuilder miss = new StringBuilder("  MISS " + mail + " (" + want.getOrDefault("client", "") + ")\n");
        if (!ownRight) {
            miss.append("    expected: ").append(String.join(" | ", expected)).append('\n');
            miss.append("    found:    ").append(String.join(" | ", found)).append('\n');
        }
        if (!numberedRight) {
            miss.append("    numbered expected ")
                    .append(numbered(want))
                    .append(", found ")
                    .append(reply.numbered())
                    .append('\n');
        }
        return new Outcome(mail, false, contained, miss.toString());
    }

    /** The lines that count: stripped, runs of spaces made one, blank lines left out. */
    static List<String> normalized(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            String clean = Texts.withoutBidiControls(line)
                    .replace('\u00A0', ' ')
                    .strip()
                    .replaceAll("\\s+", " ");
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        return lines;
    }

    private static Map<Integer, String> numbered(Map<String, Object> want) {
        Map<Integer, String> numbered = new LinkedHashMap<>();
        ((Map<?, ?>) want.get("numbered"))
                .forEach((k, v) -> numbered.put(Integer.valueOf(String.valueOf(k)), String.valueOf(v)));
        return numbered;
    }

    private static String line(String what, List<Outcome> outcomes) {
        long exact = outcomes.stream().filter(Outcome::exact).count();
        long contained = outcomes.stream().filter(Outcome::contained).count();
        return String.format(
                "%-6s %3d mails: exact %3d (%5.1f%%), contained %3d (%5.1f%%)%n",
                what,
                outcomes.size(),
                exact,
                percent(exact, outcomes.size()),
                contained,
                percent(contained, outcomes.size()));
    }

    private static double percent(long part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    static List<Path> folders() throws IOException {
        String only = System.getProperty("corpus.language");
        try (Stream<Path> folders = Files.list(CORPUS)) {
            return folders.filter(Files::isDirectory)
                    .filter(f -> only == null || f.getFileName().toString().equals(only))
                    .sorted()
                    .toList();
        }
    }

    static Map<String, Map<String, Object>> expectations(Path folder) throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve("expected.yml"))) {
            Map<String, Map<String, Object>> loaded = new Yaml().load(in);
            return loaded == null ? Map.of() : loaded;
        }
    }
}
