package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.store.Repositories;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One sandbox as the first README command starts it, in this JVM: the real bot with the local
 * Discord server, GreenMail and a SQLite file, seeded with the example school. A real-looking
 * Discord token is in its environment, as on a developer's machine.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxTest {
    /** Stands for the school's real bot token in a developer's environment; it is not one. */
    private static final String REAL_TOKEN = "the-real-bot-token-from-the-environment-0123456789";

    @TempDir
    static Path folder;

    static Sandbox sandbox;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandboxes.start(folder.resolve("sandbox.db"), Map.of("DISCORD_TOKEN", REAL_TOKEN), false);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Repositories store() {
        return sandbox.bot().store();
    }

    private static SchoolClass groep5() {
        return store().classes().findByChannel(sandbox.school().channel().id()).orElseThrow();
    }

    @Test
    @Order(1)
    @DisplayName("a fresh sandbox has the example school: six children, eight families in five languages,"
            + " highlights queued and a weekly update")
    void seeded() {
        SchoolClass groep5 = groep5();
        assertThat(groep5.name()).isEqualTo("Groep 5");
        assertThat(store().students().inClass(groep5.id())).hasSize(6);
        List<Guardian> guardians = store().guardians().inClass(groep5.id());
        assertThat(guardians).hasSize(8);
        assertThat(guardians.stream().filter(g -> g.discordUserId().isPresent()))
                .hasSize(5);
        assertThat(guardians.stream()
                        .filter(g -> g.discordUserId().isEmpty() && g.email().isPresent()))
                .hasSize(3);
        assertThat(guardians.stream()
                        .map(g -> g.plan().languageOr(groep5.language()))
                        .distinct())
                .containsExactlyInAnyOrder(Language.NL, Language.EN, Language.AR, Language.PL, Language.TR);
        assertThat(guardians.stream()
                        .filter(g -> store().students().childrenOf(g.id()).size() == 2))
                .hasSize(1);
        assertThat(guardians.stream().filter(g -> g.plan().channel() == ContactChannel.EMAIL))
                .hasSize(3);
        long closed = guardians.stream()
                .flatMap(g -> g.discordUserId().stream())
                .flatMap(id -> sandbox.discord().user(id).stream())
                .filter(sandbox.discord()::directMessagesClosed)
                .count();
        assertThat(closed).isEqualTo(1);
        assertThat(store().highlights().queued(groep5.id())).hasSize(3);
        assertThat(store().schedules().find(groep5.id()))
                .hasValueSatisfying(schedule -> assertThat(schedule.day()).isEqualTo(java.time.DayOfWeek.FRIDAY));
    }

    @Test
    @DisplayName("the real DISCORD_TOKEN in the environment never reaches the local Discord server; its own token does")
    void realTokenStaysHome() {
        sandbox.discord()
                .slashCommand(sandbox.school().teacher(), sandbox.school().channel(), "class info", Map.of())
                .awaitResponse();
        assertThat(sandbox.discord().wasPresented(sandbox.discord().botToken())).isTrue();
        assertThat(sandbox.discord().wasPresented(REAL_TOKEN)).isFalse();
        assertThat(sandbox.settings().discord().token().orElseThrow().reveal()).isNotEqualTo(REAL_TOKEN);
    }

    @Test
    @DisplayName("the bot's mail and Discord settings point at the local servers on 127.0.0.1, whatever is configured")
    void localParts() {
        assertThat(sandbox.page().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.settings().discord().restUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.settings().mail().smtp().host()).contains("127.0.0.1");
        assertThat(sandbox.settings().mail().imap().host()).contains("127.0.0.1");
        assertThat(sandbox.settings().database().path()).isEqualTo(folder.resolve("sandbox.db"));
    }

    @Test
    @Order(99) // it posts the queued highlights
    @DisplayName("moving the clock to the next class update posts it within seconds, not at the next minute's turn")
    void clockJumpRunsTheJobs() {
        sandbox.clock()
                .advanceTo(store().schedules().find(groep5().id()).orElseThrow().nextRunAt());
        sandbox.discord()
                .await(
                        "the class update in the channel",
                        Duration.ofSeconds(5),
                        () -> sandbox.discord().messagesIn(sandbox.school().channel()).stream()
                                .anyMatch(message -> !message.ephemeral()
                                        && message.content().contains("pizzapunten")));
    }

    @Test
    @DisplayName("the page, the local Discord server and the mail server cannot be reached from another machine")
    void loopbackOnly() throws Exception {
        java.util.Optional<InetAddress> outward =
                java.util.Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                        .filter(n -> !isLoopback(n))
                        .flatMap(n -> java.util.Collections.list(n.getInetAddresses()).stream())
                        .filter(address -> address instanceof java.net.Inet4Address)
                        .findFirst();
        Assumptions.assumeTrue(outward.isPresent(), "this machine has no network address besides loopback");
        int[] ports = {
            sandbox.page().getPort(),
            URI.create(sandbox.discord().restUrl()).getPort(),
            sandbox.mail().smtpPort(),
            sandbox.mail().imapPort()
        };
        for (int port : ports) {
            assertThatThrownBy(() -> new Socket(outward.get(), port).close())
                    .as("port " + port + " on " + outward.get())
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    private static boolean isLoopback(NetworkInterface network) {
        try {
            return network.isLoopback() || !network.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Test
    @DisplayName("the page: 204 from the watch while nothing changes, and a nudge once something does")
    void watch() throws Exception {
        HttpResponse<String> first = get("/watch?v=none");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("HX-Trigger"))
                .hasValueSatisfying(events -> assertThat(events).startsWith("world-changed"));
        String version = first.body().replaceAll("(?s).*\\?v=([^\"]+)\".*", "$1");
        // The bot may still be sending the seeding's welcome mails: look until a moment is quiet.
        boolean quiet = false;
        for (int look = 0; look < 100 && !quiet; look++) {
            HttpResponse<String> again = get("/watch?v=" + version);
            quiet = again.statusCode() == 204;
            if (!quiet) {
                version = again.body().replaceAll("(?s).*\\?v=([^\"]+)\".*", "$1");
                java.util.concurrent.locks.LockSupport.parkNanos(
                        Duration.ofMillis(50).toNanos());
            }
        }
        assertThat(quiet).as("204 once nothing changed").isTrue();
        sandbox.discord().sendDirectMessage(sandbox.school().teacher(), "hallo");
        assertThat(get("/watch?v=" + version).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName(
            "a family the teacher adds on the page gets a panel: the watch tells the page to draw the families again")
    void newFamilyGetsAPanel() throws Exception {
        String version = get("/watch?v=none").body().replaceAll("(?s).*\\?v=([^\"]+)\".*", "$1");
        sandbox.discord()
                .slashCommand(
                        sandbox.school().teacher(),
                        sandbox.school().channel(),
                        "guardian add-email",
                        Map.of("student", "Noor", "email", "opa.noor@thuis.example"))
                .awaitResponse();
        HttpResponse<String> watch = get("/watch?v=" + version);
        assertThat(watch.headers().firstValue("HX-Trigger"))
                .hasValueSatisfying(events -> assertThat(events).contains("world-changed", "families-changed"));
        assertThat(get("/part/families").body()).contains("opa.noor@thuis.example");
    }

    @Test
    @DisplayName("GIVEN a week of long highlights WHEN the teacher asks /prep about Sem THEN the teacher's panel shows"
            + " the private reply with its Markdown file, to open, and the file holds the six parts")
    void prepFileOnThePage() throws Exception {
        for (int i = 1; i <= 4; i++) {
            sandbox.discord()
                    .slashCommand(
                            sandbox.school().teacher(),
                            sandbox.school().channel(),
                            "update add",
                            Map.of(
                                    "text",
                                    ("Moment " + i + ": de kinderen werkten samen aan een groot project over de"
                                                    + " seizoenen en lieten elkaar trots zien wat ze gemaakt hadden. ")
                                            .repeat(3)))
                    .awaitResponse();
        }
        var reply = sandbox.discord()
                .slashCommand(sandbox.school().teacher(), sandbox.school().channel(), "prep", Map.of("student", "Sem"))
                .awaitResponse();
        assertThat(reply.data().path("attachments"))
                .as("the sheet came as a file")
                .hasSize(1);

        // The reply is kept by the local server as it answers; under load the page may read a moment earlier.
        Eventually.await(
                "the teacher's panel with the prep file",
                Duration.ofSeconds(10),
                () -> teacherPanel().contains("prep-sem.md"));
        String panel = get("/part/teacher").body();

        assertThat(panel)
                .contains("<details class=\"file\"><summary>📄 prep-sem.md</summary>")
                .contains("1. Wat goed gaat")
                .contains("6. Vragen om te stellen")
                .contains("Moment 4: de kinderen werkten samen");
    }

    @Test
    @DisplayName("the page works without a script: a command posted as a plain form comes back as the whole page")
    void withoutScript() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(sandbox.page().resolve("/teacher/command"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("command=class+info"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<!doctype html>").contains("Groep 5");
    }

    @Test
    @DisplayName("GIVEN a conversation marked held on the page WHEN the teacher presses the reflection button"
            + " THEN the page shows its form with three optional fields, and sending it stores the reflection")
    void reflectionFormOnThePage() throws Exception {
        // GIVEN a child's conversation planned and marked held through the page's command forms
        String child = store().students().inClass(groep5().id()).get(0).name();
        String day = sandbox.clock()
                .instant()
                .atZone(groep5().timezone())
                .toLocalDate()
                .plusDays(3)
                .toString();
        assertThat(post("/teacher/command", "command=conversation+plan&option.student=" + child + "&option.date=" + day)
                        .statusCode())
                .isEqualTo(200);
        post("/teacher/command", "command=conversation+done&option.student=" + child);
        PostedMessage answer = sandbox.discord()
                .awaitValue(
                        "the reply with the reflection button",
                        () -> sandbox.discord().messagesIn(sandbox.school().channel()).stream()
                                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("cv:rf:")))
                                .findFirst());
        String button = answer.customIds().stream()
                .filter(id -> id.startsWith("cv:rf:"))
                .findFirst()
                .orElseThrow();

        // WHEN the teacher presses it on the page
        String form = post("/act/teacher/press", "message=" + answer.id() + "&component=" + button)
                .body();

        // THEN the form has the three questions, none required
        assertThat(form)
                .contains("Wat ging goed?", "Wat zou ik anders doen?", "name=\"input.went-well\"")
                .contains("name=\"input.differently\"", "name=\"input.take-along\"")
                .doesNotContain(" required");
        String modal = form.replaceAll("(?s).*name=\"modal\" value=\"([^\"]+)\".*", "$1");

        // WHEN the teacher fills one field and sends it
        String sent = post(
                        "/act/teacher/modal",
                        "message=" + answer.id() + "&modal=" + modal
                                + "&input.went-well=Rustig+gesprek&input.differently=&input.take-along=")
                .body();

        // THEN it is stored as the teacher's own reflection
        long conversation = Long.parseLong(button.split(":")[2]);
        assertThat(sent).doesNotContain("modal-form");
        sandbox.discord()
                .await(
                        "the reflection to be stored",
                        () -> store().conversations()
                                .reflection(
                                        conversation, sandbox.school().teacher().id())
                                .isPresent());
        assertThat(store().conversations()
                        .reflection(conversation, sandbox.school().teacher().id())
                        .orElseThrow()
                        .wentWell())
                .contains("Rustig gesprek");
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(sandbox.page().resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("HX-Request", "true")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName(
            "the page answers only this machine's browser: another Host (DNS rebinding) or a cross-site post is refused")
    void guard() throws Exception {
        assertThat(rawStatus("GET / HTTP/1.1\r\nHost: classbridge.evil.example\r\nConnection: close\r\n\r\n"))
                .isEqualTo(403);
        HttpResponse<String> crossSite = http.send(
                HttpRequest.newBuilder(sandbox.page().resolve("/clock"))
                        .header("Sec-Fetch-Site", "cross-site")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("to=day"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        policy -> assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
    }

    @Test
    @DisplayName("the page's own script comes from the htmx WebJar, served by the bot itself")
    void htmxFromTheWebJar() throws Exception {
        String page = get("/").body();
        String script = page.replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        HttpResponse<String> htmx = get(script);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    private static String teacherPanel() {
        try {
            return get("/part/teacher").body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(sandbox.page().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a Host header Java's HTTP client will not send, straight over a socket. */
    private static int rawStatus(String request) throws Exception {
        URI page = sandbox.page();
        try (Socket socket = new Socket(page.getHost(), page.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
