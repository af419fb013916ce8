package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The health officer's core-capacity screens in English, Arabic and Kurdish: an assessment refused with every
 * unanswered item marked and what was entered kept, then recorded; the point's line of scores; the overview with its
 * trend; and the score beside the border point's statistics dashboard.
 */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityBrowserTests {

    private static final String POINT = "NJF";

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
    private List<JsonNode> items;

    @BeforeAll
    void data() {
        Browser.assumeAvailable();
        ApiClient officer = new ApiClient(port).as("health_officer", "manfadh-demo");
        items = new ArrayList<>();
        officer.get("/api/v1/health/capacity/checklist").json().get("items").forEach(items::add);
        // An earlier assessment, weaker: every item PARTIAL (50%).
        List<Map<String, Object>> answers = new ArrayList<>();
        for (JsonNode item : items) {
            answers.add(Map.of("item", item.get("code").asString(), "answer", "PARTIAL"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("borderPoint", POINT);
        body.put("assessedOn", today.minusDays(120).toString());
        body.put("answers", answers);
        ApiClient.Response r = officer.post("/api/v1/health/capacity/assessments", ApiClient.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        driver = Browser.start();
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void signInAs(String username) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    private void open(String path, String lang) {
        driver.get("http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        checkPage(lang);
    }

    private void checkPage(String lang) {
        WebElement html = driver.findElement(By.tagName("html"));
        assertThat(html.getDomAttribute("lang")).isEqualTo(lang);
        assertThat(html.getDomAttribute("dir")).isEqualTo(lang.equals("en") ? "ltr" : "rtl");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("??");
        assertThat(Browser.contentSecurityViolations(driver)).as(driver.getCurrentUrl()).isEmpty();
    }

    @Test
    void recordsAnAssessmentFromTheFormAndShowsItsScoreTrendAndDashboardInThreeLanguages() {
        signInAs("health_officer");
        open("/health/capacity/" + POINT, "en");
        assertThat(driver.findElements(By.cssSelector("fieldset.area"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector(".item"))).hasSize(items.size());

        // Two items answered and a note given, the rest left: refused, every unanswered item marked, nothing lost.
        String first = items.get(0).get("code").asString();
        driver.findElement(By.cssSelector("input[name='answer-" + first + "'][value='NO']")).click();
        driver.findElement(By.cssSelector("input[name='note-" + first + "']")).sendKeys("No doctor at night");
        driver.findElement(By.id("capacity-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("capacity-errors")));
        assertThat(driver.findElements(By.cssSelector(".item.invalid"))).hasSize(items.size() - 1);
        assertThat(driver.findElement(By.cssSelector("input[name='answer-" + first + "'][value='NO']")).isSelected())
                .isTrue();
        assertThat(driver.findElement(By.cssSelector("input[name='note-" + first + "']")).getDomProperty("value"))
                .isEqualTo("No doctor at night");
        Browser.screenshot(driver, "capacity-form-errors-en");

        // Everything answered: YES, the first NO, coordination not applicable.
        double credited = 0;
        double possible = 0;
        for (JsonNode item : items) {
            String code = item.get("code").asString();
            String area = item.get("area").asString();
            String answer = code.equals(first) ? "NO" : area.equals("COORDINATION") ? "NOT_APPLICABLE" : "YES";
            WebElement radio = driver.findElement(By.cssSelector("input[name='answer-" + code + "'][value='" + answer + "']"));
            if (!radio.isSelected()) {
                radio.click();
            }
            if (!answer.equals("NOT_APPLICABLE")) {
                possible += item.get("weight").asInt();
                credited += answer.equals("YES") ? item.get("weight").asInt() : 0;
            }
        }
        driver.findElement(By.id("capacity-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("capacity-done")));
        long expected = Math.round(credited / possible * 100);
        assertThat(driver.findElement(By.cssSelector("#score-overall strong")).getText()).isEqualTo(expected + "%");
        assertThat(driver.findElement(By.cssSelector("#score-COORDINATION strong")).getText()).isEqualTo("—");
        // The line has both assessments, the earlier at 50%.
        assertThat(driver.findElements(By.cssSelector("svg.capacity-scores circle.score"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#capacity-history tbody tr"))).hasSize(2);
        Browser.screenshot(driver, "capacity-point-en");

        for (String lang : List.of("en", "ar", "ckb")) {
            open("/health/capacity", lang);
            WebElement row = driver.findElement(By.id("point-" + POINT));
            assertThat(row.findElement(By.cssSelector("td.trend")).getDomAttribute("class")).contains("up");
            Browser.screenshot(driver, "capacity-overview-" + lang);
        }
        for (String lang : List.of("ar", "ckb")) {
            open("/health/capacity/" + POINT, lang);
            assertThat(driver.findElements(By.cssSelector("svg.capacity-scores circle.score"))).hasSize(2);
            Browser.screenshot(driver, "capacity-point-" + lang);
        }

        // Beside the border point's dashboard: the analyst sees the score; the assessments are the health officer's.
        signInAs("analyst");
        for (String lang : List.of("en", "ar")) {
            open("/statistics/points/" + POINT, lang);
            WebElement section = driver.findElement(By.id("capacity"));
            assertThat(section.findElement(By.tagName("strong")).getText()).contains(lang.equals("en") ? expected + "%" : "٪");
            assertThat(section.findElements(By.tagName("a"))).isEmpty();
            Browser.screenshot(driver, "capacity-dashboard-" + lang);
        }
        signInAs("admin");
        open("/statistics/points/" + POINT, "ckb");
        driver.findElement(By.cssSelector("#capacity a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/health/capacity/" + POINT));
        Browser.screenshot(driver, "capacity-from-dashboard-ckb");
    }
}
