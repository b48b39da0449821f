package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.sandbox.discord.LocalUser;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Family commands on the sandbox's page, in real headless Chromium against the real bot: the family's
 * panel offers the everyone-commands the bot registered (not /join), runs {@code /preferences} as that
 * parent, and its private answer works there: a menu changes the language, a form the quiet hours.
 */
@Timeout(180)
class SandboxPreferencesBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PAPA = "Papa van Sem en Milan";

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
    @DisplayName("GIVEN the sandbox WHEN Sem's father presses /voorkeuren in his panel THEN his private answer shows"
            + " with working menus and forms: he picks English and sets quiet hours, and the bot stores both")
    void aFamilyRunsPreferencesOnThePage() {
        sandbox.discord()
                .await(
                        "/preferences to be registered",
                        () -> sandbox.discord()
                                .globalCommands()
                                .findValuesAsText("name")
                                .contains("preferences"));
        browser.navigate().refresh();
        String papa = openFamily(PAPA);
        By commands = By.cssSelector("#family-" + papa + " .commands button");
        await("the family's commands", () -> !browser.findElements(commands).isEmpty());
        assertThat(browser.findElements(commands))
                .extracting(WebElement::getText)
                .contains("/voorkeuren")
                .doesNotContain("/meedoen", "/join");

        retrying(() -> browser.findElement(By.xpath("//details[@id='family-" + papa
                        + "']//div[contains(@class,'commands')]" + "//button[normalize-space()='/voorkeuren']"))
                .click());
        await("his preferences in his conversation", () -> live(papa).contains("Jouw voorkeuren"));
        assertThat(live(papa)).contains("alleen jij ziet dit", "Berichten: Discord");

        By language = By.xpath("(//details[@id='family-" + papa + "']//div[contains(@class,'live')]"
                + "//form[.//input[@name='component' and starts-with(@value,'pf:lang:')]])[last()]");
        retrying(() -> {
            WebElement form = browser.findElement(language);
            new Select(form.findElement(By.tagName("select"))).selectByValue("en");
            form.findElement(By.tagName("button")).click();
        });
        await("his answer in English", () -> live(papa).contains("Saved: language."));

        By quiet = By.xpath("(//details[@id='family-" + papa + "']//div[contains(@class,'live')]"
                + "//button[normalize-space()='Quiet hours'])[last()]");
        await("the quiet hours button", () -> !browser.findElements(quiet).isEmpty());
        retrying(() -> browser.findElement(quiet).click());
        WebElement input = awaitElement(By.cssSelector("#slot-" + papa + " input[type=text]"));
        input.sendKeys("21:30-07:00");
        browser.findElement(By.cssSelector("#slot-" + papa + " .modal button.b1"))
                .click();
        await("the quiet hours saved", () -> live(papa).contains("Saved: quiet hours."));

        LocalUser dad = sandbox.school().discordUser("papa.sem").orElseThrow();
        Guardian guardian =
                sandbox.bot().store().guardians().findByDiscordUser(dad.id()).orElseThrow();
        assertThat(guardian.plan().language()).contains(Language.EN);
        assertThat(guardian.plan().quietHours()).isPresent();
        assertThat(sandbox.discord().messagesIn(sandbox.school().channel()))
                .noneMatch(m -> m.content().contains("Your preferences"));
    }

    private String live(String actor) {
        try {
            List<WebElement> found = browser.findElements(By.cssSelector("#family-" + actor + " .live"));
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException changing) {
            return "";
        }
    }

    private String openFamily(String name) {
        WebElement details = browser.findElement(By.xpath(
                "//details[contains(@class,'family')][.//span[@class='who' and normalize-space()=\"" + name + "\"]]"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        return details.getAttribute("id").substring("family-".length());
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
