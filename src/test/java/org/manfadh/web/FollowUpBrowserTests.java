package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The health officer's follow-up list and contact-tracing manifest, in English, Arabic and Kurdish: travellers who
 * came over the Saudi border on one bus after an alert on Saudi Arabia, a contact recorded from the list, and the
 * bus's manifest with that contact's outcome beside the traveller.
 */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpBrowserTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ChromeDriver driver;
    private UUID alert;
    private UUID first;
    private UUID second;
    private final LocalDate today = LocalDate.now(BAGHDAD);

    @BeforeAll
    void busFromSaudiArabia() {
        Browser.assumeAvailable();
        String bus = "SA-" + ThreadLocalRandom.current().nextInt(1000, 9999);
        Instant arrived = today.minusDays(2).atTime(9, 30).atZone(BAGHDAD).toInstant();
        first = record("QURAISHI", "HASSAN", arrived, bus);
        second = record("KHAFAJI", "MARYAM", arrived.plusSeconds(90), bus.toLowerCase());
        alert = UUID.randomUUID();
        jdbc.sql("""
                insert into health.alert (id, node_id, disease, countries, monitoring_days, valid_from, valid_until, source,
                                          created_by, created_at)
                values (:id, :id, 'MERS', array['SAU'], 14, :from, :until, 'MINISTRY_OF_HEALTH', 'health_officer', now())
                """).param("id", alert).param("from", today.minusDays(7)).param("until", today.minusDays(1)).update();
        driver = Browser.start();
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login?lang=en");
        driver.findElement(By.id("username")).sendKeys("health_officer");
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private UUID record(String surname, String given, Instant at, String bus) {
        Map<String, Object> body = new LinkedHashMap<>();
        UUID id = UUID.randomUUID();
        body.put("id", id.toString());
        body.put("borderPoint", "JMM");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(Passports.number('B'), Passports.surname(surname, 3), given, "IRQ",
                LocalDate.of(1979, 5, 5)));
        body.put("occurredAt", at.toString());
        body.put("lateReason", "Typed in from the paper register");
        body.put("transport", Map.of("mode", "BUS", "reference", bus));
        body.put("decision", "ADMITTED");
        ApiClient.Response r = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    private void open(String path, String lang) {
        driver.get("http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        WebElement html = driver.findElement(By.tagName("html"));
        assertThat(html.getDomAttribute("lang")).isEqualTo(lang);
        assertThat(html.getDomAttribute("dir")).isEqualTo(lang.equals("en") ? "ltr" : "rtl");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("??");
        assertThat(Browser.contentSecurityViolations(driver)).as(driver.getCurrentUrl()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ckb"})
    void recordsAContactFromTheListAndShowsItOnTheBussManifest(String lang) {
        open("/health/alerts/" + alert + "/follow-up", lang);
        WebElement row = driver.findElement(By.id("entry-" + first));
        assertThat(row.findElement(By.cssSelector(".days-left")).getText()).isIn("12", "١٢", "۱۲");
        assertThat(driver.findElements(By.id("entry-" + second))).hasSize(1);
        assertThat(driver.findElement(By.id("export-xlsx")).getDomAttribute("href"))
                .contains("/api/v1/health/alerts/" + alert + "/follow-up").contains("format=xlsx").contains("lang=" + lang);

        new Select(driver.findElement(By.id("method-" + first))).selectByValue("PHONE");
        new Select(driver.findElement(By.id("outcome-" + first))).selectByValue("SYMPTOMS");
        driver.findElement(By.id("notes-" + first)).sendKeys("Fever since yesterday");
        driver.findElement(By.id("save-" + first)).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("follow-up-done")));
        assertThat(driver.findElement(By.id("entry-" + first)).findElement(By.cssSelector("ol.contacts")).getText())
                .contains("Fever since yesterday");
        Browser.screenshot(driver, "health-follow-up-" + lang);

        driver.findElement(By.id("entry-" + first)).findElement(By.cssSelector("a.manifest-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("index-case")));
        open("/health/contacts?crossingId=" + first + "&hours=2", lang);
        assertThat(driver.findElements(By.cssSelector("#index-case #contact-" + first))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#same-transport #contact-" + second))).hasSize(1);
        // The contact just recorded, beside the traveller: its outcome in the page's language.
        java.util.List<WebElement> cells = driver.findElements(By.cssSelector("#index-case #contact-" + first + " td"));
        assertThat(cells.getLast().getText()).isNotEqualTo("—").contains(switch (lang) {
            case "ar" -> "أعراض";
            case "ckb" -> "نیشانەی هەیە";
            default -> "Symptoms";
        });
        assertThat(driver.findElement(By.id("export-csv")).getDomAttribute("href"))
                .contains("/api/v1/health/contacts").contains("format=csv");
        Browser.screenshot(driver, "health-contacts-" + lang);
    }
}
