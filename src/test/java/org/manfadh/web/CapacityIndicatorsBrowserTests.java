package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ManfadhIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The capacity manager's start and indicators in Arabic, as the training directorate uses them: this quarter's key
 * figures and the way to every screen of the module, then the officials trained in 2018 by sex and agency, with
 * the programme's report to download in the page's language.
 */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityIndicatorsBrowserTests {

    private static final UUID NODE = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void trainees() {
        Browser.assumeAvailable();
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID course = UUID.randomUUID();
        jdbc.sql("""
                insert into capacity.course (id, node_id, code, topic, title_en, title_ar, title_ckb, duration_days,
                                             certificate_months, created_by, created_at)
                values (:id, :node, :code, 'DOCUMENT_EXAMINATION', 'Document examination', 'فحص الوثائق',
                        'پشکنینی بەڵگەنامە', 5, 24, 'test', now())
                """).param("id", course).param("node", NODE).param("code", "BRW-" + suffix).update();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
        session(course, LocalDate.of(2018, 5, 10), "IBK", new String[] {"F", "F", "M", "M", "M"},
                new String[] {"KRG_MOI", "KRG_MOI", "BPC", "KRG_MOI", "CUSTOMS"});
        session(course, LocalDate.of(2018, 11, 20), "ZRB", new String[] {"F", "M", "M"},
                new String[] {"FEDERAL_MOI", "FEDERAL_MOI", "BPC"});
        session(course, today, "ZRB", new String[] {"F", "F", "M"}, new String[] {"BPC", "BPC", "FEDERAL_MOI"});
    }

    private void session(UUID course, LocalDate end, String point, String[] sexes, String[] agencies) {
        UUID session = UUID.randomUUID();
        jdbc.sql("""
                insert into capacity.session (id, node_id, course_id, start_date, end_date, training_centre,
                                              created_by, created_at)
                values (:id, :node, :course, :start, :end, 'BAGHDAD', 'test', now())
                """).param("id", session).param("node", NODE).param("course", course)
                .param("start", end.minusDays(4)).param("end", end).update();
        for (int i = 0; i < sexes.length; i++) {
            UUID person = UUID.randomUUID();
            jdbc.sql("""
                    insert into capacity.person (id, node_id, name, name_key, sex, created_at)
                    values (:id, :node, :name, :name, :sex, now())
                    """).param("id", person).param("node", NODE).param("name", "trainee " + person)
                    .param("sex", sexes[i]).update();
            UUID enrolment = UUID.randomUUID();
            jdbc.sql("""
                    insert into capacity.enrolment (id, node_id, session_id, person_id, agency, border_point, pre_score,
                                                    post_score, attended, created_by, created_at, updated_at)
                    values (:id, :node, :session, :person, :agency, :point, 50, :post, true, 'test', now(), now())
                    """).param("id", enrolment).param("node", NODE).param("session", session).param("person", person)
                    .param("agency", agencies[i]).param("point", point).param("post", 60 + 5 * i).update();
            jdbc.sql("""
                    insert into capacity.certificate (id, node_id, enrolment_id, person_id, course_id, number,
                                                      issued_on, expires_on, created_by, created_at)
                    values (:id, :node, :enrolment, :person, :course, :number, :issued, :expires, 'test', now())
                    """).param("id", UUID.randomUUID()).param("node", NODE).param("enrolment", enrolment)
                    .param("person", person).param("course", course).param("number", "BRW-" + enrolment)
                    .param("issued", end).param("expires", end.plusMonths(24)).update();
        }
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    private void signIn(String user, String lang) {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get("http://localhost:" + port + "/login?lang=" + lang);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
        // The account's language as another test of the shared database may have left it: chosen here again.
        driver.get("http://localhost:" + port + "/?lang=" + lang);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }

    private String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The page's words but the signed-in user's name and the language menu's own "English". */
    private String words() {
        return main().replace("capacity_manager", "");
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    @Test
    void showsTheCapacityManagerTheQuarterAndTheIndicatorsBySexAndAgencyInArabic() {
        signIn("capacity_manager", "ar");
        driver.findElement(By.cssSelector("#capacity-home a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-figures")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("بناء القدرات");
        // this quarter: at least the two women and the man trained today, in Arabic-Indic digits
        String women = driver.findElement(By.cssSelector("[data-figure=trainedWomen] strong")).getText();
        assertThat(women).matches("[٠-٩٬]+");
        assertThat(Integer.parseInt(arabicDigitsToLatin(women))).isGreaterThanOrEqualTo(2);
        for (String path : List.of("/capacity/courses", "/capacity/sessions", "/capacity/roster-import",
                "/capacity/refreshers", "/capacity/equipment", "/capacity/premises", "/capacity/sops",
                "/capacity/sops/adoption", "/capacity/indicators")) {
            assertThat(driver.findElements(By.cssSelector("#capacity-links a[href='" + path + "']"))).as(path)
                    .hasSize(1);
        }
        assertThat(words()).doesNotContain("??").doesNotContainPattern("\\b[A-Za-z]{4,}\\b");
        Browser.screenshot(driver, "capacity-indicators-ar-start");

        driver.findElement(By.id("indicators-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicators-form")));
        driver.executeScript("arguments[0].value = '2018-01-01'", driver.findElement(By.id("from")));
        driver.executeScript("arguments[0].value = '2018-12-31'", driver.findElement(By.id("to")));
        for (WebElement box : driver.findElements(By.cssSelector("#by-choices input:checked"))) {
            box.click();
        }
        driver.findElement(By.id("by-sex")).click();
        driver.findElement(By.id("by-agency")).click();
        WebElement shown = driver.findElement(By.id("indicators-form"));
        driver.findElement(By.id("show")).click();
        // the page opened with this quarter's table: wait for the new page, not the old table
        wait.until(Browser.replaced(shown));
        wait.until(ExpectedConditions.urlContains("from=2018-01-01"));
        WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicators-table")));
        assertThat(driver.getCurrentUrl()).contains("by=sex", "by=agency", "from=2018-01-01");
        List<String> headings = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        assertThat(headings).startsWith("الجنس", "الجهة", "المدربون");
        String text = table.getText();
        assertThat(text).contains("أنثى", "ذكر", "وزارة داخلية إقليم كوردستان", "هيئة المنافذ الحدودية");
        assertThat(words()).doesNotContain("??").doesNotContainPattern("\\b[A-Za-z]{4,}\\b");
        String xlsx = driver.findElement(By.id("export-xlsx")).getAttribute("href");
        assertThat(xlsx).contains("lang=ar", "format=xlsx", "by=sex,agency", "from=2018-01-01");
        assertThat(driver.findElement(By.id("export-pdf")).getAttribute("href")).contains("lang=ar", "format=pdf");
        Browser.screenshot(driver, "capacity-indicators-ar-table");

        // the same page in Kurdish, the dimensions kept
        driver.get(driver.getCurrentUrl().replace("lang=ar", "") + "&lang=ckb");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicators-table")));
        assertThat(body()).contains("ڕەگەز", "مێ").doesNotContain("??");
        Browser.screenshot(driver, "capacity-indicators-ckb-table");

        driver.get("http://localhost:" + port + "/capacity?lang=ckb");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-figures")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("بنیادنانی توانا");
        assertThat(words()).doesNotContain("??").doesNotContainPattern("\\b[A-Za-z]{4,}\\b");
        Browser.screenshot(driver, "capacity-indicators-ckb-start");
    }

    private static String arabicDigitsToLatin(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            if (c >= '٠' && c <= '٩') {
                out.append((char) ('0' + c - '٠'));
            }
        }
        return out.toString();
    }
}
