package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.classbridge.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The invite in the family's language (issue 17) on the sandbox's page, in real headless Chromium
 * against the real bot: the teacher's /uitnodigen form offers the six languages by their own names,
 * and the text to pass on comes back wholly in the chosen one.
 */
@Timeout(180)
class SandboxInviteBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    Sandbox sandbox;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandboxes.start(folder.resolve("sandbox.db"), Map.of(), true);
        browser = Sandboxes.page(sandbox, folder, 1280, 1000, "nl");
    }

    @AfterEach
    void stop() {
        Sandboxes.close(browser, sandbox);
    }

    @Test
    @DisplayName("GIVEN the sandbox WHEN the teacher runs /uitnodigen for Sem in Türkçe THEN the page shows the"
            + " Turkish text with /katıl and the code, and no lines in other languages")
    void inviteInTurkish() {
        sandbox.discord()
                .await(
                        "/invite to be registered",
                        () -> sandbox.discord()
                                .guildCommands(sandbox.school().guild())
                                .findValuesAsText("name")
                                .contains("invite"));
        browser.navigate().refresh();
        WebElement details = awaitElement(By.id("cmd-invite"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        Select language = new Select(awaitElement(By.id("c-invite-language")));
        assertThat(language.getOptions())
                .extracting(WebElement::getText)
                .contains("Nederlands", "English", "العربية", "Türkçe", "Polski", "Українська");

        WebElement student = browser.findElement(By.id("c-invite-student"));
        student.clear();
        student.sendKeys("Sem");
        language.selectByValue("tr");
        browser.findElement(By.id("c-invite-run")).click();

        await("the Turkish invite", () -> text("#teacher .live .msg").contains("Nasıl katılırsınız"));
        String reply = text("#teacher .live .msg");
        assertThat(reply)
                .containsPattern("/katıl code:[A-Z2-9]{5}-[A-Z2-9]{5}")
                .contains("ClassBridge size Türkçe yazacak")
                .doesNotContain("Zo doe je mee")
                .doesNotContain("English?");
    }

    private String text(String css) {
        try {
            List<WebElement> found = browser.findElements(By.cssSelector(css));
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException changing) {
            return "";
        }
    }

    private WebElement awaitElement(By by) {
        return HeadlessChromium.awaitShown(browser, by, WAIT);
    }

    private void await(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT)
                .withMessage(what)
                .ignoring(StaleElementReferenceException.class)
                .until((Function<WebDriver, Boolean>) driver -> condition.getAsBoolean());
    }
}
