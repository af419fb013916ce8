package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A border post that has never reached headquarters (its headquarters address answers nothing):
 * every officer's screen says that the watchlists have not arrived, in the officer's language.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = {"manfadh.test.context=post", "manfadh.node.role=post",
        "manfadh.node.border-point=ZRB", "manfadh.sync.hq-url=http://127.0.0.1:9", "manfadh.sync.interval=PT1H"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostScreensBrowserTests {

    @LocalServerPort
    int port;

    private ChromeDriver driver;

    @BeforeAll
    void start() {
        Browser.assumeAvailable();
        driver = Browser.start();
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ckb"})
    void tellsEveryOfficerThatTheWatchlistsHaveNotArrived(String lang) {
        driver.get("http://localhost:" + port + "/login?lang=" + lang);
        if (driver.findElements(By.cssSelector("form.signout")).isEmpty()) {
            driver.findElement(By.id("username")).sendKeys("officer");
            driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
        }
        for (String screen : new String[] {"/inspection", "/travellers", "/stay-rules"}) {
            driver.get("http://localhost:" + port + screen + "?lang=" + lang);
            WebElement notice = new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stale-lists")));
            assertThat(notice.getAttribute("role")).isEqualTo("alert");
            assertThat(notice.getText()).isNotBlank().doesNotContain("sync.watchlists");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir"))
                    .isEqualTo(lang.equals("en") ? "ltr" : "rtl");
        }
        driver.get("http://localhost:" + port + "/inspection?lang=" + lang);
        Browser.screenshot(driver, lang + "-40-post-without-watchlists");
    }

    /**
     * The post's own first administrator is national, so headquarters would refuse what it recorded: the booth
     * says so above the zone, reads a document, and records nothing, saying why in the user's language.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ar", "ckb"})
    void tellsThePostsOwnAdministratorWhyItRecordsNothingHere(String lang) {
        ChromeDriver admin = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(15));
            admin.get("http://localhost:" + port + "/login?lang=" + lang);
            admin.findElement(By.id("username")).sendKeys("admin");
            admin.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
            admin.get("http://localhost:" + port + "/inspection?lang=" + lang);

            WebElement notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("booth-no-point")));
            assertThat(notice.getText()).isNotBlank().doesNotContain("{0}").doesNotContainPattern("[A-Za-z]");

            String number = Passports.number('A');
            WebElement zone = admin.findElement(By.id("mrz"));
            for (String line : Passports.td3(number, "HASSANI", "KARIM", "IRN", LocalDate.of(1981, 6, 3)).split("\n")) {
                zone.sendKeys(line, Keys.ENTER);
            }
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("document-panel"), number));
            admin.switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, "r"));
            WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("form p.error[role=alert] span")));
            assertThat(refused.getText()).isNotBlank().doesNotContain("{0}").doesNotContainPattern("[A-Za-z]");
            assertThat(admin.findElements(By.id("recorded"))).isEmpty();
            Browser.screenshot(admin, lang + "-41-post-own-administrator");
        } finally {
            admin.quit();
        }
    }
}
