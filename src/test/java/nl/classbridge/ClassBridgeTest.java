package nl.classbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.config.Settings;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.store.Database;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassBridgeTest {
    @TempDir
    Path folder;

    private Settings settings(Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put(
                "CLASSBRIDGE_DATABASE_PATH",
                folder.resolve("data/classbridge.db").toString());
        return ConfigLoader.load(Path.of("config/classbridge.yml"), env);
    }

    @Test
    @DisplayName("start opens and migrates the database, stores the questionnaire versions, and stops cleanly")
    void startAndStop() throws Exception {
        ClassBridge bot = ClassBridge.start(settings(Map.of()), new MutableClock(TestStore.T0));
        bot.close();
        bot.close(); // a second stop (shutdown hook after an error) is harmless
        try (Database database = Database.open(folder.resolve("data/classbridge.db"))) {
            List<String> stored = database.read(sql -> sql.list(
                    "SELECT questionnaire FROM questionnaire_version ORDER BY 1", row -> row.string("questionnaire")));
            assertThat(stored)
                    .containsExactly("after-conversation", "before-conversation", "check-in", "start-of-year");
        }
    }

    @Test
    @DisplayName("a missing message catalogue stops start-up before the database is touched")
    void missingCatalogue() throws Exception {
        Settings settings = settings(Map.of(
                "CLASSBRIDGE_TEXTS_MESSAGES_FOLDER", folder.resolve("none").toString()));
        assertThatThrownBy(() -> ClassBridge.start(settings, new MutableClock(TestStore.T0)))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("not found");
        assertThat(folder.resolve("data/classbridge.db")).doesNotExist();
    }

    @Test
    @DisplayName("a token Discord refuses stops start-up and leaves nothing running")
    void refusedTokenStartsNothingHalf() throws Exception {
        try (var discord = nl.classbridge.sandbox.discord.LocalDiscord.start()) {
            Settings settings = settings(Map.of(
                    "DISCORD_TOKEN", "not-the-token",
                    "CLASSBRIDGE_DISCORD_REST_URL", discord.restUrl(),
                    "CLASSBRIDGE_DISCORD_GATEWAY_URL", discord.gatewayUrl()));
            assertThatThrownBy(() -> ClassBridge.start(settings, new MutableClock(TestStore.T0)))
                    .isInstanceOf(net.dv8tion.jda.api.exceptions.InvalidTokenException.class);
            // The scheduler (and with it everything the start made) was stopped again.
            nl.classbridge.testing.Eventually.await(
                    "the scheduler to stop",
                    java.time.Duration.ofSeconds(10),
                    () -> Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(thread -> thread.getName().equals("classbridge-scheduler") && thread.isAlive()));
        }
    }
}
