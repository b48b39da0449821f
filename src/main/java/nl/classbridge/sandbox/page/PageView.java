package nl.classbridge.sandbox.page;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import nl.classbridge.domain.Language;
import nl.classbridge.sandbox.Sandbox;
import nl.classbridge.sandbox.SandboxSchool;

/** The page and its live parts, rendered for one reader's language. */
final class PageView {
    static final String HTMX = "/webjars/htmx.org/" + SandboxPage.HTMX_VERSION + "/dist/htmx.min.js";

    private final Sandbox sandbox;
    private final Classroom classroom;
    private final Tour tour;
    private final PageTexts texts;
    private final ZoneId zone;

    PageView(Sandbox sandbox, Classroom classroom, Tour tour, PageTexts texts) {
        this.sandbox = sandbox;
        this.classroom = classroom;
        this.tour = tour;
        this.texts = texts;
        this.zone = sandbox.settings().school().timezone();
    }

    PageTexts texts() {
        return texts;
    }

    FamilyView familyView() {
        return new FamilyView(sandbox.discord(), sandbox.mail(), texts, zone);
    }

    /**
     * The whole page. {@code slots} fills the answer slots of actors, for visitors without scripts
     * whose form post came back as a whole page.
     */
    String page(String version, Map<String, String> slots) {
        Language other = texts.language() == Language.NL ? Language.EN : Language.NL;
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"")
                .append(texts.language().code())
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
                        + " initial-scale=1\"><title>")
                .append(texts.get("title"))
                .append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/page.css\"><script src=\"")
                .append(HTMX)
                .append("\" defer></script></head><body>")
                .append("<header class=\"top\"><div class=\"brand\"><h1>ClassBridge <span>")
                .append(texts.get("sandbox"))
                .append("</span></h1><a class=\"switch\" href=\"/lang/")
                .append(other.code())
                .append("\" lang=\"")
                .append(other.code())
                .append("\">")
                .append(Html.text(other.nativeName()))
                .append("</a></div><p>")
                .append(texts.get("intro"))
                .append("</p><nav><a href=\"#teacher\">")
                .append(texts.get("nav.teacher"))
                .append("</a> <a href=\"#channel\">")
                .append(texts.get("nav.channel"))
                .append("</a> <a href=\"#families\">")
                .append(texts.get("nav.families"))
                .append("</a></nav>")
                .append(watch(version))
                .append("</header><main>")
                .append(live("tour", "tour", tour.render(texts)))
                .append(live("clock", "clock", clock()))
                .append("<div class=\"columns\"><section id=\"teacher\" class=\"panel\"><h2>")
                .append(texts.get(
                        "teacher.title",
                        Map.of("name", sandbox.school().teacher().shownName())))
                .append("</h2>")
                .append(withSlot(
                        new TeacherView(sandbox.discord(), sandbox.school(), texts, zone).panel(),
                        TeacherView.ACTOR,
                        slots))
                .append("</section><section id=\"channel\" class=\"panel\"><h2>")
                .append(texts.get(
                        "channel.title",
                        Map.of("channel", sandbox.school().channel().name())))
                .append("</h2><p class=\"hint\">")
                .append(texts.get("channel.about"))
                .append("</p>")
                .append(live("channel-posts", "channel", channel()))
                .append("</section><section id=\"families\" class=\"panel\"><h2>")
                .append(texts.get("families.title"))
                .append("</h2><p class=\"hint\">")
                .append(texts.get("families.about"))
                .append("</p>")
                .append("<div id=\"family-list\" hx-get=\"/part/families\" hx-trigger=\"families-changed from:body\">")
                .append(families(slots))
                .append("</div>");
        html.append("</section></div></main><footer><p>")
                .append(texts.get("footer", Map.of("school", SandboxSchool.SCHOOL)))
                .append("</p></footer></body></html>");
        return html.toString();
    }

    /** A panel per family; drawn again only when a family joins or leaves, so open panels stay open. */
    String families(Map<String, String> slots) {
        FamilyView view = familyView();
        StringBuilder html = new StringBuilder();
        classroom.families().forEach(family -> html.append(withSlot(view.panel(family), family.actor(), slots)));
        return html.toString();
    }

    /** A live part: reloaded whenever the watch sees a change anywhere. */
    private static String live(String id, String part, String content) {
        return "<section id=\"" + id + "\" class=\"live " + id + "\" aria-live=\"polite\" hx-get=\"/part/" + part
                + "\" hx-trigger=\"world-changed from:body\">" + content + "</section>";
    }

    /** The watch: asks every second whether anything changed; the answer to a change tells the live parts. */
    static String watch(String version) {
        return "<div id=\"watch\" hx-get=\"/watch?v=" + Html.text(version) + "\" hx-trigger=\"every 1s\""
                + " hx-swap=\"outerHTML\"></div>";
    }

    private static String withSlot(String panel, String actor, Map<String, String> slots) {
        String empty = "<div id=\"" + Forms.slot(actor) + "\" class=\"slot\"></div>";
        String filled = slots.get(actor);
        return filled == null
                ? panel
                : panel.replace(empty, "<div id=\"" + Forms.slot(actor) + "\" class=\"slot\">" + filled + "</div>");
    }

    String channel() {
        return new ChannelView(sandbox.discord(), sandbox.school(), texts, zone).live();
    }

    String teacher() {
        return new TeacherView(sandbox.discord(), sandbox.school(), texts, zone).live();
    }

    String tour() {
        return tour.render(texts);
    }

    String clock() {
        Instant now = sandbox.clock().instant();
        return new ClockView(texts, zone, sandbox.settings().quietHours())
                .live(now, classroom.nextUpdate(), classroom.deadline(now));
    }
}
