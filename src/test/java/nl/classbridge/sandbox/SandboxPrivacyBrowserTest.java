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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13's school commands on the sandbox page, in real headless Chromium against the real bot:
 * {@code /privacy} is among the teacher's commands right after {@code /class}; {@code /privacy audit}
 * runs as the school's ICT person (the server's owner, an admin) and lists the teacher's read, without
 * what was read; {@code /privacy request} gives the teacher a family's data as files; {@code /class
 * archive} shows what it removes and, after the button on the page, removes it.
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
        browser = Sandboxes.page(sandbox, folder, 1280, 1000, "nl");
    }

    @AfterEach
    void stop() {
        Sandboxes.close(browser, sandbox);
    }

    @Test
    @DisplayName("GIVEN the sandbox page WHEN the teacher runs /class archive and presses the archive button"
            + " THEN the class's children are gone and the class stays")
    void archive() {
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

    @Test
    @DisplayName("GIVEN the teacher read /class overview on the page WHEN /privacy audit runs on the page THEN it runs"
            + " as the ICT person, an admin, and lists that read (when, who, what) without what was read")
    void theIctPersonReadsTheAuditLog() {
        WebElement form = browser.findElement(By.id("c-privacy-audit-run")).findElement(By.xpath("./ancestor::form"));
        assertThat(form.getAttribute("textContent")).contains("Draait als ICT De Zandbak");
        assertThat(browser.findElement(By.id("c-privacy-request-run"))
                        .findElement(By.xpath("./ancestor::form"))
                        .getAttribute("textContent"))
                .doesNotContain("ICT De Zandbak");

        command("class overview");
        await("the overview", () -> text("#teacher .live .msg .text").length() > 0);
        String overview = replies().get(0);

        command("privacy audit");
        await(
                "the audit log",
                () -> text("#teacher .live").contains("Logboek, laatste 30 dagen")
                        && text("#teacher .live").contains("las het klasoverzicht"));
        // A long log comes in two messages; the replies show newest first, the log's start last.
        List<String> replies = replies();
        int start = 0;
        while (!replies.get(start).contains("Logboek, laatste 30 dagen")) {
            start++;
        }
        String audit = String.join("\n", replies.subList(0, start + 1));
        assertThat(replies.get(start + 1)).isEqualTo(overview);
        assertThat(overview).isNotBlank();
        assertThat(audit)
                .contains("@Juf Vera las het klasoverzicht")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")
                .doesNotContain("Alleen een serverbeheerder");
        for (String line : overview.lines().filter(line -> line.length() > 12).toList()) {
            assertThat(audit).doesNotContain(line);
        }
        long ict = sandbox.school().ict().id();
        long teacher = sandbox.school().teacher().id();
        SchoolClass groep = sandbox.bot()
                .store()
                .classes()
                .findByChannel(sandbox.school().channel().id())
                .orElseThrow();
        assertThat(sandbox.bot().store().auditLog().ofClass(groep.id()))
                .anyMatch(entry ->
                        entry.actorUserId() == teacher && entry.action().contains("class-overview"));
        assertThat(ict).isNotEqualTo(teacher);
    }

    @Test
    @DisplayName("GIVEN the sandbox page WHEN the teacher runs /privacy request for Sem's father, kind access, THEN"
            + " she sees privately his data offered as two files")
    void theTeacherCarriesOutAnAccessRequest() {
        long papa = sandbox.bot()
                .store()
                .guardians()
                .findByDiscordUser(
                        sandbox.school().discordUser("papa.sem").orElseThrow().id())
                .orElseThrow()
                .id();
        String name = new FamilyDataRepository(sandbox.bot().store().database())
                .discordName(papa)
                .orElseThrow();
        WebElement details = browser.findElement(By.id("cmd-privacy"));
        details.findElement(By.tagName("summary")).click();
        retrying(() -> browser.findElement(By.id("c-privacy-request-guardian")).sendKeys(name));
        new Select(browser.findElement(By.id("c-privacy-request-kind"))).selectByValue("access");
        retrying(() -> browser.findElement(By.id("c-privacy-request-run")).click());

        await("the files", () -> text("#teacher .live .msg").contains("De gegevens die ClassBridge over"));
        await("the reply named", () -> text("#teacher .live .msg").contains(name));
        assertThat(text("#teacher .live .msg")).contains("alleen jij ziet dit");
        // The live part redraws as the world changes: read the files offered under the newest reply anew until both
        // show.
        List<String> files = new WebDriverWait(browser, WAIT)
                .withMessage("two files under the reply")
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    List<String> shown = driver
                            .findElements(By.cssSelector("#teacher .live .msg"))
                            .get(0)
                            .findElements(By.cssSelector("details.file summary"))
                            .stream()
                            .map(WebElement::getText)
                            .toList();
                    return shown.size() == 2 ? shown : null;
                });
        assertThat(files).anyMatch(file -> file.endsWith(".md")).anyMatch(file -> file.endsWith(".json"));
        assertThat(sandbox.discord().messagesIn(sandbox.school().channel()))
                .noneMatch(m -> !m.ephemeral() && m.content().contains(name));
    }

    /** The text of each of the teacher's private replies, newest first, without the header over each. */
    private List<String> replies() {
        return new WebDriverWait(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#teacher .live .msg")).stream()
                        .map(message -> String.join(
                                "\n",
                                message.findElements(By.cssSelector(".text")).stream()
                                        .map(WebElement::getText)
                                        .toList()))
                        .toList());
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
                .withMessage(() -> what + "; the teacher's panel shows: " + text("#teacher"))
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
