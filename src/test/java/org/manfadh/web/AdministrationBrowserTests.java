package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The second line and the administration screens as a new user finds them, one test per defect
 * seen, in the language it was seen in: the refusal notice after a supervisor's refusal, the age
 * of a referral and the correction of a crossing, the users page, a new watchlist and translated
 * rules, the sync page of a headquarters without posts, and the start page of the roles whose
 * modules are still to come.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.test.context=administration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationBrowserTests {

    private static final String ARABIC_INDIC = "[٠-٩]";

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

    private void signInAs(String username, String lang) {
        driver.get(url("/login", lang));
        List<WebElement> signOut = driver.findElements(By.cssSelector("form.signout button"));
        if (!signOut.isEmpty()) {
            signOut.getFirst().click();
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            driver.get(url("/login", lang));
        }
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    private void open(String path, String lang) {
        driver.get(url(path, lang));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        assertThat(body()).as(path + " shows an untranslated key").doesNotContain("??");
        assertThat(Browser.contentSecurityViolations(driver)).as(path).isEmpty();
    }

    private String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private void submit(WebElement button) {
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(Browser.replaced(button));
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    /** A traveller referred to the second line at Zurbatiyah by the officer there. */
    private Map<String, String> referred(String surname) {
        ApiClient officer = new ApiClient(port).as("officer", "manfadh-demo");
        Map<String, Object> crossing = new LinkedHashMap<>();
        String number = "R" + (10_000_000 + (int) (Math.random() * 80_000_000));
        crossing.put("id", UUID.randomUUID().toString());
        crossing.put("borderPoint", "ZRB");
        crossing.put("direction", "ENTRY");
        crossing.put("mrz", Passports.td3("IRN", number, surname, "ALI", "IRN", LocalDate.of(1985, 3, 14), 'M',
                LocalDate.now().plusYears(4)));
        crossing.put("decision", "REFERRED");
        crossing.put("note", "Purpose of travel unclear");
        ApiClient.Response recorded = officer.post("/api/v1/crossings", ApiClient.json(crossing));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return Map.of("id", recorded.json().get("id").asString(), "travellerId",
                recorded.json().get("travellerId").asString(), "number", number);
    }

    @Test
    void leadsTheSupervisorFromARefusalToItsNoticeWithAShortReferenceFoundAgainBySearch() {
        Map<String, String> crossing = referred("KARIMI");
        signInAs("supervisor", "ar");
        open("/second-line", "ar");
        WebElement article = driver.findElement(By.id("crossing-" + crossing.get("id")));
        new Select(article.findElement(By.name("decision"))).selectByValue("REFUSED");
        new Select(article.findElement(By.name("reasonCode"))).selectByValue("C");
        submit(article.findElement(By.cssSelector(".final-decision button")));

        WebElement refused = driver.findElement(By.id("refused-" + crossing.get("id")));
        Browser.screenshot(driver, "ar-50-second-line-refused-lately");
        String notice = refused.findElement(By.cssSelector("a.notice-link")).getDomAttribute("href");
        open(notice, "ar");
        String reference = driver.findElement(By.id("notice-reference")).getText();
        assertThat(reference).matches("ZRB-20[0-9]{6}-[0-9]{4}");
        assertThat(driver.findElements(By.cssSelector(".decided-by"))).extracting(WebElement::getText)
                .containsOnly("supervisor");
        assertThat(body()).contains("officer").doesNotContain(crossing.get("id"));
        Browser.screenshot(driver, "ar-51-refusal-notice-reference");

        // The same notice again keeps its reference; typed where a document number goes, it leads back.
        open(notice, "ar");
        assertThat(driver.findElement(By.id("notice-reference")).getText()).isEqualTo(reference);
        open("/travellers?documentNumber=" + reference.toLowerCase(), "ar");
        assertThat(driver.getCurrentUrl()).contains("/crossings/" + crossing.get("id") + "/refusal-notice");
        open("/refusal-notices?reference=ZRB-19990101-0001", "ar");
        assertThat(driver.findElement(By.id("reference-error")).getText()).isNotBlank();
        Browser.screenshot(driver, "ar-52-refusal-lookup-not-found");
    }

    @Test
    void showsHowLongAReferralHasWaitedAndLetsASupervisorCorrectAndVoidACrossing() {
        Map<String, String> crossing = referred("HOSSEINI");
        signInAs("supervisor", "ckb");
        open("/second-line", "ckb");
        String waiting = driver.findElement(By.id("crossing-" + crossing.get("id")))
                .findElement(By.cssSelector(".waiting")).getText();
        assertThat(waiting).containsPattern(ARABIC_INDIC).doesNotContainPattern("[0-9]");
        Browser.screenshot(driver, "ckb-53-second-line-waiting");

        open("/travellers/" + crossing.get("travellerId"), "ckb");
        driver.findElement(By.cssSelector("a.correct-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("correct")));
        // A correction without a reason is refused beside the field, in Kurdish.
        new Select(driver.findElement(By.id("direction"))).selectByValue("EXIT");
        submit(driver.findElement(By.cssSelector("#correct button")));
        assertThat(driver.findElement(By.id("reason-error")).getText()).isNotBlank().doesNotContainPattern("[A-Za-z]");
        Browser.screenshot(driver, "ckb-54-correction-reason-required");
        new Select(driver.findElement(By.id("direction"))).selectByValue("EXIT");
        driver.findElement(By.id("reason")).sendKeys("تۆمارکرا بە هەڵە وەک هاتنەژوورەوە");
        submit(driver.findElement(By.cssSelector("#correct button")));
        assertThat(driver.findElement(By.id("correct-done")).getText()).isNotBlank();
        ApiClient admin = new ApiClient(port).asDemoAdmin();
        ApiClient.Response after = admin.get("/api/v1/crossings/" + crossing.get("id"));
        assertThat(after.json().get("direction").asString()).isEqualTo("EXIT");
        assertThat(after.json().get("corrections").asInt()).isEqualTo(1);

        driver.findElement(By.id("voidReason")).sendKeys("دووجار تۆمارکراوە");
        submit(driver.findElement(By.cssSelector("#void button")));
        assertThat(driver.findElement(By.id("is-void")).getText()).contains("دووجار تۆمارکراوە");
        assertThat(admin.get("/api/v1/crossings/" + crossing.get("id")).json().get("voided").asBoolean()).isTrue();
        ApiClient.Response audit = admin.get("/api/v1/audit?username=supervisor&size=200");
        assertThat(audit.body()).contains("/crossings/" + crossing.get("id") + "/void",
                "/crossings/" + crossing.get("id") + "/corrections");
        Browser.screenshot(driver, "ckb-55-crossing-voided");
    }

    @Test
    void showsJurisdictionsEditsRolesAndOffersUnlockOnlyForLockedAccounts() {
        ApiClient admin = new ApiClient(port).asDemoAdmin();
        String name = "officer.ibk" + (int) (Math.random() * 10_000);
        ApiClient.Response created = admin.post("/api/v1/users", ApiClient.json(Map.of("username", name,
                "password", "a long enough password", "roles", List.of("OFFICER"),
                "jurisdiction", Map.of("authority", "KRI", "borderPoints", List.of("IBK")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        signInAs("admin", "ar");
        open("/users", "ar");
        Browser.screenshot(driver, "ar-56-users-jurisdiction");
        // The administrator's menu, the longest, stays on one line.
        List<Integer> tops = driver.findElements(By.cssSelector("nav.screens a")).stream()
                .map(a -> a.getLocation().getY()).distinct().toList();
        assertThat(tops).as("the menu's lines").hasSize(1);
        assertThat((Boolean) driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page fits the window's width").isTrue();
        WebElement kri = driver.findElement(By.id("user-officer_kri"));
        assertThat(kri.findElement(By.cssSelector(".jurisdiction")).getText()).contains("إبراهيم الخليل");
        assertThat(kri.findElements(By.cssSelector("form.unlock"))).isEmpty();
        Browser.screenshot(driver, "ar-56-users-jurisdiction");

        driver.findElement(By.id("user-" + name)).findElement(By.cssSelector("a.edit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("edit-account")));
        driver.findElement(By.id("role-SUPERVISOR")).click();
        driver.findElement(By.id("borderPoints")).clear();
        driver.findElement(By.id("borderPoints")).sendKeys("ZRB");
        submit(driver.findElement(By.cssSelector("#edit-account button")));
        assertThat(driver.findElement(By.id("borderPoints-error")).getText()).isNotBlank();
        Browser.screenshot(driver, "ar-57-user-edit-error");
        driver.findElement(By.id("borderPoints")).clear();
        driver.findElement(By.id("borderPoints")).sendKeys("IBK");
        submit(driver.findElement(By.cssSelector("#edit-account button")));
        assertThat(driver.findElement(By.id("user-done")).getText()).contains(name);
        ApiClient.Response changed = admin.get("/api/v1/users/" + name);
        assertThat(changed.body()).contains("SUPERVISOR", "OFFICER", "IBK");

        // Five wrong passwords lock the account: then, and only then, it is offered an unlock.
        for (int i = 0; i < 5; i++) {
            new ApiClient(port).as(name, "wrong password " + i).get("/api/v1/border-points");
        }
        open("/users", "ar");
        assertThat(driver.findElement(By.id("user-" + name)).findElements(By.cssSelector("form.unlock"))).hasSize(1);
        assertThat(driver.findElement(By.id("user-" + name)).findElement(By.cssSelector(".locked")).getText())
                .containsPattern(ARABIC_INDIC);
        Browser.screenshot(driver, "ar-58-users-locked");
        submit(driver.findElement(By.id("user-" + name)).findElement(By.cssSelector("form.unlock button")));
        assertThat(driver.findElement(By.id("user-" + name)).findElements(By.cssSelector("form.unlock"))).isEmpty();
    }

    @Test
    void createsAWatchlistOnScreenAndTranslatesRulesAndDates() {
        signInAs("watchlist_manager", "ckb");
        open("/watchlists", "ckb");
        String name = "لیستی ئاگادارکردنەوە " + (int) (Math.random() * 10_000);
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("kind"))).selectByValue("NATIONAL_ALERT");
        new Select(driver.findElement(By.id("actionOnHit"))).selectByValue("REFER");
        driver.findElement(By.id("hitThreshold")).sendKeys("٩٢");
        driver.findElement(By.id("possibleMatchThreshold")).sendKeys("٩٥");
        submit(driver.findElement(By.cssSelector("#create-list button")));
        assertThat(driver.findElement(By.id("possibleMatchThreshold-error")).getText()).isNotBlank();
        Browser.screenshot(driver, "ckb-59-new-list-error");
        driver.findElement(By.id("possibleMatchThreshold")).clear();
        driver.findElement(By.id("possibleMatchThreshold")).sendKeys("٨٠");
        submit(driver.findElement(By.cssSelector("#create-list button")));
        assertThat(driver.findElement(By.id("list-created")).getText()).contains(name);
        assertThat(body()).contains(name, "٩٢");
        Browser.screenshot(driver, "ckb-60-new-list-created");

        signInAs("officer", "ar");
        open("/stay-rules", "ar");
        assertThat(driver.findElements(By.cssSelector(".rule-note"))).extracting(WebElement::getText)
                .contains("تأشيرة عند الوصول").noneMatch(note -> note.matches(".*[A-Za-z]{3,}.*"));
        Browser.screenshot(driver, "ar-61-stay-rules-notes");

        signInAs("admin", "ckb");
        open("/users", "ckb");
        String createdAt = driver.findElement(By.id("user-admin")).findElements(By.tagName("td")).get(5).getText();
        assertThat(createdAt).matches(".*[٠-٩]{4}، [٠-٩]{2}:[٠-٩]{2}");
    }

    @Test
    void tellsHeadquartersWithoutPostsHowToStartOne() {
        signInAs("admin", "ckb");
        open("/sync", "ckb");
        assertThat(driver.findElements(By.cssSelector("nav.screens a")).stream().map(a -> a.getLocation().getY())
                .distinct()).as("the menu's lines in Kurdish").hasSize(1);
        assertThat((Boolean) driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page fits the window's width").isTrue();
        assertThat(driver.findElement(By.id("no-nodes")).getText()).contains("--manfadh.node.role=post");
        Browser.screenshot(driver, "ckb-62-sync-no-posts");
        new Select(driver.findElement(By.id("issue-borderPoint"))).selectByValue("IBK");
        submit(driver.findElement(By.cssSelector("#issue-form button")));
        String command = driver.findElement(By.id("post-command")).getText();
        assertThat(command).contains("--manfadh.node.border-point=IBK", "--manfadh.sync.hq-url=http://localhost:" + port,
                "--manfadh.sync.username=", "--manfadh.sync.password=");
        String username = command.replaceAll("(?s).*--manfadh.sync.username=(\\S+).*", "$1");
        String password = command.replaceAll("(?s).*--manfadh.sync.password=(\\S+).*", "$1");
        // The credential shown works for the post it was issued for.
        ApiClient.Response status = new ApiClient(port).as(username, password).get("/api/v1/sync/status");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        Browser.screenshot(driver, "ckb-63-sync-node-issued");
    }

    @Test
    void greetsTheCapacityManagerWithTheirStart() {
        // The health officer's screens are built: HealthBrowserTests walks them; CapacityIndicatorsBrowserTests the
        // capacity manager's.
        for (String[] role : new String[][] {{"capacity_manager", "capacity"}}) {
            signInAs(role[0], "ar");
            assertThat(driver.findElement(By.id(role[1] + "-home")).getText()).isNotBlank();
            assertThat(driver.findElements(By.cssSelector("nav.screens a"))).hasSize(1);
            driver.findElement(By.cssSelector("nav.screens a")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/" + role[1]));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
            assertThat(body()).doesNotContain("403").doesNotContain("??");
            Browser.screenshot(driver, "ar-64-start-" + role[1]);
        }
    }
}
