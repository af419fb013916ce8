package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ManfadhIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The training directorate's main job on its screens, in Arabic, as the capacity manager: a course, a session of it,
 * participants added by hand and by a roster file (a bad file refused with its rows named, nothing imported), the
 * trainer's page (attendance ticked day by day, scores and reaction, one Save), certificates issued and the refresher
 * list they bring due; a look at the same pages in Kurdish and English.
 */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingBrowserTests {

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));

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

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private void signIn() {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login?lang=ar");
        driver.findElement(By.id("username")).sendKeys("capacity_manager");
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
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

    private void submit(String buttonId) {
        WebElement button = driver.findElement(By.id(buttonId));
        button.click();
        waiting().until(Browser.replaced(button));
    }

    private void setDate(String id, LocalDate day) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, day.toString());
    }

    @Test
    void runsACourseSessionFromRosterToCertificatesInArabic() throws IOException {
        String tag = suffix();
        String code = "BRW-" + tag;
        signIn();

        // A course.
        open("/capacity/courses", "ar");
        driver.findElement(By.id("course-code")).sendKeys(code);
        driver.findElement(By.id("course-titleEn")).sendKeys("Detecting forged documents");
        driver.findElement(By.id("course-titleAr")).sendKeys("كشف الوثائق المزورة");
        driver.findElement(By.id("course-titleCkb")).sendKeys("دۆزینەوەی بەڵگەنامەی ساختە");
        new Select(driver.findElement(By.id("course-topic"))).selectByValue("DOCUMENT_EXAMINATION");
        WebElement months = driver.findElement(By.id("course-certificateMonths"));
        months.clear();
        months.sendKeys("1");
        Browser.screenshot(driver, "capacity-training-course-new-ar");
        submit("course-submit");
        checkPage("ar");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("كشف الوثائق المزورة").contains(code);
        String courseId = driver.getCurrentUrl().replaceAll(".*/capacity/courses/([0-9a-f-]+).*", "$1");

        // Changed on its page: a pass score above 100 refused beside the field, then 60 saved.
        driver.findElement(By.cssSelector("#edit-course summary")).click();
        WebElement pass = driver.findElement(By.id("edit-passScore"));
        pass.clear();
        pass.sendKeys("160");
        driver.executeScript("document.getElementById('edit-passScore').removeAttribute('max');");
        submit("course-save");
        assertThat(driver.findElements(By.cssSelector("#course-edit-form label.invalid"))).hasSize(1);
        pass = driver.findElement(By.id("edit-passScore"));
        pass.clear();
        pass.sendKeys("60");
        submit("course-save");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.done")));
        assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("٦٠");
        Browser.screenshot(driver, "capacity-training-course-ar");

        // A session of it, three days ending a week ago.
        open("/capacity/sessions?course=" + courseId, "ar");
        new Select(driver.findElement(By.id("session-course"))).selectByValue(courseId);
        setDate("session-start", today.minusDays(9));
        setDate("session-end", today.minusDays(7));
        new Select(driver.findElement(By.id("session-centre"))).selectByValue("BAGHDAD");
        driver.findElement(By.id("session-trainers")).sendKeys("علي حسين، Sara Khan");
        Browser.screenshot(driver, "capacity-training-session-new-ar");
        submit("session-submit");
        checkPage("ar");
        String sessionUrl = driver.getCurrentUrl().replaceAll("\\?.*", "");
        String sessionId = sessionUrl.replaceAll(".*/capacity/sessions/", "");

        // One participant by hand: the form refuses a missing sex and keeps the name typed.
        driver.findElement(By.cssSelector("#add-participant summary")).click();
        driver.findElement(By.id("participant-name")).sendKeys("زينب كاظم " + tag);
        new Select(driver.findElement(By.id("participant-agency"))).selectByValue("BPC");
        new Select(driver.findElement(By.id("participant-borderPoint"))).selectByValue("ZRB");
        submit("participant-submit");
        assertThat(driver.findElement(By.id("participant-name")).getDomProperty("value")).isEqualTo("زينب كاظم " + tag);
        assertThat(driver.findElements(By.cssSelector("#participant-form label.invalid"))).isNotEmpty();
        Browser.screenshot(driver, "capacity-training-participant-error-ar");
        new Select(driver.findElement(By.id("participant-sex"))).selectByValue("F");
        submit("participant-submit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("session-done")));

        // A roster with a bad row: refused, the row named, nothing imported.
        Path bad = Files.createTempFile("roster-bad", ".csv");
        Files.writeString(bad, "الاسم,الجنس,الجهة,المنفذ,الاختبار القبلي\n"
                + "حسن جبار " + tag + ",ذكر,CUSTOMS,ZRB,40\n"
                + "سارة علي " + tag + ",X,BPC,ZRB,50\n", StandardCharsets.UTF_8);
        open("/capacity/roster-import?session=" + sessionId, "ar");
        driver.findElement(By.id("roster-file")).sendKeys(bad.toString());
        submit("roster-submit");
        checkPage("ar");
        List<WebElement> errorRows = driver.findElements(By.cssSelector("#roster-errors tbody tr"));
        assertThat(errorRows).hasSize(1);
        assertThat(errorRows.getFirst().getDomAttribute("data-row")).isEqualTo("3");
        assertThat(errorRows.getFirst().getDomAttribute("data-column")).isEqualTo("sex");
        Browser.screenshot(driver, "capacity-training-roster-errors-ar");

        // Corrected, it imports both.
        Path good = Files.createTempFile("roster-good", ".csv");
        Files.writeString(good, "الاسم,الجنس,الجهة,المنفذ,الاختبار القبلي\n"
                + "حسن جبار " + tag + ",ذكر,CUSTOMS,ZRB,40\n"
                + "سارة علي " + tag + ",أنثى,BPC,ZRB,50\n", StandardCharsets.UTF_8);
        new Select(driver.findElement(By.id("roster-session"))).selectByValue(sessionId);
        driver.findElement(By.id("roster-file")).sendKeys(good.toString());
        submit("roster-submit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("imported")));
        checkPage("ar");
        List<WebElement> rows = driver.findElements(By.cssSelector("#participants tbody tr"));
        assertThat(rows).hasSize(3);

        // The trainer's page: every day ticked for all but Hassan (one day of three), scores and reactions, one Save.
        for (WebElement row : rows) {
            String id = row.getDomAttribute("data-participant-id");
            boolean hassan = row.getText().contains("حسن جبار");
            List<WebElement> days = row.findElements(By.cssSelector("td.day input[type=checkbox]"));
            assertThat(days).hasSize(3);
            for (int d = 0; d < days.size(); d++) {
                if ((!hassan || d == 0) && !days.get(d).isSelected()) {
                    days.get(d).click();
                }
            }
            WebElement post = row.findElement(By.name("post-" + id));
            post.clear();
            post.sendKeys(hassan ? "90" : "85");
            WebElement pre = row.findElement(By.name("pre-" + id));
            if (pre.getDomProperty("value").isEmpty()) {
                pre.sendKeys("45");
            }
            new Select(row.findElement(By.name("reaction-" + id))).selectByValue("4");
        }
        Browser.screenshot(driver, "capacity-training-grid-ar");
        submit("grid-save");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("session-done")));
        checkPage("ar");
        submit("issue-certificates");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("issued")));
        checkPage("ar");
        int certified = 0;
        for (WebElement row : driver.findElements(By.cssSelector("#participants tbody tr"))) {
            String certificate = row.findElements(By.tagName("td")).getLast().getText();
            if (row.getText().contains("حسن جبار")) {
                assertThat(certificate).isEqualTo("—"); // present one day of three: not attended
            } else {
                assertThat(certificate).startsWith("BPC-" + code + "-");
                certified++;
            }
        }
        assertThat(certified).isEqualTo(2);
        assertThat(driver.findElement(By.id("levels")).getText()).contains("٤");
        Browser.screenshot(driver, "capacity-training-certificates-ar");

        // Kirkpatrick level 4: a note of what changed at the border point, without it refused.
        driver.findElement(By.cssSelector("#evaluation summary")).click();
        new Select(driver.findElement(By.id("evaluation-level"))).selectByValue("4");
        submit("evaluation-submit");
        Browser.screenshot(driver, "capacity-training-evaluation-error-ar");
        assertThat(driver.findElements(By.cssSelector("#evaluation-form label.invalid")))
                .as(driver.findElement(By.tagName("main")).getText()).isNotEmpty();
        driver.findElement(By.id("evaluation-note")).sendKeys("انخفض عدد الوثائق المزورة التي تفوت الفحص");
        submit("evaluation-submit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("session-done")));
        assertThat(driver.findElement(By.id("levels")).getText()).contains("انخفض عدد الوثائق المزورة");

        // The refreshers due at Zurbatiyah: the two certificates expire within a month.
        open("/capacity/refreshers?borderPoint=ZRB", "ar");
        assertThat(driver.findElement(By.cssSelector("section.point[data-point='ZRB']")).getText())
                .contains("زينب كاظم " + tag).contains("سارة علي " + tag).doesNotContain("حسن جبار " + tag);
        Browser.screenshot(driver, "capacity-training-refreshers-ar");

        // The same pages in Kurdish and English.
        open("/capacity/sessions/" + sessionId, "ckb");
        Browser.screenshot(driver, "capacity-training-grid-ckb");
        open("/capacity/sessions", "ckb");
        Browser.screenshot(driver, "capacity-training-sessions-ckb");
        open("/capacity/sessions/" + sessionId, "en");
        Browser.screenshot(driver, "capacity-training-grid-en");
    }

    private static String suffix() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
