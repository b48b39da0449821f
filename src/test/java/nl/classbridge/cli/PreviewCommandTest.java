package nl.classbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.MessageCatalogue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PreviewCommandTest {
    record Result(int exitCode, String out, String err) {}

    private static Result preview(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ClassBridgeCommand.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "preview";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Result(commandLine.execute(all), out.toString(), err.toString());
    }

    @Test
    @DisplayName("preview works for every key in every language it is written in")
    void everyKeyAndLanguage() throws Exception {
        MessageCatalogue catalogue = MessageCatalogue.load(Path.of("messages"));
        for (Language language : Language.values()) {
            for (String key : catalogue.expectedKeys(language)) {
                Result result = preview(key, "--lang", language.code());
                assertThat(result.exitCode())
                        .as(key + " " + language.code() + ": " + result.err())
                        .isZero();
                assertThat(result.out()).as(key).isNotBlank().doesNotContainPattern("\\{[a-z]+\\}");
                assertThat(result.err()).as(key).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("--var fills a placeholder; formats escape for their destination")
    void varsAndFormats() {
        Result discord = preview("join.success", "--lang", "en", "--var", "child=*Sam*", "--var", "class=Groep 5");
        assertThat(discord.out()).contains("\\*Sam\\*", "Groep 5").doesNotContain("[child]");

        Result html = preview("join.success", "--lang", "ar", "--format", "html", "--var", "child=<b>Sam</b>");
        assertThat(html.out()).contains("dir=\"rtl\"", "&lt;b&gt;Sam&lt;/b&gt;");

        Result subject = preview("email.checkin.subject", "--format", "header", "--var", "child=Sam\r\nBcc: x@y");
        assertThat(subject.out().strip()).doesNotContain("\n").contains("Sam Bcc: x@y");
    }

    @Test
    @DisplayName("an unknown key or language gets a clear answer and exit 2")
    void badInput() {
        Result key = preview("checkin.nope");
        assertThat(key.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(key.err()).contains("checkin.nope");

        Result lang = preview("join.success", "--lang", "fr");
        assertThat(lang.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(lang.err()).contains("'fr'", "nl, en, ar, tr, pl, uk");

        Result format = preview("join.success", "--format", "pdf");
        assertThat(format.exitCode()).isEqualTo(ExitCode.CONFIG);
    }

    @Test
    @DisplayName("a count is shown once per plural category of each language, a date as each language writes it")
    void pluralAndDateCases() {
        Result nl = preview("join.too-many-tries", "--format", "plain");
        assertThat(nl.out())
                .contains("--- one: 1 ---", "over 1 minuut", "--- other: 2 ---", "over 2 minuten")
                .doesNotContain("1 minuten");

        Result all = preview("join.too-many-tries", "--lang", "all", "--format", "plain");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out())
                .contains(
                        "--- ar zero: 0 ---",
                        "--- ar two: 2 ---",
                        "--- ar many: 11 ---",
                        "--- pl few: 2 ---",
                        "--- pl many: 5 ---",
                        "--- uk few: 2 ---",
                        "--- tr other: 2 ---",
                        "--- en one: 1 ---");

        Result given = preview("join.too-many-tries", "--lang", "en", "--var", "minutes=1", "--format", "plain");
        assertThat(given.out()).doesNotContain("---").contains("in 1 minute.");

        Result reminder = preview("checkin.reminder", "--lang", "all", "--format", "plain");
        assertThat(reminder.out()).contains("11 september", "11 September", "11 września", "11 вересня", "11 Eylül");
    }
}
