package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.sandbox.discord.LocalUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Right to left as Chromium renders it on the sandbox page: an Arabic family's check-in by private
 * message and by email, and the Arabic invite text (numbered steps, a {@code /join code:...} code span,
 * Latin names) as the parent pastes it into her conversation. What the page must get right: Arabic
 * paragraphs and the buttons under them run right to left, a code span runs left to right with no
 * invisible character in it, a numbered list keeps its order, and an Arabic mail runs right to left
 * from its subject on.
 */
@Timeout(240)
class SandboxRightToLeftBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Direction marks, embeddings, overrides and isolates: none may be inside a code a parent copies. */
    private static final Pattern BIDI_CONTROLS =
            Pattern.compile("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");

    private static final String CODE = "7KQ2MX4P";

    @TempDir
    Path folder;

    Sandbox sandbox;
    ChromeDriver browser;
    RightToLeftScreenshots.ArabicFamilies families;

    @BeforeEach
    void start() throws Exception {
        sandbox =
                Sandboxes.start(folder.resolve("sandbox.db"), Map.of(), true, RightToLeftScreenshots.weekdayMorning());
        families = RightToLeftScreenshots.ArabicFamilies.checkedIn(sandbox);
        browser = Sandboxes.page(sandbox, folder, RightToLeftScreenshots.PHONE_WIDTH, 1600, "en");
    }

    @AfterEach
    void stop() {
        Sandboxes.close(browser, sandbox);
    }

    @Test
    @DisplayName("GIVEN an Arabic family's check-in DM and the Arabic invite text in her conversation WHEN Chromium"
            + " renders her panel THEN paragraphs and buttons run right to left, the /join code span left to right"
            + " without invisible characters, and the numbered steps in order")
    void arabicDirectMessages() throws Exception {
        LocalUser umm = sandbox.school().discordUser("umm.yusuf").orElseThrow();
        String invite =
                DiscordText.MARKDOWN.render(new Messages(MessageCatalogue.load(Path.of("messages")), Language.NL)
                        .text(
                                "invite.text",
                                List.of(Language.AR),
                                Map.of(
                                        "command", "/join",
                                        "othercommand", "/meedoen",
                                        "code", CODE,
                                        "child", "Yusuf",
                                        "class", "Groep 5",
                                        "school", "Basisschool De Zandbak",
                                        "expires", "15 ديسمبر")));
        assertThat(invite).as("the core's Arabic invite").contains("`/join code:" + CODE + "`");
        sandbox.discord().sendDirectMessage(umm, invite);
        browser.navigate().refresh();
        // The panel's live part is drawn again when the bot answers the pasted text: then look again.
        stable(() -> directMessages(families.openDiscord(browser)));
    }

    private void directMessages(WebElement panel) {
        // The bot's check-in: its paragraph and its button row run right to left.
        WebElement checkin = await(panel, "//article[contains(@class,'bot')][.//button[normalize-space()='لنبدأ']]");
        WebElement paragraph = checkin.findElement(By.cssSelector(".text p"));
        assertThat(paragraph.getText()).startsWith("رسالة من");
        assertThat(direction(paragraph)).isEqualTo("rtl");
        WebElement start = checkin.findElement(By.xpath(".//button[normalize-space()='لنبدأ']"));
        assertThat(direction(start.findElement(By.xpath("ancestor::div[contains(@class,'row')][1]"))))
                .as("the row of buttons under an Arabic message")
                .isEqualTo("rtl");
        assertThat(start.getRect().getX() + start.getRect().getWidth())
                .as("the button starts at the right, under the start of the Arabic text")
                .isGreaterThan(paragraph.getRect().getX() + paragraph.getRect().getWidth() / 2);

        // The pasted invite: the command is a code span, left to right, exactly what is typed.
        WebElement pasted = await(panel, "//article[.//code[contains(.,'" + CODE + "')]]");
        WebElement code = pasted.findElement(By.tagName("code"));
        String copied = textContent(code);
        assertThat(copied).isEqualTo("/join code:" + CODE);
        assertThat(BIDI_CONTROLS.matcher(copied).find()).isFalse();
        assertThat(direction(code)).isEqualTo("ltr");
        assertThat(direction(code.findElement(By.xpath(".."))))
                .as("the line around it")
                .isEqualTo("rtl");
        // Rendered left to right, the slash comes first on the screen, not at the far end.
        assertThat(firstCharacterIsLeftmost(code))
                .as("the slash of /join is at the left of the code")
                .isTrue();

        // The numbered steps: an Arabic list, right to left, in its order from the top.
        List<WebElement> steps = pasted.findElements(By.cssSelector("ol > li"));
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).getText()).startsWith("افتحوا");
        assertThat(steps.get(2).getText()).startsWith("اكتبوا");
        for (int i = 0; i < steps.size(); i++) {
            assertThat(direction(steps.get(i))).isEqualTo("rtl");
            if (i > 0) {
                assertThat(steps.get(i).getRect().getY())
                        .isGreaterThan(steps.get(i - 1).getRect().getY());
            }
        }
        // Latin names inside Arabic lines do not turn the line around.
        WebElement greeting = pasted.findElement(By.cssSelector(".text p"));
        assertThat(greeting.getText()).contains("ClassBridge");
        assertThat(direction(greeting)).isEqualTo("rtl");
    }

    @Test
    @DisplayName("GIVEN an Arabic parent's check-in by email WHEN Chromium renders her mailbox THEN the subject and"
            + " the plain text run right to left, and the numbered questions keep their order")
    void arabicEmail() {
        browser.navigate().refresh();
        stable(() -> email(families.openEmail(browser)));
    }

    private void email(WebElement panel) {
        WebElement mail = await(panel, "//details[contains(@class,'mail')]");
        WebElement subject = mail.findElement(By.cssSelector("summary b"));
        assertThat(subject.getText()).startsWith("Groep 5").contains("كيف حال طفلكم");
        assertThat(direction(subject))
                .as("an Arabic subject that starts with the class's name")
                .isEqualTo("rtl");
        WebElement plain = mail.findElement(By.cssSelector("pre.plain"));
        assertThat(direction(plain)).isEqualTo("rtl");
        String text = plain.getText();
        assertThat(text.indexOf("1. ")).isPositive().isLessThan(text.indexOf("2. "));
        assertThat(text.indexOf("2. ")).isLessThan(text.indexOf("3. "));
        // The signature, the teacher's and the class's names isolated in an Arabic line, stays right to left.
        assertThat(plain.findElements(By.cssSelector(".ltr")))
                .extracting(WebElement::getText)
                .noneMatch(line -> line.contains("Juf Vera"));
    }

    /** Runs the checks again when the page redrew what they look at, until they pass in one go. */
    private void stable(Runnable checks) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                checks.run();
                return;
            } catch (StaleElementReferenceException redrawn) {
                if (System.nanoTime() > until) {
                    throw redrawn;
                }
            }
        }
    }

    private WebElement await(WebElement panel, String xpath) {
        return new WebDriverWait(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> panel.findElements(By.xpath("." + xpath)).stream()
                        .findFirst()
                        .orElse(null));
    }

    private String direction(WebElement element) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(arguments[0]).direction;", element);
    }

    private String textContent(WebElement element) {
        return (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].textContent;", element);
    }

    /** Whether the code's first character is drawn left of its last one, as left-to-right text is. */
    private boolean firstCharacterIsLeftmost(WebElement code) {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript(
                        "const t = arguments[0].firstChild; const r = document.createRange();"
                                + " r.setStart(t, 0); r.setEnd(t, 1); const first = r.getBoundingClientRect();"
                                + " r.setStart(t, t.length - 1); r.setEnd(t, t.length);"
                                + " const last = r.getBoundingClientRect();"
                                + " return first.left < last.left;",
                        code);
    }
}
