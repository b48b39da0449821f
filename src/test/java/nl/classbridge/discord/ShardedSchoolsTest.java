package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.discord.ShardedSchools.School;
import nl.classbridge.sandbox.discord.GatewayLogin;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "Scale past one process": ClassBridge on JDA's ShardManager, two shards against the local
 * Discord server. Each server's events reach the bot once, through its own shard; DMs through shard 0;
 * and the outbox sends every post and DM once, through the right shard.
 */
@Timeout(120)
@DisplayName("ClassBridge on two shards")
class ShardedSchoolsTest {
    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}");

    @TempDir
    Path folder;

    ShardedSchools board;

    @BeforeEach
    void seed() {
        board = new ShardedSchools(folder);
    }

    @AfterEach
    void stop() {
        board.close();
    }

    @Test
    @DisplayName("GIVEN four schools' servers on two shards WHEN ClassBridge runs with discord.shards: 2 and teachers"
            + " and parents use it THEN every command, press and DM reaches the bot once and every post goes out once")
    void twoShards() throws Exception {
        everyEventOnce("2");
    }

    @Test
    @DisplayName("GIVEN a server that recommends two shards WHEN discord.shards is auto THEN ClassBridge runs two,"
            + " and every event reaches it once")
    void autoAsksDiscord() throws Exception {
        everyEventOnce("auto");
    }

    @Test
    @DisplayName("GIVEN more servers than one connection may carry WHEN discord.shards is 1 THEN start-up stops with"
            + " a message naming discord.shards")
    void oneShardIsRefused() {
        // GIVEN four servers, at most three per connection

        // WHEN ClassBridge starts on one shard
        Throwable refused = catchThrowable(() -> board.start("1"));

        // THEN Discord's 4011 is turned into one line that says what to change, and nothing stays connected
        assertThat(refused)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Discord closed shard 0 of 1 while starting (code 4011): the bot is in too many servers for 1"
                                + " shard(s); set discord.shards to auto or a higher number");
        assertThat(board.discord.gatewayLogins())
                .singleElement()
                .satisfies(login -> assertThat(login.accepted()).isFalse());
    }

    private void everyEventOnce(String shards) throws Exception {
        // GIVEN four schools whose servers are on shards 0, 1, 0, 1 of two
        assertThat(board.schools)
                .extracting(school -> LocalDiscord.shardOf(school.guild().id(), 2))
                .containsExactly(0, 1, 0, 1);

        // WHEN ClassBridge starts with discord.shards as given
        board.start(shards);

        // THEN it logged in as shard 0 and shard 1 of two
        assertThat(board.discord.gatewayLogins())
                .filteredOn(GatewayLogin::accepted)
                .extracting(GatewayLogin::shardId, GatewayLogin::shardCount)
                .containsExactlyInAnyOrder(tuple(0, 2), tuple(1, 2));

        // WHEN each school's teacher sets up the class, adds a child and a highlight, and invites the parent,
        // who joins in a DM with the bot
        for (School school : board.schools) {
            assertThat(board.teacher(school, "class setup", Map.of("name", school.className())))
                    .contains(school.className());
            assertThat(board.teacher(school, "student add", Map.of("name", school.child())))
                    .contains(school.child());
            board.teacher(
                    school,
                    "update add",
                    Map.of("text", "Highlight van school " + school.number(), "kind", "learning"));
            Matcher code = CODE.matcher(board.teacher(school, "invite", Map.of("student", school.child())));
            assertThat(code.find()).isTrue();
            assertThat(board.command(
                            school.parent(),
                            board.discord.directChannel(school.parent()),
                            "join",
                            Map.of("code", code.group())))
                    .contains(school.child());
        }
        // ... starts a check-in; each parent presses Start in the DM and types the first answer
        for (School school : board.schools) {
            board.teacher(school, "checkin start", Map.of("questionnaire", "check-in"));
        }
        for (School school : board.schools) {
            PostedMessage greeting = board.discord.awaitValue(
                    "the greeting about " + school.child(),
                    () -> board.discord.directMessagesTo(school.parent()).stream()
                            .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                            .findFirst());
            String start = greeting.customIds().stream()
                    .filter(id -> id.startsWith("ci:start:"))
                    .findFirst()
                    .orElseThrow();
            InteractionResponse started =
                    board.press(school.parent(), greeting, start).awaitResponse();
            assertThat(started.content()).contains("Vraag 1 van 4");
            board.discord.sendDirectMessage(school.parent(), "4");
            board.discord.await(
                    "the second question for " + school.child(), () -> dmsContaining(school, "Vraag 2 van 4") == 1);
        }
        // ... and posts the class update
        for (School school : board.schools) {
            assertThat(board.teacher(school, "update post-now", Map.of())).contains(school.className());
        }
        for (School school : board.schools) {
            board.discord.await(
                    "the update in " + school.className(), Duration.ofSeconds(20), () -> posts(school) == 1);
        }
        Eventually.await(
                "the outbox to be done",
                Duration.ofSeconds(30),
                () -> board.count("SELECT COUNT(*) AS n FROM delivery WHERE status IN ('queued', 'sending')") == 0);

        // THEN the bot answered every command and press exactly once (a second shard would have answered again)
        assertThat(board.interactions)
                .hasSize(ShardedSchools.SCHOOLS * 8)
                .allSatisfy(interaction -> assertThat(interaction.callbacks()).isEqualTo(1));
        // ... the store holds everything once: per school one class, child, family, highlight, round, answer
        for (String table :
                new String[] {"school_class", "student", "guardian", "highlight", "checkin_round", "answer"}) {
            assertThat(board.count("SELECT COUNT(*) AS n FROM " + table))
                    .as(table)
                    .isEqualTo(ShardedSchools.SCHOOLS);
        }
        for (School school : board.schools) {
            // ... each parent's typed answer was taken once: the second question came once, the third never
            assertThat(dmsContaining(school, "Vraag 2 van 4")).isEqualTo(1);
            assertThat(dmsContaining(school, "Vraag 3 van 4")).isZero();
            // ... and each class channel shows its own update once
            assertThat(posts(school)).isEqualTo(1);
        }
        // ... every DM and post went out once, at the first try: each channel was found in its server's shard
        assertThat(board.count(
                        "SELECT COUNT(*) AS n FROM delivery WHERE channel = 'discord-channel' AND status = 'sent'"
                                + " AND attempts = 1"))
                .isEqualTo(ShardedSchools.SCHOOLS);
        assertThat(board.count("SELECT COUNT(*) AS n FROM delivery WHERE channel = 'discord-dm' AND kind ="
                        + " 'checkin-greeting' AND status = 'sent' AND attempts = 1"))
                .isEqualTo(ShardedSchools.SCHOOLS);
        assertThat(board.count("SELECT COUNT(*) AS n FROM delivery WHERE status <> 'sent'"))
                .isZero();
    }

    private long dmsContaining(School school, String text) {
        return board.discord.directMessagesTo(school.parent()).stream()
                .filter(m -> m.content().contains(text))
                .count();
    }

    private long posts(School school) {
        return board.discord.messagesIn(school.channel()).stream()
                .filter(m -> !m.ephemeral() && m.content().contains("Highlight van school " + school.number()))
                .count();
    }
}
