package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The equipment screens as a capacity manager in Arabic: a document reader registered at Zurbatiyah's lane and then
 * marked broken, its log; the list and a premises project in Kurdish and English; and the equipment panel on the
 * border point's dashboard as its manager (a supervisor) sees it, a lane without a working reader.
 */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityEquipmentBrowserTests {

    private static final String POINT = "ZRB";

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private String projectId;

    @BeforeAll
    void start() {
        Browser.assumeAvailable();
        ApiClient manager = new ApiClient(port).as("capacity_manager", "manfadh-demo");
        ApiClient.Response r = manager.post("/api/v1/capacity/premises", ApiClient.json(Map.of("borderPoint", POINT,
                "titles", Map.of("en", "Arrivals hall extension", "ar", "توسيع صالة القادمين", "ckb", "فراوانکردنی هۆڵی هاتووان"),
                "budget", 120000, "milestones", List.of(Map.of("title", "Design approved"), Map.of("title", "Hall built")))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        projectId = r.json().get("project").get("id").asString();
        assertThat(manager.post("/api/v1/capacity/premises/" + projectId + "/spend", ApiClient.json(Map.of(
                "spentOn", LocalDate.now().minusDays(1).toString(), "amount", 125000, "note", "Contractor"))).status())
                .isEqualTo(201);
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

    /** Lanes with a working reader and lanes, as the panel has them. */
    private List<Integer> lanes() {
        WebElement tile = driver.findElement(By.cssSelector("#equipment-availability .tile[data-figure='lanes-with-reader']"));
        return List.of(Integer.valueOf(tile.getDomAttribute("data-with-reader")), Integer.valueOf(tile.getDomAttribute("data-lanes")));
    }

    private void dashboardPanel(String lang) {
        open("/statistics/points/" + POINT, lang);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#equipment-availability .tile[data-figure='lanes-with-reader']")));
    }

    @Test
    void registersAReaderMarksItBrokenAndTheDashboardCountsItsLaneWithoutAWorkingReader() {
        String serial = "AR" + ThreadLocalRandom.current().nextInt(100000, 999999);
        String lane = "L" + ThreadLocalRandom.current().nextInt(100, 999);

        signInAs("supervisor");
        dashboardPanel("en");
        List<Integer> before = lanes();

        signInAs("capacity_manager");
        open("/capacity/equipment", "ar");
        new Select(driver.findElement(By.id("type"))).selectByValue("DOCUMENT_READER");
        driver.findElement(By.id("serialNumber")).sendKeys(serial);
        new Select(driver.findElement(By.id("status"))).selectByValue("DEPLOYED");
        new Select(driver.findElement(By.id("borderPoint"))).selectByValue(POINT);
        driver.findElement(By.id("lane")).sendKeys(lane);
        driver.findElement(By.id("donor")).sendKeys("EU");
        Browser.screenshot(driver, "capacity-equipment-register-ar");
        driver.findElement(By.id("register-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("capacity-done")));
        checkPage("ar");
        assertThat(driver.findElement(By.id("asset-status")).getDomAttribute("data-status")).isEqualTo("DEPLOYED");
        Browser.screenshot(driver, "capacity-equipment-asset-ar");

        String assetPage = driver.getCurrentUrl();

        // The same serial number again is refused, said in Arabic, and what was typed stays in the form.
        open("/capacity/equipment", "ar");
        driver.findElement(By.id("serialNumber")).sendKeys(serial);
        new Select(driver.findElement(By.id("borderPoint"))).selectByValue(POINT);
        driver.findElement(By.id("register-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("capacity-problem")));
        checkPage("ar");
        assertThat(driver.findElement(By.id("serialNumber")).getDomProperty("value")).isEqualTo(serial);
        assertThat(driver.findElement(By.id("capacity-problem")).getText()).contains("الرقم التسلسلي");
        Browser.screenshot(driver, "capacity-equipment-refused-ar");

        driver.get(assetPage);
        new Select(driver.findElement(By.id("new-status"))).selectByValue("BROKEN");
        driver.findElement(By.id("status-note")).sendKeys("الشاشة مكسورة");
        driver.findElement(By.id("status-submit")).click();
        // The page is replaced as the status is saved: an element of the old one may go stale while we wait.
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id("asset-status"), "data-status", "BROKEN"));
        checkPage("ar");
        assertThat(driver.findElements(By.cssSelector("#asset-log tbody tr"))).hasSize(2);
        assertThat(driver.findElement(By.cssSelector("#asset-log tbody tr")).getText()).contains("الشاشة مكسورة");
        // Out of BROKEN the lifecycle offers repair or retirement, never straight back into service.
        List<String> next = new Select(driver.findElement(By.id("new-status"))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList();
        assertThat(next).containsExactly("IN_REPAIR", "RETIRED");
        Browser.screenshot(driver, "capacity-equipment-broken-ar");

        for (String lang : List.of("ar", "ckb", "en")) {
            open("/capacity/equipment?borderPoint=" + POINT + "&type=DOCUMENT_READER", lang);
            assertThat(driver.findElement(By.id("asset-" + serial)).getDomAttribute("data-status")).isEqualTo("BROKEN");
            Browser.screenshot(driver, "capacity-equipment-list-" + lang);
        }
        for (String lang : List.of("ar", "ckb")) {
            open("/capacity/premises/" + projectId, lang);
            assertThat(driver.findElements(By.cssSelector("#remaining.over-budget"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("#milestones tbody tr"))).hasSize(2);
            Browser.screenshot(driver, "capacity-equipment-project-" + lang);
        }
        open("/capacity/premises", "ar");
        Browser.screenshot(driver, "capacity-equipment-premises-ar");

        // The border point's manager sees the panel beside the point's traffic; a broken reader is no working lane.
        signInAs("supervisor");
        dashboardPanel("en");
        assertThat(lanes()).containsExactly(before.get(0), before.get(1) + 1);
        dashboardPanel("ar");
        assertThat(driver.findElement(By.cssSelector("#equipment-availability .tile[data-figure='readers-broken']")).getText())
                .isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#equipment-availability .tile[data-figure='per-lane']"))).hasSize(1);
        Browser.screenshot(driver, "capacity-equipment-dashboard-ar");

        // Repaired and back in service: one more lane with a working reader.
        signInAs("capacity_manager");
        ApiClient manager = new ApiClient(port).as("capacity_manager", "manfadh-demo");
        String id = manager.get("/api/v1/capacity/equipment?borderPoint=" + POINT + "&type=DOCUMENT_READER&size=1000").json()
                .get("content").valueStream().filter(a -> a.get("serialNumber").asString().equals(serial)).findFirst()
                .orElseThrow().get("id").asString();
        assertThat(manager.post("/api/v1/capacity/equipment/" + id + "/status", "{\"status\": \"IN_REPAIR\"}").status()).isEqualTo(200);
        assertThat(manager.post("/api/v1/capacity/equipment/" + id + "/status", "{\"status\": \"DEPLOYED\"}").status()).isEqualTo(200);
        signInAs("supervisor");
        dashboardPanel("ckb");
        Browser.screenshot(driver, "capacity-equipment-dashboard-ckb");
        dashboardPanel("en");
        assertThat(lanes()).containsExactly(before.get(0) + 1, before.get(1) + 1);
        assertThat(driver.findElement(By.cssSelector("#equipment-availability .tile[data-figure='lanes-with-reader'] strong"))
                .getText()).isEqualTo((before.get(0) + 1) + " of " + (before.get(1) + 1));
        Browser.screenshot(driver, "capacity-equipment-dashboard-en");
    }
}
