package nl.classbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as the README says, in a separate JVM (Maven's integration-test phase). */
class ClassBridgeJarIT {
    private static final Path JAR = Path.of("target/classbridge.jar");
    private static final String TOKEN = "test-bot-token-that-is-not-real-0123456789";

    @TempDir
    Path folder;

    record Run(int exitCode, String output) {
    }

    private Run java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("CLASSBRIDGE_") || key.equals("DISCORD_TOKEN"));
        builder.environment().put("CLASSBRIDGE_DATABASE_PATH", folder.resolve("classbridge.db").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish within 60 s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the fat jar exists and check-config on the shipped config exits 0 with the token masked")
    void checkConfig() throws Exception {
        assertThat(Files.isRegularFile(JAR)).as("mvn package makes target/classbridge.jar").isTrue();
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
    @DisplayName("the quick-start command without a token explains what is missing and exits 2")
    void runWithoutToken() throws Exception {
        Run run = java(Map.of());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("DISCORD_TOKEN is not set");
    }

    @Test
    @DisplayName("--version names the build")
    void version() throws Exception {
        Run run = java(Map.of(), "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("ClassBridge 0.1.0");
    }
}
