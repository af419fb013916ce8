package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ApiClient;
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
 * Traveller search as an officer uses it on the Arabic screen (issue 16, item 8): a name typed in
 * Arabic script, a name typed given name first, and a misspelt name each find the traveller, best
 * first; the traveller seen only outside the officer's jurisdiction is not shown.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.test.context=screening")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TravellerSearchBrowserTests {

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private WebDriverWait wait;
    /** Alsamarrai Ahmed Jasim, with his name in Arabic script, at Zurbatiyah. */
    private String samarrai;
    /** The same name written by the document's transliteration only, at Zurbatiyah. */
    private String transliterated;
    /** A namesake seen only at Ibrahim Khalil, outside the federal officer's jurisdiction. */
    private String elsewhere;

    @BeforeAll
    void travellers() {
        Browser.assumeAvailable();
        samarrai = entered("ZRB", "IRQ", "ALSAMARRAI", "AHMED JASIM", "أحمد جاسم السامرائي");
        transliterated = entered("ZRB", "IRQ", "ALSAMRAYY", "AHMD JASM", null);
        elsewhere = entered("IBK", "SYR", "ALSAMARRAI", "AHMED JASIM", "أحمد جاسم السامرائي");
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    private String entered(String point, String nationality, String surname, String given, String original) {
        Map<String, Object> crossing = new LinkedHashMap<>();
        crossing.put("id", UUID.randomUUID().toString());
        crossing.put("borderPoint", point);
        crossing.put("direction", "ENTRY");
        crossing.put("mrz", Passports.td3(nationality, Passports.number('S'), surname, given, nationality,
                LocalDate.of(1968, 11, 9), 'M', LocalDate.now().plusYears(4)));
        if (original != null) {
            crossing.put("nameOriginalScript", original);
        }
        crossing.put("decision", "ADMITTED");
        ApiClient.Response recorded = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings", ApiClient.json(crossing));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("travellerId").asString();
    }

    private void signIn(String user, String lang) {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get("http://localhost:" + port + "/login?lang=" + lang);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    /** Types the name into the search form as the officer does, and answers the travellers listed, in order. */
    private List<String> search(String name) {
        WebElement field = driver.findElement(By.cssSelector("#traveller-search input[name=name]"));
        field.clear();
        field.sendKeys(name);
        WebElement form = driver.findElement(By.id("traveller-search"));
        field.sendKeys(Keys.ENTER);
        wait.until(Browser.replaced(form));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("traveller-search")));
        return driver.findElements(By.cssSelector("main table tbody tr td:first-child a")).stream()
                .map(a -> a.getDomAttribute("href").replaceAll(".*/travellers/", "")).toList();
    }

    @Test
    void findsATravellerByANameInArabicScriptInGivenNameFirstOrderAndMisspelt() {
        signIn("officer", "ar");
        driver.get("http://localhost:" + port + "/travellers?lang=ar");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");

        List<String> arabic = search("أحمد جاسم السامرائي");
        Browser.screenshot(driver, "ar-60-traveller-search-arabic-script");
        assertThat(arabic).startsWith(samarrai).contains(transliterated).doesNotContain(elsewhere);

        List<String> givenNameFirst = search("Ahmed Jasim Al-Samarrai");
        Browser.screenshot(driver, "ar-61-traveller-search-given-name-first");
        assertThat(givenNameFirst).startsWith(samarrai).contains(transliterated).doesNotContain(elsewhere);

        List<String> misspelt = search("Ahmad Jassim Samarai");
        Browser.screenshot(driver, "ar-62-traveller-search-misspelt");
        assertThat(misspelt).contains(samarrai, transliterated).doesNotContain(elsewhere);

        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("??");
        assertThat(Browser.contentSecurityViolations(driver)).isEmpty();
    }

    @Test
    void findsTheNamesakeAtHisOwnBorderPointForTheKurdistanRegionsOfficer() {
        signIn("officer_kri", "ckb");
        driver.get("http://localhost:" + port + "/travellers?lang=ckb");

        List<String> found = search("احمد جاسم سامرائي");
        Browser.screenshot(driver, "ckb-60-traveller-search-arabic-script");
        assertThat(found).containsExactly(elsewhere);
    }
}
