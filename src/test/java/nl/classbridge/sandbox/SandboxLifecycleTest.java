package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.classbridge.domain.SchoolClass;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starting again, starting over, and refusing what would be unsafe: each with a real sandbox. */
@Timeout(120)
class SandboxLifecycleTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("a restart keeps the school, its Discord people and its time; nothing is seeded twice")
    void restart() throws Exception {
        Path database = folder.resolve("sandbox.db");
        long teacher;
        long classId;
        try (Sandbox first = Sandboxes.start(database, Map.of(), false)) {
            teacher = first.school().teacher().id();
            classId = groep5(first).id();
            first.clock().advance(Duration.ofDays(3));
        }
        try (Sandbox second = Sandboxes.start(database, Map.of(), false)) {
            assertThat(second.school().teacher().id()).isEqualTo(teacher);
            assertThat(groep5(second).id()).isEqualTo(classId);
            assertThat(second.bot().store().classes().all()).hasSize(1);
            assertThat(second.bot().store().guardians().inClass(classId)).hasSize(8);
            assertThat(second.clock().offset()).isGreaterThanOrEqualTo(Duration.ofDays(3));
            // The families' Discord ids still match: the bot's teacher command works on the same class.
            String reply = second.discord()
                    .slashCommand(second.school().teacher(), second.school().channel(), "class info", Map.of())
                    .awaitResponse()
                    .content();
            assertThat(reply).contains("Groep 5");
        }
    }

    @Test
    @DisplayName("--reset starts over: a new database with the example school, and the time back to today")
    void reset() throws Exception {
        Path database = folder.resolve("sandbox.db");
        try (Sandbox first = Sandboxes.start(database, Map.of(), false)) {
            first.discord()
                    .slashCommand(
                            first.school().teacher(), first.school().channel(), "student add", Map.of("name", "Extra"))
                    .awaitResponse();
            first.clock().advance(Duration.ofDays(30));
            assertThat(first.bot().store().students().inClass(groep5(first).id()))
                    .hasSize(7);
        }
        try (Sandbox again = Sandboxes.start(database, Map.of(), true)) {
            assertThat(again.bot().store().students().inClass(groep5(again).id()))
                    .hasSize(6);
            assertThat(again.clock().offset()).isLessThan(Duration.ofDays(2));
        }
    }

    @Test
    @DisplayName("the sandbox refuses to use the production database, and says which setting to change")
    void productionDatabase() {
        String production = folder.resolve("classbridge.db").toString();
        assertThatThrownBy(() -> Sandboxes.start(
                        folder.resolve("unused.db"),
                        Map.of("CLASSBRIDGE_DATABASE_PATH", production, "CLASSBRIDGE_SANDBOX_DATABASE", production),
                        false))
                .isInstanceOf(SandboxException.class)
                .hasMessageStartingWith("sandbox.database: ")
                .hasMessageContaining("production database");
        assertThat(Files.exists(Path.of(production))).isFalse();
    }

    @Test
    @DisplayName("a taken port: one line naming sandbox.port, and nothing is started")
    void portTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Sandboxes.start(
                            folder.resolve("sandbox.db"),
                            Map.of("CLASSBRIDGE_SANDBOX_PORT", String.valueOf(taken.getLocalPort())),
                            false))
                    .isInstanceOf(SandboxException.class)
                    .hasMessageStartingWith("sandbox.port: 127.0.0.1:" + taken.getLocalPort() + " is in use");
        }
        assertThat(Files.exists(folder.resolve("sandbox.db"))).isFalse();
    }

    private static SchoolClass groep5(Sandbox sandbox) {
        return sandbox.bot()
                .store()
                .classes()
                .findByChannel(sandbox.school().channel().id())
                .orElseThrow();
    }
}
