package org.manfadh.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.statistics.forecast.HijriCalendar;
import org.manfadh.statistics.forecast.HijriMonth;
import org.manfadh.statistics.forecast.HijriMonthOfYear;
import org.manfadh.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrator's screen of Hijri month starts in Arabic, Kurdish and English. */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HijriMonthStartsBrowserTests {

    private static final int YEAR = 1461;

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

    private String url(String path, String lang) {
        return "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    private void signInAsAdmin(String lang) {
        driver.get(url("/login", lang));
        if (!driver.findElements(By.cssSelector("form.signout")).isEmpty()) {
            return;
        }
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    private WebElement row(int month) {
        return driver.findElement(By.id("month-" + month));
    }

    private void record(int month, LocalDate day) {
        WebElement input = row(month).findElement(By.cssSelector("form.record input[name=firstDay]"));
        // Typed by script: the date field's look differs by language, the value it sends does not.
        driver.executeScript("arguments[0].removeAttribute('min'); arguments[0].removeAttribute('max');"
                + " arguments[0].value = arguments[1];", input, day.toString());
        row(month).findElement(By.cssSelector("form.record button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("hijri-done")),
                ExpectedConditions.presenceOfElementLocated(By.id("hijri-failed"))));
    }

    @Test
    void recordsSafarsAnnouncedStartInKurdishAndRefusesOneTooFarInArabic() {
        LocalDate ummAlQura = HijriCalendar.ummAlQuraFirstDay(new HijriMonthOfYear(YEAR, HijriMonth.SAFAR));

        signInAsAdmin("ar");
        driver.get(url("/statistics/hijri?year=" + YEAR, "ar"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(row(2).findElement(By.tagName("th")).getText()).isEqualTo("صفر");
        assertThat(row(12).findElement(By.tagName("th")).getText()).isEqualTo("ذو الحجة");
        assertThat(driver.findElement(By.id("shown-year")).getText()).matches(".*[٠-٩]{4}.*");
        Browser.screenshot(driver, "hijri-month-starts-ar");

        record(2, ummAlQura.plusDays(3));
        assertThat(driver.findElement(By.id("hijri-failed")).getText()).contains("صفر").contains("يومين");
        assertThat(String.valueOf(row(2).getDomAttribute("class"))).doesNotContain("recorded");
        Browser.screenshot(driver, "hijri-month-starts-refused-ar");

        driver.get(url("/statistics/hijri?year=" + YEAR, "ckb"));
        assertThat(row(2).findElement(By.tagName("th")).getText()).isEqualTo("سەفەر");
        record(2, ummAlQura.plusDays(1));
        assertThat(driver.findElement(By.id("hijri-done")).getText()).contains("سەفەر");
        assertThat(String.valueOf(row(2).getDomAttribute("class"))).contains("recorded");
        assertThat(row(2).getText()).contains("admin");
        // Muharram runs a day longer until the recorded Safar.
        List<WebElement> muharram = row(1).findElements(By.tagName("td"));
        assertThat(muharram.get(2).getText()).matches("[٠-٩]{2}");
        Browser.screenshot(driver, "hijri-month-starts-ckb");

        driver.get(url("/statistics/hijri?year=" + YEAR, "en"));
        row(2).findElement(By.cssSelector("form.forget button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("hijri-done")));
        assertThat(driver.findElement(By.id("hijri-done")).getText()).contains("Safar").contains("forgotten");
        assertThat(String.valueOf(row(2).getDomAttribute("class"))).doesNotContain("recorded");
        Browser.screenshot(driver, "hijri-month-starts-en");
    }
}
