package nl.classbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line in-process, with the shipped config and an environment of the test's choosing. */
class CommandLineTest {
    private static final String TOKEN = "test-bot-token-that-is-not-real-0123456789";
    private static final String SMTP_PASSWORD = "smtp-pass-word-42";

    @TempDir
    Path folder;

    record Result(int exitCode, String out, String err) {}

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

    @Test
    @DisplayName("check-config on the shipped config exits 0 and prints every key with secrets masked")
    void checkConfigMasksSecrets() {
        Result result =
                run(env("DISCORD_TOKEN", TOKEN, "CLASSBRIDGE_MAIL_SMTP_PASSWORD", SMTP_PASSWORD), "check-config");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("school.timezone", "Europe/Amsterdam", "database.path", "mail.smtp.host", "****");
        assertThat(result.out() + result.err()).doesNotContain(TOKEN, SMTP_PASSWORD, "not-real");
    }

    @Test
    @DisplayName("check-config names the translator and where texts go; plain http to another machine is warned about")
    void checkConfigNamesTheTranslator() {
        Result none = run(env(), "check-config");
        assertThat(none.out()).contains("Translation: none; nothing is sent anywhere");

        Result deepl = run(
                env("CLASSBRIDGE_TRANSLATION_PROVIDER", "deepl", "CLASSBRIDGE_TRANSLATION_API_KEY", "deepl-key:fx"),
                "check-config");
        assertThat(deepl.exitCode()).as(deepl.err()).isZero();
        assertThat(deepl.out())
                .contains("Translation: deepl; free texts and their language pair go to DeepL at"
                        + " https://api-free.deepl.com");
        assertThat(deepl.out() + deepl.err()).doesNotContain("deepl-key");

        Result libre = run(
                env(
                        "CLASSBRIDGE_TRANSLATION_PROVIDER",
                        "libretranslate",
                        "CLASSBRIDGE_TRANSLATION_URL",
                        "http://translate.school.nl:5000/"),
                "check-config");
        assertThat(libre.out())
                .contains("Translation: libretranslate; free texts and their language pair go to the school's"
                        + " LibreTranslate server at http://translate.school.nl:5000")
                .contains("translation.url uses http:");
    }

    @Test
    @DisplayName("an invalid time zone from the environment exits 2 with one line naming school.timezone")
    void invalidTimezone() {
        Result result = run(env("CLASSBRIDGE_SCHOOL_TIMEZONE", "Mars/Phobos"), "check-config");
        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err().strip())
                .contains("school.timezone", "Mars/Phobos")
                .doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    @DisplayName("run without DISCORD_TOKEN says what is missing and how to get it, and starts nothing")
    void runWithoutToken() {
        Result result = run(env(), "run");
        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err())
                .contains("DISCORD_TOKEN is not set", "discord.com/developers/applications", "check-config");
        assertThat(folder.resolve("data/classbridge.db")).doesNotExist();
    }

    @Test
    @DisplayName("without a command and without a token, the sandbox starts (here it refuses the production database)")
    void sandboxIsTheDefaultWithoutToken() {
        Result result = run(env(
                "CLASSBRIDGE_SANDBOX_DATABASE",
                folder.resolve("data/classbridge.db").toString()));
        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err().strip())
                .startsWith("sandbox.database: ")
                .contains("production database")
                .doesNotContain("\n");
        assertThat(folder.resolve("data/classbridge.db")).doesNotExist();
    }

    @Test
    @DisplayName("sandbox with a taken port: one line naming sandbox.port, exit 2")
    void sandboxPortTaken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result result = run(
                    env(
                            "CLASSBRIDGE_SANDBOX_DATABASE",
                            folder.resolve("sandbox.db").toString(),
                            "CLASSBRIDGE_SANDBOX_PORT",
                            String.valueOf(taken.getLocalPort())),
                    "sandbox");
            assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
            assertThat(result.err().strip())
                    .startsWith("sandbox.port: 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\n");
        }
    }

    @Test
    @DisplayName("run checks the configuration before anything else, naming the bad key")
    void runWithBadConfig() {
        Result result = run(env("DISCORD_TOKEN", TOKEN, "CLASSBRIDGE_MAIL_SMTP_PORT", "70000"), "run");
        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err()).contains("mail.smtp.port", "70000");
        assertThat(folder.resolve("data/classbridge.db")).doesNotExist();
    }

    @Test
    @DisplayName("--config points at another file; a missing one is named")
    void configOption() throws Exception {
        Path custom = folder.resolve("school.yml");
        Files.writeString(custom, "school:\n  name: De Regenboog\n");
        Result ok = run(env(), "--config", custom.toString(), "check-config");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("De Regenboog");

        Result missing = run(
                env(), "check-config", "--config", folder.resolve("nope.yml").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(missing.err()).contains("nope.yml");
    }

    @Test
    @DisplayName("a wrong option gets a clear answer and exit 2; --help and --version work")
    void usage() {
        Result wrong = run(env(), "check-config", "--colour");
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(wrong.err()).contains("--colour", "--help");

        Result help = run(env(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run", "sandbox", "check-config", "--config");

        Result version = run(env(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("ClassBridge");
    }

    @Test
    @DisplayName("check-config checks the texts: a missing catalogue exits 2; a broken questionnaire is a warning")
    void checksTexts() throws Exception {
        Result noMessages = run(
                env("CLASSBRIDGE_TEXTS_MESSAGES_FOLDER", folder.resolve("none").toString()), "check-config");
        assertThat(noMessages.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(noMessages.err()).contains("texts.messages-folder");

        Path questionnaires = Files.createDirectories(folder.resolve("questionnaires"));
        Files.writeString(questionnaires.resolve("broken.yml"), "id: broken\nversion: one\n");
        Result broken = run(env("CLASSBRIDGE_TEXTS_QUESTIONNAIRES_FOLDER", questionnaires.toString()), "check-config");
        assertThat(broken.exitCode()).as(broken.err()).isZero();
        assertThat(broken.out()).contains("questionnaire left out: ", "broken.yml", "line");

        Result shipped = run(env(), "check-config");
        assertThat(shipped.out())
                .contains("texts in 6 languages", "after-conversation, before-conversation, check-in, start-of-year");
    }
}
