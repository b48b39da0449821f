package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.domain.Guardian;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.sandbox.mail.LocalMail;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conversation cycle clicked through the sandbox's page over HTTP, as a teacher trying
 * ClassBridge would: every step through the page's own forms and buttons, and after each step what
 * the teacher's and the families' panels show. The child is Elif: her dad is on Discord (English),
 * her mother reads email (Turkish).
 */
@Timeout(240)
class SandboxCycleTest {
    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/Amsterdam");
    private static final Pattern MODAL = Pattern.compile("name=\"modal\" value=\"([^\"]+)\"");
    private static final Pattern INPUT = Pattern.compile("name=\"input\\.([^\"]+)\"");

    @TempDir
    Path folder;

    Sandbox sandbox;
    PageClient page;

    @BeforeEach
    void start() throws Exception {
        // The sandbox's time starts on a weekday morning, so nothing waits for the quiet hours (20:00-08:00).
        sandbox = Sandboxes.start(folder.resolve("sandbox.db"), Map.of(), false, weekdayMorning());
        page = new PageClient(sandbox);
        sandbox.discord()
                .await(
                        "the cycle's commands to be registered",
                        () -> sandbox.discord()
                                .guildCommands(sandbox.school().guild())
                                .findValuesAsText("name")
                                .containsAll(List.of("conversation", "agreement", "prep")));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("GIVEN the example school WHEN the teacher clicks the conversation cycle through the page"
            + " (needs, plan, both families' answers, child's view, prep, agreements confirmed and questioned,"
            + " done with a reflection, the after-questions, the overview) THEN each step shows on the page")
    void theWholeCycle() throws Exception {
        LocalUser dad = sandbox.school().discordUser("dad.elif").orElseThrow();
        String dadPanel = "/part/g" + guardianOf(dad).id();
        String motherPanel =
                "/part/g" + emailGuardian("anne.elif@thuis.example").id();
        String teacherPanel = "/part/teacher";

        // GIVEN the tour points to the conversation cycle, and the teacher's panel lists its commands near the top
        String commands = page.get("/");
        assertThat(commands).contains("Daarna de gesprekscyclus, helemaal op deze pagina: /gesprek plannen");
        assertThat(commands.indexOf("id=\"cmd-conversation\""))
                .as("/conversation before setting up the class")
                .isPositive()
                .isLessThan(commands.indexOf("id=\"cmd-student\""));

        // WHEN the teacher writes what she needs from parents
        command("class needs", Map.of("text", "Lees elke dag tien minuten samen."));
        // THEN her private reply says it is saved
        awaitPart(teacherPanel, "the needs saved", html -> html.contains("Lees elke dag tien minuten samen."));

        // WHEN she plans a conversation about Elif three days from now
        LocalDate day =
                sandbox.clock().instant().atZone(SCHOOL_TIME).toLocalDate().plusDays(3);
        command("conversation plan", Map.of("student", "Elif", "date", day.toString(), "time", "15:30"));
        // THEN her reply confirms it, and both families get the questions before the conversation
        awaitPart(teacherPanel, "the plan confirmed", html -> html.contains("Elif") && html.contains("15:30"));
        awaitPart(dadPanel, "the questions in the dad's panel", html -> html.contains("Before our conversation"));
        LocalMail.Mail questions = awaitMail("anne.elif@thuis.example");
        awaitPart(
                motherPanel,
                "the questions in the mother's mailbox, with a reply button",
                html -> html.contains("/mail/" + questions.id() + "/reply"));

        // WHEN the dad answers in his panel, by buttons and the answer form
        answerOnDiscord(dad, List.of("She reads a lot at home", "Sport day", "She likes her teacher", ""));
        // THEN his panel thanks him
        awaitPart(dadPanel, "the thanks", html -> html.contains("Thank you for your time!"));

        // WHEN the mother replies to her mail on the page
        int mailsBefore = sandbox.mail().mailboxOf("anne.elif@thuis.example").size();
        String compose = page.get(
                "/families/" + emailGuardian("anne.elif@thuis.example").id() + "/mail/" + questions.id() + "/reply");
        assertThat(compose).contains("name=\"body\"");
        String sent = page.post(
                "/families/" + emailGuardian("anne.elif@thuis.example").id() + "/mail/" + questions.id() + "/reply",
                Map.of(
                        "body",
                        "1. Okuma\n2. Kitap okumayı çok seviyor.\n3. Öğretmenini seviyor.\n4. Hayır\n\n"
                                + questions
                                        .plain()
                                        .lines()
                                        .map(line -> "> " + line)
                                        .reduce("", (a, b) -> a + b + "\n")));
        // THEN the page says it was sent, and her thanks arrive in her mailbox
        assertThat(sent).contains("Verstuurd");
        awaitPart(
                motherPanel,
                "the thanks by email",
                html -> sandbox.mail().mailboxOf("anne.elif@thuis.example").size() > mailsBefore);

        // WHEN the teacher looks at the planned conversations
        command("conversation list", Map.of());
        // THEN both parents count as answered, and no answer is shown
        awaitPart(teacherPanel, "both answers counted", html -> html.contains("2 van 2 beantwoord"));
        assertThat(page.get(teacherPanel)).doesNotContain("She reads a lot at home");

        // WHEN the teacher writes down Elif's own view
        command("conversation child-view", Map.of("student", "Elif", "text", "Rekenen vindt ze moeilijk."));
        // THEN her reply says it is kept with the conversation
        awaitPart(teacherPanel, "the child's view saved", html -> html.contains("wat Elif zelf vertelde"));

        // WHEN she prepares the conversation
        command("prep", Map.of("student", "Elif"));
        // THEN her panel shows the page: the family's words and the child's view, as a message or a file
        awaitPart(
                teacherPanel,
                "the preparation",
                html -> html.contains("She reads a lot at home") && html.contains("Rekenen vindt ze moeilijk."));

        // WHEN the day of the conversation comes, by the page's clock, and the conversation is held in the afternoon
        for (int days = 0; days < 3; days++) {
            page.post("/clock", Map.of("to", "day"));
        }
        for (int hours = 0; hours < 6; hours++) {
            page.post("/clock", Map.of("to", "hour"));
        }
        assertThat(sandbox.clock().instant().atZone(SCHOOL_TIME).toLocalDate()).isEqualTo(day);

        // AND she records two agreements
        String align = day.plusWeeks(4).toString();
        command(
                "agreement add",
                Map.of(
                        "student",
                        "Elif",
                        "text",
                        "Elif leest elke avond met papa",
                        "owner",
                        "parents",
                        "align-again",
                        align));
        command(
                "agreement add",
                Map.of("student", "Elif", "text", "De juf stuurt elke vrijdag de leesboeken mee", "owner", "teacher"));
        // THEN the dad sees both, with their buttons, in his panel
        awaitPart(
                dadPanel,
                "both agreements",
                html -> html.contains("Elif leest elke avond met papa")
                        && html.contains("De juf stuurt elke vrijdag")
                        && html.contains("I see it differently"));

        // WHEN he says the first is not quite how he sees it, with his words in the form
        PostedMessage reading = agreementMessage(dad, "Elif leest elke avond met papa");
        String differs = idStartingWith(reading, "ag:diff:");
        String form = act(dad, "press", Map.of("message", String.valueOf(reading.id()), "component", differs));
        assertThat(form).contains("modal-form");
        act(
                dad,
                "modal",
                Map.of(
                        "message",
                        String.valueOf(reading.id()),
                        "modal",
                        group(MODAL, form),
                        "input." + group(INPUT, form),
                        "Liever om het weekend"));
        // AND he confirms the second
        PostedMessage books = agreementMessage(dad, "De juf stuurt elke vrijdag");
        act(dad, "press", Map.of("message", String.valueOf(books.id()), "component", idStartingWith(books, "ag:ok:")));

        // THEN /agreement list shows where each stands, with his words
        command("agreement list", Map.of("student", "Elif"));
        awaitPart(
                teacherPanel,
                "the list with the answers",
                html -> html.contains("Liever om het weekend") && html.contains("✅"));

        // WHEN the conversation has been held and the teacher marks it done
        command("conversation done", Map.of("student", "Elif"));
        PostedMessage done = sandbox.discord()
                .awaitValue(
                        "the reply with the reflection button",
                        () -> sandbox.discord().messagesIn(sandbox.school().channel()).stream()
                                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("cv:rf:")))
                                .findFirst());
        awaitPart(teacherPanel, "the reflection button on the page", html -> html.contains("cv:rf:"));
        // AND writes a reflection in its form
        String reflection = act(
                null,
                "press",
                Map.of("message", String.valueOf(done.id()), "component", idStartingWith(done, "cv:rf:")));
        String afterReflection = page.post(
                "/act/teacher/modal",
                Map.of(
                        "message",
                        String.valueOf(done.id()),
                        "modal",
                        group(MODAL, reflection),
                        "input.went-well",
                        "Papa vertelde veel",
                        "input.differently",
                        "",
                        "input.take-along",
                        ""));
        // THEN the form closes, and the dad gets the questions after the conversation
        assertThat(afterReflection).doesNotContain("modal-form");
        awaitPart(dadPanel, "the after-conversation questions", html -> html.contains("How was our conversation?"));

        // WHEN he answers them in his panel
        answerOnDiscord(dad, List.of("Thank you"));
        awaitPart(
                dadPanel,
                "his thanks after the questions",
                html -> html.split("Thank you for your time!", -1).length == 3);

        // WHEN the teacher closes the agreement about the books, picked from the field's suggestions
        String bookAgreement = idStartingWith(books, "ag:ok:").substring("ag:ok:".length());
        String suggestions = page.get(
                "/teacher/suggest?command=agreement+done&focused=agreement" + "&option.student=Elif&option.agreement=");
        assertThat(suggestions).contains("value=\"" + bookAgreement + "\"", "leesboeken");
        command("agreement done", Map.of("student", "Elif", "agreement", bookAgreement));
        // THEN her reply says so
        awaitPart(teacherPanel, "the agreement closed", html -> html.contains("De afspraak is afgerond."));

        // THEN /class overview shows where Elif's family stands: the open agreements and the next alignment
        command("class overview", Map.of());
        awaitPart(
                teacherPanel,
                "the overview",
                html -> html.contains("Overzicht van Groep 5") && html.contains("Open afspraken"));
    }

    // --- the page's steps -------------------------------------------------------------------------------

    private void command(String command, Map<String, String> options) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("command", command);
        options.forEach((name, value) -> form.put("option." + name, value));
        String slot = page.post("/teacher/command", form);
        assertThat(slot).as("/" + command + " on the page").doesNotContain("class=\"error\"");
    }

    /** A press or a form in a panel: the teacher's ({@code user} null) or a Discord family's. */
    private String act(LocalUser user, String action, Map<String, String> fields) throws Exception {
        String actor = user == null ? "teacher" : "g" + guardianOf(user).id();
        String slot = page.post("/act/" + actor + "/" + action, fields);
        assertThat(slot).as(action + " in " + actor + "'s panel").doesNotContain("class=\"error\"");
        return slot;
    }

    /**
     * Answers the questions in the parent's panel as a parent would: Start, the first choice of a
     * scale, yes-no or choice, the answer form for a text question (empty words: skip), then Done.
     */
    private void answerOnDiscord(LocalUser parent, List<String> words) throws Exception {
        List<String> texts = new ArrayList<>(words);
        for (int step = 0; step < 20; step++) {
            PostedMessage latest = latestQuestion(parent);
            List<String> ids = latest.customIds();
            String before = conversation(parent);
            Optional<String> start = first(ids, "ci:start:");
            Optional<String> done = first(ids, "ci:done:");
            Optional<String> open = first(ids, "ci:open:");
            Optional<String> answer = first(ids, "ci:ans:");
            Optional<String> select = first(ids, "ci:sel:");
            Map<String, String> at = new LinkedHashMap<>();
            at.put("message", String.valueOf(latest.id()));
            if (done.isPresent()) {
                at.put("component", done.get());
                act(parent, "press", at);
                return;
            } else if (start.isPresent()) {
                at.put("component", start.get());
                act(parent, "press", at);
            } else if (answer.isPresent()) {
                at.put("component", answer.get());
                act(parent, "press", at);
            } else if (select.isPresent()) {
                at.put("component", select.get());
                at.put("values", "0");
                act(parent, "choose", at);
            } else if (open.isPresent()) {
                String text = texts.isEmpty() ? "" : texts.remove(0);
                Optional<String> skip = first(ids, "ci:skip:");
                if (text.isEmpty() && skip.isPresent()) {
                    at.put("component", skip.get());
                    act(parent, "press", at);
                } else {
                    at.put("component", open.get());
                    String form = act(parent, "press", at);
                    assertThat(form).as("the answer form in the panel").contains("modal-form");
                    Map<String, String> filled = new LinkedHashMap<>();
                    filled.put("message", String.valueOf(latest.id()));
                    filled.put("modal", group(MODAL, form));
                    filled.put("input." + group(INPUT, form), text.isEmpty() ? "-" : text);
                    act(parent, "modal", filled);
                }
            } else {
                throw new AssertionError("no question to answer in " + latest.content());
            }
            sandbox.discord()
                    .await(
                            "the next question after " + String.join(",", ids),
                            () -> !conversation(parent).equals(before));
        }
        throw new AssertionError("the questions did not end");
    }

    private PostedMessage latestQuestion(LocalUser parent) {
        return sandbox.discord().awaitValue("a question in the panel", () -> {
            List<PostedMessage> all = sandbox.discord().directMessagesTo(parent);
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).customIds().stream().anyMatch(id -> id.startsWith("ci:"))) {
                    return Optional.of(all.get(i));
                }
            }
            return Optional.empty();
        });
    }

    /** What the parent's private conversation holds now, to see that the bot answered. */
    private String conversation(LocalUser parent) {
        StringBuilder all = new StringBuilder();
        for (PostedMessage message : sandbox.discord().directMessagesTo(parent)) {
            all.append(message.id())
                    .append(message.content())
                    .append(message.components())
                    .append('\n');
        }
        return all.toString();
    }

    private PostedMessage agreementMessage(LocalUser parent, String text) {
        return sandbox.discord()
                .awaitValue(
                        "the agreement '" + text + "' in the DMs",
                        () -> sandbox.discord().directMessagesTo(parent).stream()
                                .filter(m -> m.content().contains(text)
                                        || m.components().toString().contains(text))
                                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ag:ok:")))
                                .findFirst());
    }

    private void awaitPart(String part, String what, Predicate<String> shows) throws Exception {
        try {
            Eventually.await(what + " on the page (" + part + ")", Duration.ofSeconds(30), () -> {
                try {
                    return shows.test(page.get(part));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (AssertionError notShown) {
            throw new AssertionError(notShown.getMessage() + "; the page shows: " + page.get(part), notShown);
        }
    }

    /** The first mail about Elif: in the example school, none is about one child before the plan. */
    private LocalMail.Mail awaitMail(String address) {
        // Mail is not a change on the local Discord server: look often, as long as the outbox may take.
        Eventually.await(
                "a mail about Elif to " + address,
                Duration.ofSeconds(30),
                () -> mailAboutElif(address).isPresent());
        return mailAboutElif(address).orElseThrow();
    }

    private Optional<LocalMail.Mail> mailAboutElif(String address) {
        return sandbox.mail().mailboxOf(address).stream()
                .filter(m -> m.subject().contains("Elif"))
                .findFirst();
    }

    private Guardian guardianOf(LocalUser user) {
        return sandbox.bot().store().guardians().findByDiscordUser(user.id()).orElseThrow();
    }

    private Guardian emailGuardian(String address) {
        return sandbox.bot().store().guardians().findByEmail(address).orElseThrow();
    }

    private static Optional<String> first(List<String> ids, String prefix) {
        return ids.stream().filter(id -> id.startsWith(prefix)).findFirst();
    }

    private static String idStartingWith(PostedMessage message, String prefix) {
        return first(message.customIds(), prefix).orElseThrow(() -> new AssertionError(prefix + " in " + message));
    }

    private static String group(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(pattern + " in " + html).isTrue();
        return matcher.group(1);
    }

    /** The next weekday at 10:00 school time: outside the quiet hours, with days to plan ahead. */
    private static Clock weekdayMorning() {
        ZonedDateTime morning =
                ZonedDateTime.now(SCHOOL_TIME).plusDays(1).withHour(10).withMinute(0);
        while (morning.getDayOfWeek() == DayOfWeek.SATURDAY || morning.getDayOfWeek() == DayOfWeek.SUNDAY) {
            morning = morning.plusDays(1);
        }
        return Clock.offset(Clock.systemUTC(), Duration.between(java.time.Instant.now(), morning.toInstant()));
    }
}
