package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.sandbox.page.SandboxPage;
import nl.classbridge.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13's school commands on the sandbox page, in real headless Chromium against the real bot:
 * {@code /privacy} is among the teacher's commands right after {@code /class}, and answers the
 * teacher (who is no server admin in the sandbox) that only an admin reads the audit log;
 * {@code /class archive} shows what it removes and, after the button on the page, removes it.
 */
@Timeout(300)
class SandboxPrivacyBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    Sandbox sandbox;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(
                ConfigLoader.load(
                        Path.of("config/classbridge.yml"),
                        Map.of(
                                "CLASSBRIDGE_SANDBOX_DATABASE",
                                folder.resolve("sandbox.db").toString(),
                                "CLASSBRIDGE_SANDBOX_PORT",
                                "0")),
                true,
                Clock.systemUTC(),
                SandboxPage::start);
        browser = HeadlessChromium.start(folder.resolve("chromium"), 1280, 1000);
        browser.get(sandbox.page().resolve("/lang/nl").toString());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @DisplayName("GIVEN the sandbox page WHEN the teacher runs /privacy audit and /class archive, and presses the"
            + " archive button THEN the audit log is refused to her as no admin, and the class's children are gone")
    void privacyAndArchive() {
        List<String> order = browser.findElements(By.cssSelector("details.command")).stream()
                .map(details -> details.getAttribute("id"))
                .toList();
        assertThat(order).contains("cmd-class", "cmd-privacy");
        assertThat(order.indexOf("cmd-privacy")).isEqualTo(order.indexOf("cmd-class") + 1);
        SchoolClass groep = sandbox.bot()
                .store()
                .classes()
                .findByChannel(sandbox.school().channel().id())
                .orElseThrow();
        assertThat(sandbox.bot().store().students().inClass(groep.id())).isNotEmpty();

        command("privacy audit");
        await("the refusal", () -> text("#teacher .live .msg").contains("Alleen een serverbeheerder"));

        command("class archive");
        await("the question", () -> text("#teacher .live .msg").contains("archiveren voor een nieuw schooljaar"));
        By archive = By.xpath("(//*[@id='teacher']//div[contains(@class,'live')]"
                + "//button[normalize-space()='Archiveren en wissen' and not(@disabled)])[1]");
        await("the archive button", () -> !browser.findElements(archive).isEmpty());
        retrying(() -> browser.findElement(archive).click());

        await("the class archived", () -> text("#teacher .live").contains("is gearchiveerd"));
        assertThat(sandbox.bot().store().students().inClass(groep.id())).isEmpty();
        assertThat(sandbox.bot().store().classes().find(groep.id())).isPresent();
    }

    private void command(String path) {
        WebElement details = browser.findElement(By.id("cmd-" + path.split(" ")[0]));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        retrying(() -> browser.findElement(By.id("c-" + path.replace(' ', '-') + "-run"))
                .click());
    }

    private String text(String css) {
        try {
            List<WebElement> found = browser.findElements(By.cssSelector(css));
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException changing) {
            return "";
        }
    }

    private void await(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT)
                .withMessage(what)
                .ignoring(StaleElementReferenceException.class)
                .until((Function<WebDriver, Boolean>) driver -> condition.getAsBoolean());
    }

    private void retrying(Runnable click) {
        new WebDriverWait(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class)
                .until(driver -> {
                    click.run();
                    return true;
                });
    }
}
