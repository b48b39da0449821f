package nl.classbridge.sandbox.page;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.sandbox.Sandbox;
import nl.classbridge.sandbox.SandboxException;

/**
 * The sandbox's web page on 127.0.0.1: the class channel as families see it, a panel per family
 * (their DMs with the bot, their mailbox), the teacher's commands and private replies, the clock, and
 * a guided tour. Server-rendered; htmx (from its WebJar) posts the forms in the background and
 * reloads the live parts when something changed. Every action goes through the same local Discord
 * server and mail server the tests use, so the bot cannot tell the page from real people.
 */
public final class SandboxPage implements Sandbox.Page {
    /** The htmx WebJar's version, as in the pom. */
    static final String HTMX_VERSION = "2.0.8";

    private static final String LANGUAGE_COOKIE = "lang";

    private final Sandbox sandbox;
    private final Messages messages;
    private final Classroom classroom;
    private final Tour tour;
    private final Actions actions;
    private final String css = resource("/sandbox/page.css");
    private Javalin server;

    private SandboxPage(Sandbox sandbox, Messages messages) {
        this.sandbox = sandbox;
        this.messages = messages;
        this.classroom = new Classroom(sandbox);
        this.tour = new Tour(sandbox, classroom);
        this.actions = new Actions(sandbox, classroom, tour);
    }

    /**
     * Serves the page for {@code sandbox} on 127.0.0.1 at {@code port} (0: any free port).
     *
     * @throws SandboxException when the port is taken
     */
    public static SandboxPage start(int port, Sandbox sandbox) throws SandboxException, CatalogueException {
        SandboxPage page = new SandboxPage(
                sandbox,
                new Messages(MessageCatalogue.load(sandbox.settings().texts().messagesFolder()), Language.NL));
        page.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1"; // the sandbox is for this machine only
            config.jetty.port = port;
            config.staticFiles.enableWebjars();
            config.routes.before(page::guard);
            config.routes.get("/", ctx -> ctx.html(page.view(ctx).page(page.version(), Map.of())));
            config.routes.get(
                    "/page.css",
                    ctx -> ctx.contentType("text/css; charset=utf-8").result(page.css));
            config.routes.get("/lang/{code}", page::chooseLanguage);
            config.routes.get("/watch", page::watch);
            config.routes.get("/empty", ctx -> ctx.html(""));
            config.routes.get("/part/{part}", page::part);
            config.routes.post("/act/{actor}/{action}", ctx -> page.answer(ctx, page.actions.act(ctx, page.view(ctx))));
            config.routes.post("/teacher/command", ctx -> page.answer(ctx, page.actions.command(ctx, page.view(ctx))));
            config.routes.get("/teacher/suggest", ctx -> ctx.html(page.actions.suggest(ctx)));
            config.routes.post("/clock", ctx -> page.answer(ctx, page.actions.clock(ctx)));
            config.routes.get(
                    "/families/{guardian}/mail/{mail}/reply",
                    ctx -> ctx.html(page.actions.compose(ctx, page.view(ctx)).html()));
            config.routes.post(
                    "/families/{guardian}/mail/{mail}/reply",
                    ctx -> page.answer(ctx, page.actions.reply(ctx, page.view(ctx))));
        });
        try {
            page.server.start();
        } catch (JavalinBindException taken) {
            throw new SandboxException("sandbox.port: 127.0.0.1:" + port + " is in use by another program; set"
                    + " sandbox.port to a free port, or 0 for any free port");
        }
        return page;
    }

    @Override
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * Only this machine's browser, asking by this machine's name, may use the page: a Host other than
     * the loopback address (DNS rebinding) or a form posted from another site is refused.
     */
    private void guard(Context ctx) {
        String host = Optional.ofNullable(ctx.header("Host")).orElse("");
        boolean local = host.matches("(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?");
        boolean crossSite = "cross-site".equals(ctx.header("Sec-Fetch-Site"));
        if (!local || (crossSite && !"GET".equals(ctx.method().name()))) {
            ctx.status(HttpStatus.FORBIDDEN).result("The sandbox answers this machine's browser only.");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
                        + " data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private void chooseLanguage(Context ctx) {
        Language chosen = PageTexts.choose(ctx.pathParam("code"), null);
        ctx.cookie(LANGUAGE_COOKIE, chosen.code(), 365 * 24 * 3600);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /**
     * 204 while nothing changed; else a new watch, and an event that makes the live parts reload, and
     * one that draws the families again when one joined or left.
     */
    private void watch(Context ctx) {
        String now = version();
        String seen = Optional.ofNullable(ctx.queryParam("v")).orElse("");
        if (now.equals(seen)) {
            ctx.status(HttpStatus.NO_CONTENT);
            return;
        }
        boolean families = !familiesPart(now).equals(familiesPart(seen));
        ctx.header("HX-Trigger", families ? "world-changed, families-changed" : "world-changed")
                .html(PageView.watch(now));
    }

    /** What changed anywhere: the local Discord, the mail server, the clock, and who the families are. */
    private String version() {
        return sandbox.discord().version() + "-" + sandbox.mail().received() + "-"
                + sandbox.clock().offset().toMillis() + "-" + classroom.signature();
    }

    private static String familiesPart(String version) {
        return version.substring(version.lastIndexOf('-') + 1);
    }

    private PageView view(Context ctx) {
        Language language = PageTexts.choose(ctx.cookie(LANGUAGE_COOKIE), ctx.header("Accept-Language"));
        return new PageView(sandbox, classroom, tour, new PageTexts(messages, language));
    }

    private void part(Context ctx) {
        PageView view = view(ctx);
        String part = ctx.pathParam("part");
        switch (part) {
            case "tour" -> ctx.html(view.tour());
            case "clock" -> ctx.html(view.clock());
            case "channel" -> ctx.html(view.channel());
            case "teacher" -> ctx.html(view.teacher());
            case "families" -> ctx.html(view.families(Map.of()));
            default ->
                ctx.html(Actions.guardianId(part)
                        .flatMap(classroom::find)
                        .map(family -> view.familyView().live(family))
                        .orElse(""));
        }
    }

    /**
     * The answer to a form: with htmx, the slot's new content and a nudge to the live parts; without a
     * script, the whole page with the answer in its slot.
     */
    private void answer(Context ctx, Actions.Answer answer) {
        if (ctx.header("HX-Request") != null) {
            ctx.header("HX-Trigger", "world-changed").html(answer.html());
        } else {
            ctx.html(view(ctx).page(version(), Map.of(answer.actor(), answer.html())));
        }
    }

    private static String resource(String name) {
        try (InputStream in = SandboxPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
