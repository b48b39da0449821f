package nl.classbridge.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import nl.classbridge.domain.Guardian;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A tool, not a test: the screenshots in {@code docs/screenshots/} of what an Arabic family sees,
 * rendered by headless Chromium from the sandbox page. Umm Yusuf (Arabic, on Discord) gets a
 * check-in by private message; a second Arabic parent of Yusuf, reached by email, gets it by email.
 * Each is shot at a phone's width and a desktop's, cropped to the family's panel.
 *
 * <p>Run from a clean checkout (needs Debian's chromium and chromium-driver, as {@code .ci/run}
 * installs): {@code mvn -B -q -Pbench test-compile exec:java
 * -Dbench.main=nl.classbridge.sandbox.RightToLeftScreenshots}; an argument names another folder.
 */
public final class RightToLeftScreenshots {
    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/Amsterdam");
    /** The Arabic email parent this tool adds; the Discord one is seeded by the sandbox. */
    static final String ARABIC_EMAIL = "abu.yusuf@thuis.example";

    static final int PHONE_WIDTH = 390;
    static final int DESKTOP_WIDTH = 1280;
    private static final int HEIGHT = 2400;

    private RightToLeftScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path folder = Files.createTempDirectory("classbridge-rtl");
        try (Sandbox sandbox = Sandboxes.start(folder.resolve("sandbox.db"), Map.of(), true, weekdayMorning())) {
            ArabicFamilies families = ArabicFamilies.checkedIn(sandbox);
            families.startOnDiscord();
            for (int width : List.of(PHONE_WIDTH, DESKTOP_WIDTH)) {
                ChromeDriver browser = HeadlessChromium.start(folder.resolve("chromium-" + width), width, HEIGHT);
                try {
                    String size = width == PHONE_WIDTH ? "phone" : "desktop";
                    browser.get(sandbox.page().resolve("/lang/en").toString());
                    shoot(families.openDiscord(browser), out.resolve("arabic-dm-" + size + ".png"));
                    shoot(families.openEmail(browser), out.resolve("arabic-email-" + size + ".png"));
                } finally {
                    browser.quit();
                }
            }
        }
        System.out.println("screenshots written to " + out.toAbsolutePath());
    }

    private static void shoot(WebElement panel, Path file) throws Exception {
        Files.write(file, panel.getScreenshotAs(OutputType.BYTES));
        System.out.printf("%s (%d KB)%n", file, Files.size(file) / 1024);
    }

    /** The sandbox's time on a weekday morning, so nothing waits for the quiet hours. */
    static Clock weekdayMorning() {
        ZonedDateTime morning =
                ZonedDateTime.now(SCHOOL_TIME).plusDays(1).withHour(10).withMinute(0);
        while (morning.getDayOfWeek() == DayOfWeek.SATURDAY || morning.getDayOfWeek() == DayOfWeek.SUNDAY) {
            morning = morning.plusDays(1);
        }
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), morning.toInstant()));
    }

    /**
     * The two Arabic parents of Yusuf after a check-in: Umm Yusuf on Discord (seeded), and a parent
     * the teacher adds by email in Arabic. Shared by the tool and {@code SandboxRightToLeftBrowserTest}.
     */
    record ArabicFamilies(Sandbox sandbox, long discordGuardian, long emailGuardian) {
        static ArabicFamilies checkedIn(Sandbox sandbox) {
            LocalUser teacher = sandbox.school().teacher();
            sandbox.discord()
                    .slashCommand(
                            teacher,
                            sandbox.school().channel(),
                            "guardian add-email",
                            Map.of("student", "Yusuf", "email", ARABIC_EMAIL, "language", "ar"))
                    .awaitResponse();
            LocalUser umm = sandbox.school().discordUser("umm.yusuf").orElseThrow();
            Guardian onDiscord = sandbox.bot()
                    .store()
                    .guardians()
                    .findByDiscordUser(umm.id())
                    .orElseThrow();
            Guardian byEmail =
                    sandbox.bot().store().guardians().findByEmail(ARABIC_EMAIL).orElseThrow();
            int mails = sandbox.mail().mailboxOf(ARABIC_EMAIL).size();
            int dms = sandbox.discord().directMessagesTo(umm).size();
            sandbox.discord()
                    .slashCommand(
                            teacher, sandbox.school().channel(), "checkin start", Map.of("questionnaire", "check-in"))
                    .awaitResponse();
            Eventually.await(
                    "the Arabic check-in by DM and by email",
                    Duration.ofSeconds(60),
                    () -> sandbox.discord().directMessagesTo(umm).size() > dms
                            && sandbox.mail().mailboxOf(ARABIC_EMAIL).size() > mails);
            return new ArabicFamilies(sandbox, onDiscord.id(), byEmail.id());
        }

        /** Umm Yusuf presses the check-in's start button: the first question comes, with its answer buttons. */
        void startOnDiscord() {
            LocalUser umm = sandbox.school().discordUser("umm.yusuf").orElseThrow();
            List<PostedMessage> before = sandbox.discord().directMessagesTo(umm);
            PostedMessage greeting = before.stream()
                    .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                    .reduce((first, second) -> second)
                    .orElseThrow();
            String start = greeting.customIds().stream()
                    .filter(id -> id.startsWith("ci:start:"))
                    .findFirst()
                    .orElseThrow();
            sandbox.discord().pressButton(umm, greeting, start).awaitResponse();
            Eventually.await(
                    "the first question",
                    Duration.ofSeconds(30),
                    () -> sandbox.discord().directMessagesTo(umm).stream()
                            .anyMatch(m -> m.json().toString().contains("السؤال")));
        }

        /** Umm Yusuf's panel, opened, with her conversation in view. */
        WebElement openDiscord(ChromeDriver browser) {
            return open(browser, "g" + discordGuardian, false);
        }

        /** The email parent's panel, opened, with its mails unfolded. */
        WebElement openEmail(ChromeDriver browser) {
            return open(browser, "g" + emailGuardian, true);
        }

        private static WebElement open(ChromeDriver browser, String actor, boolean mail) {
            WebElement panel = browser.findElement(By.id("family-" + actor));
            // Opened by script, not by a click: a click would also be the reader's first action.
            ((JavascriptExecutor) browser)
                    .executeScript(
                            "arguments[0].open = true;"
                                    + " if (arguments[1]) { arguments[0].querySelectorAll('details.mail')"
                                    + ".forEach(m => { m.open = true; }); }"
                                    + " arguments[0].scrollIntoView();",
                            panel,
                            mail);
            return panel;
        }
    }
}
