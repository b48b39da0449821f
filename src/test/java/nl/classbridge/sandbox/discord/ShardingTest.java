package nl.classbridge.sandbox.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // a hang in the client or server must fail the run, not stall it
@DisplayName("The local gateway, sharded as Discord's")
class ShardingTest {
    /** Ids made at this instant plus n milliseconds land on shard n % 2: the instant is an even count from Discord's epoch. */
    private static final Instant BASE = Instant.parse("2024-09-02T08:00:00Z");

    LocalDiscord discord;
    LocalUser teacher;
    LocalUser parent;
    final List<LocalGuild> schools = new ArrayList<>();
    final List<LocalChannel> channels = new ArrayList<>();

    @BeforeEach
    void seed() {
        discord = LocalDiscord.builder()
                .recommendedShards(2)
                .maxGuildsPerSession(2)
                .start();
        teacher = discord.addUser("juf.anna");
        parent = discord.addUser("papa.sam");
        for (int n = 0; n < 4; n++) {
            LocalGuild school = discord.addGuild(LocalDiscord.snowflake(BASE.plusMillis(n), 0), "School " + n, teacher);
            school.addMember(parent);
            schools.add(school);
            channels.add(school.addTextChannel("groep-" + n));
        }
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    @DisplayName("GIVEN two recommended shards WHEN the bot asks GET /gateway/bot THEN it gets the count, the URL and"
            + " a session start limit")
    void gatewayBot() throws Exception {
        // GIVEN the server of this test, recommending two shards
        HttpRequest request = HttpRequest.newBuilder(URI.create(discord.restUrl() + "gateway/bot"))
                .header("Authorization", "Bot " + discord.botToken())
                .build();

        // WHEN the bot asks where and how to connect
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        // THEN the answer has Discord's shape
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("url").asText()).isEqualTo(discord.gatewayUrl());
        assertThat(body.path("shards").asInt()).isEqualTo(2);
        assertThat(body.path("session_start_limit").path("max_concurrency").asInt())
                .isEqualTo(1);
        assertThat(body.path("session_start_limit").path("remaining").asInt()).isPositive();
    }

    @Test
    @DisplayName("GIVEN four servers WHEN two shards log in THEN each gets the servers of its shard only")
    void serversPerShard() throws Exception {
        // GIVEN four servers, on shards 0, 1, 0, 1 by Discord's formula
        assertThat(schools)
                .extracting(school -> LocalDiscord.shardOf(school.id(), 2))
                .containsExactly(0, 1, 0, 1);

        // WHEN the real JDA logs in twice, as shard 0 and as shard 1 of 2
        try (TestBot shard0 = shard(0);
                TestBot shard1 = shard(1)) {
            // THEN each has the servers of its own shard, and the server saw two sharded logins
            assertThat(shard0.jda.getGuilds())
                    .extracting(Guild::getIdLong)
                    .containsExactlyInAnyOrder(
                            schools.get(0).id(), schools.get(2).id());
            assertThat(shard1.jda.getGuilds())
                    .extracting(Guild::getIdLong)
                    .containsExactlyInAnyOrder(
                            schools.get(1).id(), schools.get(3).id());
            assertThat(discord.gatewayLogins())
                    .extracting(GatewayLogin::accepted, GatewayLogin::shardId, GatewayLogin::shardCount)
                    .containsExactly(tuple(true, 0, 2), tuple(true, 1, 2));
        }
    }

    @Test
    @DisplayName("GIVEN two shards WHEN people use commands, write in servers and DM the bot THEN a server's events"
            + " reach its shard only and DMs reach shard 0 only")
    void eventsPerShard() throws Exception {
        try (TestBot shard0 = shard(0);
                TestBot shard1 = shard(1)) {
            // GIVEN two shards logged in

            // WHEN a command runs in every server, the parent writes in every server and DMs the bot
            for (LocalChannel channel : channels) {
                discord.slashCommand(teacher, channel, "ping", Map.of());
                discord.postInChannel(parent, channel, "hallo");
            }
            discord.sendDirectMessage(parent, "Hoe gaat het?");
            // ... and, last, each shard gets one more message: events of a session arrive in order, so once
            // each has it, each has seen everything that was meant for it.
            discord.postInChannel(teacher, channels.get(2), "einde");
            discord.postInChannel(teacher, channels.get(3), "einde");
            shard0.awaitEvent(
                    MessageReceivedEvent.class,
                    e -> e.getChannel().getIdLong() == channels.get(2).id()
                            && e.getAuthor().getIdLong() == teacher.id());
            shard1.awaitEvent(
                    MessageReceivedEvent.class,
                    e -> e.getChannel().getIdLong() == channels.get(3).id()
                            && e.getAuthor().getIdLong() == teacher.id());

            // THEN each shard saw the commands and messages of its own servers, and only shard 0 the DM
            assertThat(shard0.events(SlashCommandInteractionEvent.class))
                    .extracting(e -> e.getChannel().getIdLong())
                    .containsExactly(channels.get(0).id(), channels.get(2).id());
            assertThat(shard1.events(SlashCommandInteractionEvent.class))
                    .extracting(e -> e.getChannel().getIdLong())
                    .containsExactly(channels.get(1).id(), channels.get(3).id());
            assertThat(messagesFrom(shard0, parent))
                    .containsExactly(
                            channels.get(0).id(),
                            channels.get(2).id(),
                            discord.directChannel(parent).id());
            assertThat(messagesFrom(shard1, parent))
                    .containsExactly(channels.get(1).id(), channels.get(3).id());
            assertThat(shard0.events(MessageReceivedEvent.class))
                    .filteredOn(e -> e.isFromType(ChannelType.PRIVATE))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getMessage().getContentRaw()).isEqualTo("Hoe gaat het?"));
        }
    }

    @Test
    @DisplayName("GIVEN a shard that does not exist WHEN a client identifies with it THEN the gateway closes with 4010")
    void invalidShard() throws Exception {
        // GIVEN a plain websocket client, not JDA (JDA refuses to send a wrong shard itself)
        for (String shard : List.of("[2, 2]", "[-1, 2]", "[0, 0]", "[0]", "\"0,1\"")) {
            // WHEN it identifies as that shard
            int closeCode = identifyAndAwaitClose(shard);

            // THEN the socket is closed with 4010, invalid shard, and the login noted as refused
            assertThat(closeCode).as(shard).isEqualTo(4010);
        }
        assertThat(discord.gatewayLogins()).hasSize(5).noneMatch(GatewayLogin::accepted);
    }

    @Test
    @DisplayName("GIVEN more servers than one session may carry WHEN the bot logs in without sharding THEN it is closed"
            + " with 4011, and with two shards it is let in")
    void shardingRequired() throws Exception {
        // GIVEN four servers and at most two per session

        // WHEN the real JDA logs in without sharding
        Throwable refused = catchThrowable(() -> TestBot.login(discord).close());

        // THEN the gateway closes it with 4011 and JDA gives up (it cannot connect that way)
        assertThat(refused).isInstanceOf(IllegalStateException.class);
        assertThat(discord.gatewayLogins()).singleElement().satisfies(login -> {
            assertThat(login.accepted()).isFalse();
            assertThat(login.shardCount()).isEqualTo(1);
        });

        // ... and as shard 0 of 2, with two servers, it is let in
        try (TestBot shard0 = shard(0)) {
            assertThat(shard0.jda.getGuilds()).hasSize(2);
        }
    }

    private TestBot shard(int id) throws InterruptedException {
        TestBot bot = TestBot.login(discord, TestBot.INTENTS, builder -> builder.useSharding(id, 2));
        bot.jda.awaitReady();
        return bot;
    }

    /** The channels of the parent's messages a shard saw, in order. */
    private static List<Long> messagesFrom(TestBot bot, LocalUser author) {
        return bot.events(MessageReceivedEvent.class).stream()
                .filter(e -> e.getAuthor().getIdLong() == author.id())
                .map(e -> e.getChannel().getIdLong())
                .toList();
    }

    /** Connects with the JDK's websocket client, identifies with {@code shard}, returns the close code. */
    private int identifyAndAwaitClose(String shard) throws Exception {
        String token = Json.write(Json.MAPPER.getNodeFactory().textNode(discord.botToken()));
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
                if (Json.parse(text.toString()).path("op").asInt() == 10) { // HELLO: now identify
                    socket.sendText(
                            "{\"op\":2,\"d\":{\"token\":" + token + ",\"intents\":4096,\"properties\":{},"
                                    + "\"shard\":" + shard + "}}",
                            true);
                }
                socket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                closed.completeExceptionally(error);
            }
        };
        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(discord.gatewayUrl() + "?v=10&encoding=json"), listener)
                .get(10, TimeUnit.SECONDS);
        try {
            return closed.get(10, TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }
}
