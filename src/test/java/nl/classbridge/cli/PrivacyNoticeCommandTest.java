package nl.classbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.MessageCatalogue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code classbridge privacy-notice} in-process, with the shipped config and messages. */
class PrivacyNoticeCommandTest {
    private static final String SCHOOL = "Basisschool De Regenboog";
    private static final String CONTACT = "Mevrouw Jansen, privacy@regenboog.nl";
    private static MessageCatalogue catalogue;

    @TempDir
    Path folder;

    record Result(int exitCode, String out, String err) {}

    @BeforeAll
    static void load() throws Exception {
        catalogue = MessageCatalogue.load(Path.of("messages"));
    }

    private Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ClassBridgeCommand.commandLine(env);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put(
                "CLASSBRIDGE_DATABASE_PATH",
                folder.resolve("data/classbridge.db").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static String text(Language language, String key) {
        return catalogue.find(language, key).orElseThrow();
    }

    /** A value as plain text shows it: isolated in right-to-left text, so a Latin name stays whole. */
    private static String shown(String value, Language language) {
        return language.rightToLeft() ? "\u2068" + value + "\u2069" : value;
    }

    @Test
    @DisplayName("--language all prints the text in all six languages, with the school, the contact and each"
            + " language's reply words, and no placeholder left")
    void allLanguages() {
        Result result = run(
                env("CLASSBRIDGE_SCHOOL_NAME", SCHOOL, "CLASSBRIDGE_SCHOOL_PRIVACY_CONTACT", CONTACT),
                "privacy-notice",
                "--language",
                "all");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        for (Language language : Language.values()) {
            String title = text(language, "privacy-notice.title").replace("{school}", shown(SCHOOL, language));
            assertThat(out).as(language.code()).contains(title);
            for (String keyword : new String[] {"preferences", "my-data", "forget-me"}) {
                assertThat(out).as(language.code()).contains(text(language, "email.keywords." + keyword));
            }
            String asked = text(language, "privacy-notice.contact.named");
            assertThat(out)
                    .as(language.code())
                    .contains(asked.substring(0, asked.indexOf("{contact}")) + shown(CONTACT, language));
            assertThat(out).as(language.code()).doesNotContain(text(language, "privacy-notice.contact.teacher"));
        }
        assertThat(out).contains("/preferences", "/my-data", "/forget-me").doesNotContainPattern("\\{[a-z]+\\}");
        assertThat(result.err()).doesNotContain("school.privacy-contact");
    }

    @Test
    @DisplayName("one language prints that language only; without --language, the school's default language")
    void oneLanguage() {
        Result polish = run(env("CLASSBRIDGE_SCHOOL_NAME", SCHOOL), "privacy-notice", "--language", "pl");
        assertThat(polish.exitCode()).as(polish.err()).isZero();
        assertThat(polish.out())
                .contains(text(Language.PL, "privacy-notice.stored.not"), "ZAPOMNIJ MNIE")
                .doesNotContain(text(Language.NL, "privacy-notice.stored.not"));

        Result byDefault = run(
                env("CLASSBRIDGE_SCHOOL_NAME", SCHOOL, "CLASSBRIDGE_SCHOOL_DEFAULT_LANGUAGE", "tr"), "privacy-notice");
        assertThat(byDefault.exitCode()).as(byDefault.err()).isZero();
        assertThat(byDefault.out())
                .contains(text(Language.TR, "privacy-notice.stored.not"), "BENİ UNUT")
                .doesNotContain(text(Language.EN, "privacy-notice.stored.not"));
    }

    @Test
    @DisplayName("without school.privacy-contact the text says to ask the teacher, and the command and check-config"
            + " say so")
    void withoutContact() {
        Result result = run(env("CLASSBRIDGE_SCHOOL_NAME", SCHOOL), "privacy-notice", "--language", "nl");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(text(Language.NL, "privacy-notice.contact.teacher"))
                .doesNotContain("{contact}");
        assertThat(result.err()).contains("school.privacy-contact is not set");

        Result check = run(env(), "check-config");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("school.privacy-contact is not set");
    }

    @Test
    @DisplayName("a school name or contact that looks like a placeholder stays text")
    void placeholderLookingValuesStayText() {
        Result result = run(
                env("CLASSBRIDGE_SCHOOL_NAME", "${env:HOME}", "CLASSBRIDGE_SCHOOL_PRIVACY_CONTACT", "{contact}"),
                "privacy-notice",
                "--language",
                "en");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("what ${env:HOME} keeps", "${env:HOME} uses ClassBridge", "Please contact {contact}.");
        String home = System.getenv("HOME");
        if (home != null && !home.isBlank()) {
            assertThat(result.out()).doesNotContain("what " + home + " keeps");
        }
    }

    @Test
    @DisplayName("the command says when the text's 13 months or 30 days differ from the school's settings")
    void retentionMismatch() {
        Result differs = run(
                env("CLASSBRIDGE_RETENTION_MONTHS", "24", "CLASSBRIDGE_MAIL_IMAP_KEEP_DAYS", "14"),
                "privacy-notice",
                "--language",
                "en");
        assertThat(differs.exitCode()).as(differs.err()).isZero();
        assertThat(differs.err()).contains("retention.months is 24", "mail.imap.keep-days is 14");

        Result same = run(
                env("CLASSBRIDGE_RETENTION_MONTHS", "13", "CLASSBRIDGE_MAIL_IMAP_KEEP_DAYS", "30"),
                "privacy-notice",
                "--language",
                "en");
        assertThat(same.err()).doesNotContain("retention.months", "mail.imap.keep-days");
    }

    @Test
    @DisplayName("an unknown language gets a clear answer and exit 2, and nothing is printed")
    void unknownLanguage() {
        Result result = run(env(), "privacy-notice", "--language", "fr");
        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err()).contains("'fr'", "nl, en, ar, tr, pl, uk", "all");
        assertThat(result.out()).isEmpty();
    }
}
