package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.classbridge.cli.ClassBridgeCommand;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.store.Database;
import nl.classbridge.store.Migrations;
import nl.classbridge.store.Repositories;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's status and health end to end: the real bot (real JDA against the local Discord
 * server, GreenMail's real IMAP, a real SQLite file) in each state, read by {@code classbridge
 * status} (through the stored heartbeat, as another process would) and by the loopback endpoint,
 * with their exit codes and HTTP codes; and none of the seeded family's data in any of it.
 */
@Timeout(180)
class StatusOnDiscordTest {
    private static final String BOT = "klas@school.example";
    /** What a family left in the store; none of it may show in the status, /health or /metrics. */
    private static final String CHILD = "Zoë Markerkind";

    private static final String PARENT_MAIL = "marker.ouder@example.org";
    private static final String PARENT_NAME = "markervader";
    private static final String WORDS = "Geheimezin-Markering-7731";
    private static final String CLASS = "Groep Marker-Zonnebloem";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP_IMAP.clone());

    @TempDir
    Path folder;

    private SchoolOnDiscord school;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> seen = new ArrayList<>();

    private record Status(int exit, String text) {}

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("CLASSBRIDGE_DATABASE_PATH", folder.resolve("classbridge.db").toString());
        return env;
    }

    /** {@code classbridge status} in this JVM, but reading only the database, as from another process. */
    private Status status() {
        StringWriter out = new StringWriter();
        var commandLine = ClassBridgeCommand.commandLine(environment(), school.clock);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        int exit = commandLine.execute("status");
        seen.add(out.toString());
        return new Status(exit, out.toString());
    }

    /**
     * The status once it satisfies {@code wanted}: the bot writes its heartbeat every 15 s, and at
     * once when told the clock moved, which is how the sandbox's clock reaches it too.
     */
    private Status awaitStatus(String what, Predicate<Status> wanted) {
        Status[] last = new Status[1];
        int[] probes = {0};
        Eventually.await(what, Duration.ofSeconds(60), () -> {
            if (probes[0]++ % 10 == 0) {
                school.bot.clockMoved();
            }
            last[0] = status();
            return wanted.test(last[0]);
        });
        return last[0];
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        seen.add(response.body());
        return response;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A family with a child, an email address and Discord, a message for them waiting, one that failed. */
    private void seedFamily(LocalUser father) {
        Repositories store = school.bot.store();
        var now = school.clock.instant();
        SchoolClass groep = store.classes()
                .add(
                        CLASS,
                        school.guild.id(),
                        school.groep5.id(),
                        Language.NL,
                        ZoneId.of("Europe/Amsterdam"),
                        school.teacher.id(),
                        "Juf Anna",
                        now);
        Student child = store.students().add(groep.id(), CHILD, now);
        Guardian byMail = store.guardians().addEmail(PARENT_MAIL, Optional.of(Language.NL), now);
        Guardian onDiscord = store.guardians().addDiscord(father.id(), now);
        store.guardians().link(byMail.id(), child.id(), now);
        store.guardians().link(onDiscord.id(), child.id(), now);
        // SMTP is not configured here: the email waits, as it would with the mail server down.
        store.deliveries()
                .enqueue(
                        "status-test-mail",
                        Optional.of(groep.id()),
                        Optional.of(byMail.id()),
                        DeliveryChannel.EMAIL,
                        "teacher-note",
                        "{\"text\":\"" + WORDS + " " + CHILD + " " + PARENT_MAIL + "\"}",
                        now,
                        now);
        Delivery failed = store.deliveries()
                .enqueue(
                        "status-test-failed",
                        Optional.of(groep.id()),
                        Optional.of(onDiscord.id()),
                        DeliveryChannel.DISCORD_CHANNEL,
                        "teacher-note",
                        "{\"text\":\"" + WORDS + "\"}",
                        now.plus(Duration.ofDays(1)),
                        now);
        store.deliveries().claim(failed.id(), now);
        store.deliveries().markFailed(failed.id(), "channel-gone", now);
    }

    @Test
    @DisplayName("status and /health follow the bot: connected, outbox stuck, mail stale and read again,"
            + " disconnected, stopped; never a family's data")
    void statusFollowsTheBot() throws Exception {
        int port = freePort();
        school = new SchoolOnDiscord(folder);
        LocalUser father = school.parent(PARENT_NAME);
        MAIL.setUser(BOT, BOT, "geheim");
        school.extraEnvironment.putAll(Map.of(
                "CLASSBRIDGE_MAIL_FROM",
                "Groep 5 <" + BOT + ">",
                "CLASSBRIDGE_MAIL_REPLY_TO",
                BOT,
                "CLASSBRIDGE_MAIL_IMAP_HOST",
                "127.0.0.1",
                "CLASSBRIDGE_MAIL_IMAP_PORT",
                String.valueOf(MAIL.getImap().getPort()),
                "CLASSBRIDGE_MAIL_IMAP_SECURITY",
                "none",
                "CLASSBRIDGE_MAIL_IMAP_USERNAME",
                BOT,
                "CLASSBRIDGE_MAIL_IMAP_PASSWORD",
                "geheim",
                // Three intervals are 30 minutes: the outbox can be stuck (15) before the mail is stale.
                "CLASSBRIDGE_MAIL_IMAP_POLL_SECONDS",
                "600",
                "CLASSBRIDGE_OPS_PORT",
                String.valueOf(port)));
        school.restart();
        seedFamily(father);

        // Connected, all well.
        // All well once the gateway has measured its latency and the inbox has had its first look.
        Status well = awaitStatus(
                "all well",
                s -> s.exit() == 0
                        && s.text().contains("Discord:      connected, latency")
                        && !s.text().contains("last not yet"));
        assertThat(well.text())
                .startsWith("ClassBridge: all well")
                .contains("Running:      yes, since")
                .contains("email 1 waiting, 1 due, oldest due")
                .contains("Failed, 24 h: channel-gone 1")
                .contains("Mail in:      read every 600 s, last")
                .contains("Mail out:     off (mail.smtp not set)")
                .contains("heartbeat ")
                .contains("housekeeping ")
                .contains("class updates ")
                .containsPattern("Database: +[0-9.]+ MB, WAL [0-9.]+ MB, schema V" + Migrations.latest() + "\n");
        HttpResponse<String> health = get(port, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(health.body());
        assertThat(json.get("status").asText()).isEqualTo("ok");
        assertThat(json.at("/discord/state").asText()).isEqualTo("connected");
        assertThat(json.at("/discord/latencyMs").isNumber()).isTrue();
        assertThat(json.at("/mail/lastReadAt").isTextual()).isTrue();
        assertThat(json.at("/database/schemaVersion").asInt()).isEqualTo(Migrations.latest());
        HttpResponse<String> metrics = get(port, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines())
                .contains(
                        "classbridge_healthy 1",
                        "classbridge_discord_connected 1",
                        "classbridge_outbox_waiting{channel=\"email\"} 1",
                        "classbridge_deliveries_failed_24h{reason=\"channel-gone\",outcome=\"failed\"} 1",
                        "classbridge_mail_poll_interval_seconds 600",
                        "classbridge_schema_version " + Migrations.latest());

        // The email has waited more than 15 minutes since it was due: the outbox is stuck.
        school.clock.jump(Duration.ofMinutes(16));
        Status stuck = awaitStatus("outbox stuck", s -> s.text().contains("outbox-stuck"));
        assertThat(stuck.exit()).isEqualTo(1);
        assertThat(stuck.text())
                .startsWith("ClassBridge: needs attention")
                .contains("! outbox-stuck: 1 message(s) on email due for 16 min")
                .doesNotContain("mail-stale");
        HttpResponse<String> stuckHealth = get(port, "/health");
        assertThat(stuckHealth.statusCode()).isEqualTo(503);
        assertThat(new ObjectMapper()
                        .readTree(stuckHealth.body())
                        .at("/problems/0/code")
                        .asText())
                .isEqualTo("outbox-stuck");
        assertThat(get(port, "/metrics").body().lines()).contains("classbridge_problem{code=\"outbox-stuck\"} 1");

        // More than three poll intervals without a look in the mailbox: the mail is stale.
        school.clock.jump(Duration.ofMinutes(15));
        Status stale = awaitStatus("mail stale", s -> s.text().contains("mail-stale"));
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.text()).contains("! mail-stale: the mailbox was last read 31 min ago");
        // A mail arrives: the bot looks in the mailbox at once (IDLE), and the mail is fresh again.
        GreenMailUtil.sendTextEmail(
                BOT,
                "iemand@example.org",
                "Even een vraag",
                "Hallo",
                MAIL.getSmtp().getServerSetup());
        Status readAgain = awaitStatus("mail read again", s -> !s.text().contains("mail-stale"));
        assertThat(readAgain.text()).contains("outbox-stuck");

        // Discord goes away: the gateway is lost.
        school.discord.close();
        Status disconnected = awaitStatus("disconnected", s -> s.text().contains("discord-disconnected"));
        assertThat(disconnected.exit()).isEqualTo(1);
        assertThat(disconnected.text()).contains("Discord:      NOT connected");
        HttpResponse<String> down = get(port, "/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(down.body()).at("/discord/state").asText())
                .isEqualTo("disconnected");
        assertThat(get(port, "/metrics").body().lines()).contains("classbridge_discord_connected 0");

        // The bot stops: not running, and the endpoint is gone with it.
        school.bot.close();
        Status stopped = status();
        assertThat(stopped.exit()).isEqualTo(1);
        assertThat(stopped.text()).contains("! not-running").contains("Running:      no");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(port, "/health"))
                .isInstanceOf(java.io.IOException.class);

        // Nothing a family left is in anything the status or the endpoint said, nor in the heartbeat row.
        try (Database database = Database.openToLook(folder.resolve("classbridge.db"))) {
            seen.add(database.read(sql -> sql.one(
                            "SELECT * FROM bot_heartbeat", row -> row.string("discord") + row.string("next_runs")))
                    .orElseThrow());
        }
        String everything = String.join("\n", seen);
        assertThat(seen).hasSizeGreaterThan(8);
        for (String marker : List.of(
                CHILD,
                "Markerkind",
                PARENT_MAIL,
                "marker.ouder",
                PARENT_NAME,
                Long.toUnsignedString(father.id()),
                WORDS,
                CLASS,
                "Zonnebloem")) {
            assertThat(everything).as("no " + marker).doesNotContain(marker);
        }
        assertThat(Files.readString(folder.resolve("classbridge.db"), StandardCharsets.ISO_8859_1))
                .as("the seeded markers are in the database, so the scan above could have found them")
                .contains(PARENT_MAIL);
    }
}
