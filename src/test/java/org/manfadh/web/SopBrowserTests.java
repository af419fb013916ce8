package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The capacity manager's SOP screens in Arabic: a referral procedure written in three languages with its checklist,
 * read in Arabic with the English a click away; an audit at Zurbatiyah refused while an item is unanswered, then
 * saved with the keyboard and its score shown; the adoption matrix with the point's cell audited. The same pages in
 * Kurdish and English for the screenshots.
 */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SopBrowserTests {

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() {
        Browser.assumeAvailable();
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get("http://localhost:" + port + "/login?lang=ar");
        driver.findElement(By.id("username")).sendKeys("capacity_manager");
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void open(String path, String lang) {
        driver.get("http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
    }

    private void submit(String button) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(button)).click();
        wait.until(Browser.replaced(old));
    }

    @Test
    void writesAnSopInArabicAndAuditsItAtABorderPoint() {
        String code = "REF-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        open("/capacity/sops", "ar");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("إجراءات التشغيل القياسية");
        submit("sop-new");

        driver.findElement(By.id("code")).sendKeys(code);
        new Select(driver.findElement(By.id("kind"))).selectByValue("REFERRAL");
        driver.findElement(By.id("titleEn")).sendKeys("Referral to the second line");
        driver.findElement(By.id("titleAr")).sendKeys("الإحالة إلى الخط الثاني");
        driver.findElement(By.id("titleCkb")).sendKeys("ڕەوانەکردن بۆ هێڵی دووەم");
        driver.findElement(By.id("bodyEn")).sendKeys("Refer the traveller when a check is not conclusive.");
        driver.findElement(By.id("bodyAr")).sendKeys("أحِل المسافر إلى الخط الثاني عندما لا يكون الفحص حاسماً.");
        driver.findElement(By.id("checklistEn")).sendKeys("Reason written", Keys.ENTER, "Supervisor told",
                Keys.ENTER, "Traveller informed");
        driver.findElement(By.id("checklistAr")).sendKeys("السبب مكتوب", Keys.ENTER, "المشرف مُبلَّغ");
        Browser.screenshot(driver, "capacity-sops-new-ar");
        submit("sop-submit");

        // Two Arabic lines beside three English ones: refused, what was written kept.
        assertThat(driver.findElement(By.id("checklist-error")).getText())
                .isEqualTo("تحتاج قائمتا التحقق العربية والكردية إلى عدد أسطر القائمة الإنجليزية نفسه، أو تُتركان فارغتين.");
        assertThat(driver.findElement(By.id("code")).getAttribute("value")).isEqualTo(code);
        driver.findElement(By.id("checklistAr")).sendKeys(Keys.ENTER, "المسافر مُبلَّغ");
        submit("sop-submit");

        assertThat(driver.findElement(By.id("sop-done")).getText()).isEqualTo("أُنشئ الإجراء بإصداره الأول.");
        assertThat(driver.findElement(By.id("sop-body")).getText())
                .isEqualTo("أحِل المسافر إلى الخط الثاني عندما لا يكون الفحص حاسماً.");
        assertThat(driver.findElement(By.id("sop-checklist")).getText()).contains("السبب مكتوب", "المسافر مُبلَّغ");
        WebElement english = driver.findElement(By.id("body-en"));
        english.findElement(By.tagName("summary")).click();
        assertThat(english.findElement(By.cssSelector("div.body")).getText())
                .isEqualTo("Refer the traveller when a check is not conclusive.");
        Browser.screenshot(driver, "capacity-sops-sop-ar");
        String sopUrl = driver.getCurrentUrl();

        submit("audit-new");
        new Select(driver.findElement(By.id("audit-point"))).selectByValue("ZRB");
        driver.findElement(By.id("audit-auditor")).sendKeys("فريق التدقيق الثالث");
        // With the keyboard: a radio group takes the focus, the space bar chooses; item 3 left unanswered.
        driver.findElement(By.id("result-1-MET")).sendKeys(Keys.SPACE);
        driver.findElement(By.id("result-2-PARTLY")).sendKeys(Keys.SPACE);
        submit("audit-submit");
        assertThat(driver.findElement(By.id("audit-errors")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("error-3")).getText()).isEqualTo("أجب عن هذا البند.");
        assertThat(driver.findElement(By.id("result-2-PARTLY")).isSelected()).isTrue();
        Browser.screenshot(driver, "capacity-sops-audit-errors-ar");
        driver.findElement(By.id("result-3-NOT_APPLICABLE")).sendKeys(Keys.SPACE);
        submit("audit-submit");

        // (MET + PARTLY / 2) / 2 items that apply = 75 %
        assertThat(driver.findElement(By.id("audit-done")).getText()).isEqualTo("حُفظ التدقيق.");
        assertThat(driver.findElement(By.id("audit-score")).getText()).contains("٧٥");
        assertThat(driver.findElement(By.id("audit-answers")).getText()).contains("مستوفى جزئياً", "لا ينطبق");
        Browser.screenshot(driver, "capacity-sops-audit-ar");

        String id = sopUrl.replaceAll(".*/capacity/sops/([0-9a-f-]{36}).*", "$1");
        JsonNode audits = new ApiClient(port).as("capacity_manager", "manfadh-demo")
                .get("/api/v1/capacity/sops/" + id + "/audits?borderPoint=ZRB").json();
        assertThat(audits.get("content").get(0).get("score").decimalValue()).isEqualByComparingTo("75");
        assertThat(audits.get("content").get(0).get("auditor").asString()).isEqualTo("فريق التدقيق الثالث");

        open("/capacity/sops/adoption", "ar");
        WebElement cell = driver.findElement(By.id("cell-ZRB-" + code));
        assertThat(cell.getAttribute("class")).contains("AUDITED");
        assertThat(cell.getText()).contains("مدقَّق");
        Browser.screenshot(driver, "capacity-sops-adoption-ar");

        // A step of training recorded on the matrix's form.
        new Select(driver.findElement(By.id("adoption-sop"))).selectByVisibleText(code + " الإحالة إلى الخط الثاني");
        new Select(driver.findElement(By.id("adoption-point"))).selectByValue("IBK");
        new Select(driver.findElement(By.id("adoption-stage"))).selectByValue("TRAINED");
        submit("adoption-submit");
        assertThat(driver.findElement(By.id("adoption-done")).getText()).isEqualTo("سُجّلت الخطوة.");
        assertThat(driver.findElement(By.id("cell-IBK-" + code)).getAttribute("class")).contains("TRAINED");

        for (String lang : new String[] {"ckb", "en"}) {
            driver.get(sopUrl.replaceAll("[?&]created", "") + "?lang=" + lang);
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo(lang.equals("en") ? "ltr" : "rtl");
            if (lang.equals("ckb")) {
                // No Kurdish text was written: the English one is shown left to right, and the reader is told.
                assertThat(driver.findElement(By.id("sop-fallback")).getText())
                        .isEqualTo("هێشتا بەم زمانە نەنووسراوە: بە ئینگلیزی نیشان دەدرێت.");
                assertThat(driver.findElement(By.id("sop-body")).getAttribute("lang")).isEqualTo("en");
            }
            Browser.screenshot(driver, "capacity-sops-sop-" + lang);
            open("/capacity/sops/adoption", lang);
            Browser.screenshot(driver, "capacity-sops-adoption-" + lang);
        }
        assertThat(Browser.contentSecurityViolations(driver)).isEmpty();
    }
}
