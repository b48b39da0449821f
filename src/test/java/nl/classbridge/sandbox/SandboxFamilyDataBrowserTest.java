package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.classbridge.domain.Guardian;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.store.FamilyDataRepository;
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
 * A family's own data on the sandbox page, in real headless Chromium against the real bot: from the
 * family's panel, {@code /mijn-gegevens} answers privately with both files offered, and
 * {@code /vergeet-mij} with its erase button removes the family from the page and from the bot's store.
 */
@Timeout(240)
class SandboxFamilyDataBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
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
    @DisplayName("GIVEN the sandbox WHEN Sem's father presses /mijn-gegevens, then /vergeet-mij and 'Alles wissen'"
            + " THEN he sees his two files privately, and then he is gone from the page and from the bot's store")
    void aFamilySeesItsDataAndIsForgotten() {
        sandbox.discord()
                .await(
                        "/my-data and /forget-me to be registered",
                        () -> sandbox.discord()
                                .globalCommands()
                                .findValuesAsText("name")
                                .containsAll(List.of("my-data", "forget-me")));
        browser.navigate().refresh();
        LocalUser dad = sandbox.school().discordUser("papa.sem").orElseThrow();
        Guardian guardian =
                sandbox.bot().store().guardians().findByDiscordUser(dad.id()).orElseThrow();
        FamilyDataRepository data =
                new FamilyDataRepository(sandbox.bot().store().database());
        assertThat(data.links(guardian.id())).isNotEmpty();
        String papa = openFamily(PAPA);

        pressCommand(papa, "/mijn-gegevens");
        await("his data, privately", () -> live(papa).contains("my-data.json"));
        assertThat(live(papa)).contains("alleen jij ziet dit", "my-data.md", "my-data.json");
        By markdown = By.xpath("//details[@id='family-" + papa + "']//details[contains(@class,'file')]"
                + "[.//summary[contains(normalize-space(),'my-data.md')]]");
        // The readable file opens in place (its text is in the page, folded under its name).
        await(
                "the readable file",
                () -> browser.findElement(markdown)
                        .getAttribute("textContent")
                        .contains("Wat ClassBridge over jou bewaart"));

        pressCommand(papa, "/vergeet-mij");
        await("the question", () -> live(papa).contains("Wil je dat ClassBridge je vergeet?"));
        By erase = By.xpath("(//details[@id='family-" + papa + "']//div[contains(@class,'live')]"
                + "//button[normalize-space()='Alles wissen' and not(@disabled)])[last()]");
        await("the erase button", () -> !browser.findElements(erase).isEmpty());
        retrying(() -> browser.findElement(erase).click());

        await(
                "the family gone from the page",
                () -> browser.findElements(By.id("family-" + papa)).isEmpty()
                        && !browser.findElement(By.id("families")).getText().isEmpty());
        assertThat(browser.findElement(By.id("families")).getText()).doesNotContain(PAPA);
        assertThat(sandbox.bot().store().guardians().find(guardian.id())).isEmpty();
        assertThat(sandbox.bot().store().guardians().findByDiscordUser(dad.id()))
                .isEmpty();
        assertThat(data.links(guardian.id())).isEmpty();
        assertThat(data.asked(guardian.id())).isEmpty();
        assertThat(sandbox.discord().messagesIn(sandbox.school().channel()))
                .noneMatch(m -> m.content().contains("my-data") || m.content().contains("vergeet"));
    }

    private void pressCommand(String actor, String shown) {
        retrying(() -> browser.findElement(By.xpath("//details[@id='family-" + actor
                        + "']//div[contains(@class,'commands')]//button[normalize-space()='" + shown + "']"))
                .click());
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

    private void await(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT)
                .withMessage(what)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
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
