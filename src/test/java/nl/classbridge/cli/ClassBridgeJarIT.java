package nl.classbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as the README says, in a separate JVM (Maven's integration-test phase). */
class ClassBridgeJarIT {
    private static final String TOKEN = "test-bot-token-that-is-not-real-0123456789";

    @TempDir
    Path folder;

    record Run(int exitCode, String output) {}

    private Run java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>();
        all.put("CLASSBRIDGE_DATABASE_PATH", folder.resolve("classbridge.db").toString());
        all.putAll(env);
        try (JarProcess jar = JarProcess.start(all, args)) {
            int exit = jar.awaitExit(Duration.ofSeconds(60));
            return new Run(exit, jar.output());
        }
    }

    @Test
    @DisplayName("the fat jar exists and check-config on the shipped config exits 0 with the token masked")
    void checkConfig() throws Exception {
        assertThat(Files.isRegularFile(JarProcess.JAR))
                .as("mvn package makes target/classbridge.jar")
                .isTrue();
        Run run = java(Map.of("DISCORD_TOKEN", TOKEN), "check-config");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("DISCORD_TOKEN", "****").doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("CLASSBRIDGE_SCHOOL_TIMEZONE=Mars/Phobos: exit 2, and the message names school.timezone")
    void badTimezone() throws Exception {
        Run run = java(Map.of("CLASSBRIDGE_SCHOOL_TIMEZONE", "Mars/Phobos"), "check-config");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("school.timezone");
    }

    @Test
    @DisplayName(
            "'run' without a token still explains what is missing and exits 2: production never falls into the sandbox")
    void runWithoutToken() throws Exception {
        Run run = java(Map.of(), "run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("DISCORD_TOKEN is not set");
    }

    @Test
    @DisplayName(
            "the quick-start command without a token starts the sandbox; its page answers within 20 s; Ctrl-C stops it")
    void quickStartOpensTheSandbox() throws Exception {
        long started = System.nanoTime();
        String output;
        try (JarProcess jar = JarProcess.start(Map.of(
                "CLASSBRIDGE_SANDBOX_DATABASE",
                folder.resolve("sandbox.db").toString(),
                "CLASSBRIDGE_SANDBOX_PORT",
                "0"))) { // 8080 may be taken on a build machine
            Pattern open = Pattern.compile("Open\\s+(http://127\\.0\\.0\\.1:\\d+/)");
            Eventually.await(
                    "the banner naming the page",
                    Duration.ofSeconds(20),
                    () -> open.matcher(jar.output()).find());
            Matcher banner = open.matcher(jar.output());
            assertThat(banner.find()).isTrue();
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(banner.group(1))).build(),
                            HttpResponse.BodyHandlers.ofString());
            Duration firstAnswer = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("Sandbox from 'java -jar' to the page's first answer: %d ms%n", firstAnswer.toMillis());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("ClassBridge", "Groep 5");
            assertThat(firstAnswer).isLessThan(Duration.ofSeconds(20));

            jar.terminate(); // SIGTERM, as Ctrl-C or a service manager stops it
            jar.awaitExit(Duration.ofSeconds(20));
            output = jar.output();
        }
        assertThat(output)
                .contains("sandbox", folder.resolve("sandbox.db").toString(), "Ctrl-C")
                .doesNotContain("Exception", "ERROR");
    }

    @Test
    @DisplayName("--version names the build")
    void version() throws Exception {
        Run run = java(Map.of(), "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("ClassBridge 0.1.0");
    }
}
