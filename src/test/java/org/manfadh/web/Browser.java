package org.manfadh.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * Debian's chromium and chromedriver for the browser tests, at their fixed paths, so that Selenium
 * Manager never downloads a browser or a driver. Where either is missing the tests are skipped, and
 * say so on standard output and in the test report.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(System.getProperty("manfadh.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("manfadh.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    public static void assumeAvailable() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String notice = "NOTICE: browser tests skipped: " + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " ")
                    + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " ")
                    + "missing (install the Debian packages chromium and chromium-driver; .ci/run does).";
            System.out.println(notice);
            System.err.println(notice);
            Assumptions.abort(notice);
        }
    }

    /** A fresh headless chromium with a profile of its own, in a window the size of a booth's screen. */
    public static ChromeDriver start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("manfadh-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,1000", "--lang=en-GB");
        // The browser's console, for what the content security policy refused.
        options.setCapability("goog:loggingPrefs", java.util.Map.of(org.openqa.selenium.logging.LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    /**
     * The element was swapped out of the page (a form submitted, a fragment replaced). Chromedriver
     * sometimes answers a look at a swapped node with "does not belong to the document" instead of
     * a stale reference: both mean gone.
     */
    public static ExpectedCondition<Boolean> replaced(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** What the content security policy refused since the last look (an inline script, handler or style). */
    public static java.util.List<String> contentSecurityViolations(ChromeDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .toList();
    }

    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            // The whole page, not only the window: grow the window to the page's height for the shot.
            org.openqa.selenium.Dimension window = driver.manage().window().getSize();
            Number height = (Number) driver.executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            int wanted = Math.min(Math.max(height.intValue() + 120, window.getHeight()), 4000);
            if (wanted != window.getHeight()) {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), wanted));
            }
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            if (wanted != window.getHeight()) {
                driver.manage().window().setSize(window);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
