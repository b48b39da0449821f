package nl.classbridge.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through Debian's chromedriver, both named explicitly so that Selenium
 * never tries to download a browser or a driver. {@code .ci/run} installs the two packages.
 */
public final class HeadlessChromium {
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A new headless browser with an empty profile in {@code profile}, at the given window size. */
    public static ChromeDriver start(Path profile, int width, int height) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("The browser tests need Debian's chromium and chromium-driver (" + BROWSER + ", "
                    + DRIVER + "): apt-get install chromium chromium-driver, or run .ci/run");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // As root and without a display; no background traffic to the outside (there is no outside here).
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--lang=nl");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        return new ChromeDriver(service, options);
    }

    /** The first shown element {@code by} finds within {@code wait}, looking again when the page redraws it. */
    public static WebElement awaitShown(WebDriver browser, By by, Duration wait) {
        return new WebDriverWait(browser, wait)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(by).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }
}
