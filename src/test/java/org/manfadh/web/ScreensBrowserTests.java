package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every other screen opens in each language with its direction, shows no untranslated key, and is
 * photographed; forms name their errors beside the field in the user's language.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.test.context=screening")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreensBrowserTests {

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private String travellerId;
    private String listId;
    private String personListId;

    @BeforeAll
    void data() {
        Browser.assumeAvailable();
        ApiClient officer = new ApiClient(port).as("officer", "manfadh-demo");
        Map<String, Object> crossing = new LinkedHashMap<>();
        crossing.put("id", UUID.randomUUID().toString());
        crossing.put("borderPoint", "ZRB");
        crossing.put("direction", "ENTRY");
        crossing.put("mrz", Passports.td3("IRN", "S" + (10_000_000 + (int) (Math.random() * 80_000_000)), "MORADI",
                "ZAHRA", "IRN", LocalDate.of(1991, 5, 2), 'F', LocalDate.now().plusYears(5)));
        crossing.put("nameOriginalScript", "زهرا مرادی");
        crossing.put("decision", "ADMITTED");
        crossing.put("visa", Map.of("number", "VOA-" + UUID.randomUUID().toString().substring(0, 6), "type",
                "VISA_ON_ARRIVAL", "permittedStayDays", 30));
        ApiClient.Response recorded = officer.post("/api/v1/crossings", ApiClient.json(crossing));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        travellerId = recorded.json().get("travellerId").asString();

        ApiClient manager = new ApiClient(port).as("watchlist_manager", "manfadh-demo");
        ApiClient.Response list = manager.post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Lost and stolen (screens) " + UUID.randomUUID().toString().substring(0, 8),
                "kind", "LOST_STOLEN_DOCUMENTS", "actionOnHit", "REFER")));
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        listId = list.json().get("id").asString();
        ApiClient.Response imported = manager.send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + "/api/v1/watchlists/" + listId + "/imports"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        externalId,documentNumber,issuingState,documentType,reportedOn
                        LS-SCR-1,ZX9988776,IRQ,PASSPORT,2026-02-01
                        LS-SCR-2,ZX9988777,IRQ,PASSPORT,2026-02-03
                        """)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        ApiClient.Response approved = new ApiClient(port).asDemoAdmin().post("/api/v1/watchlists/" + listId
                + "/pending/" + imported.json().get("id").asString() + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        ApiClient.Response persons = manager.post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "National alerts (screens) " + UUID.randomUUID().toString().substring(0, 8),
                "kind", "NATIONAL_ALERT", "actionOnHit", "REFER")));
        assertThat(persons.status()).as(persons.body()).isEqualTo(201);
        personListId = persons.json().get("id").asString();

        driver = Browser.start();
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void signInAsAdmin() {
        driver.get("http://localhost:" + port + "/login?lang=en");
        if (!driver.findElements(By.cssSelector("form.signout")).isEmpty()) {
            return;
        }
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    private void signInAs(String username) {
        driver.get("http://localhost:" + port + "/login?lang=en");
        List<WebElement> signOut = driver.findElements(By.cssSelector("form.signout button"));
        if (!signOut.isEmpty()) {
            signOut.getFirst().click();
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            driver.get("http://localhost:" + port + "/login?lang=en");
        }
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    /** Clicks a button that submits a form and waits for the page the redirect leads to. */
    private void click(WebElement button) {
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(Browser.replaced(button));
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    private void show(String path, String lang, String shot) {
        driver.get("http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        WebElement html = driver.findElement(By.tagName("html"));
        assertThat(html.getDomAttribute("lang")).as(path).isEqualTo(lang);
        assertThat(html.getDomAttribute("dir")).as(path).isEqualTo(lang.equals("en") ? "ltr" : "rtl");
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).as(path + " shows an untranslated key").doesNotContain("??");
        assertThat(driver.findElements(By.cssSelector("h1"))).as(path).isNotEmpty();
        assertThat(Browser.contentSecurityViolations(driver)).as(path + " within its content security policy").isEmpty();
        Browser.screenshot(driver, lang + "-" + shot);
    }

    @Test
    void showsTheApiDocumentationWithinItsContentSecurityPolicy() {
        driver.get("http://localhost:" + port + "/swagger-ui.html");
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info"), "Manfadh API"));
        assertThat(driver.findElements(By.cssSelector(".opblock"))).hasSizeGreaterThan(40);
        assertThat(Browser.contentSecurityViolations(driver)).isEmpty();
        Browser.screenshot(driver, "en-23-api-documentation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ckb"})
    void opensEveryScreenInTheLanguageChosen(String lang) {
        signInAsAdmin();
        show("/", lang, "10-home");
        show("/travellers?name=MORADI", lang, "11-traveller-search");
        show("/travellers/" + travellerId, lang, "12-traveller-profile");
        show("/overstays", lang, "13-overstayers");
        show("/stay-rules", lang, "14-stay-rules");
        show("/dashboard?borderPoint=ZRB", lang, "15-dashboard");
        assertThat(driver.findElements(By.cssSelector(".bars .col"))).hasSize(24);
        assertThat(driver.findElements(By.cssSelector(".bars rect"))).hasSize(48);
        show("/watchlists", lang, "16-watchlists");
        show("/watchlists/" + listId, lang, "17-watchlist-entries");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("ZX9988776");
        show("/watchlists/" + listId + "/changes", lang, "18-watchlist-changes");
        show("/users", lang, "19-users");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("watchlist_manager");
        show("/second-line/hits", lang, "20-open-hits");
        show("/account/two-factor", lang, "38-two-factor");
        // Setting up shows the secret and its link, and waits for a first code: nothing is required until then.
        // Begun once (in the first language), the set-up waits for its code in the others.
        driver.findElements(By.cssSelector("#two-factor-start button")).forEach(this::click);
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("otpauth://");
        assertThat(Browser.contentSecurityViolations(driver)).isEmpty();
        Browser.screenshot(driver, lang + "-38b-two-factor-set-up");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void namesAFilterErrorBesideItsField(String lang) {
        signInAsAdmin();
        show("/overstays?asOf=02/12/2026&nationality=QQQ", lang, "21-overstayers-errors");
        assertThat(driver.findElement(By.id("asOf-error")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("nationality-error")).getText()).isNotBlank();
        show("/travellers?name=M", lang, "22-traveller-search-error");
        assertThat(driver.findElement(By.id("name-error")).getText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ckb"})
    void importsAListFileUploadedOnTheScreenAndNamesABadOne(String lang) throws Exception {
        signInAsAdmin();
        String number = "ZX99887" + (lang.equals("en") ? "80" : "81");
        java.nio.file.Path good = java.nio.file.Files.createTempFile("lost-stolen-", ".csv");
        java.nio.file.Files.writeString(good, """
                externalId,documentNumber,issuingState,documentType,reportedOn
                LS-SCR-1,ZX9988776,IRQ,PASSPORT,2026-02-01
                LS-SCR-3,%s,IRQ,PASSPORT,2026-03-01
                """.formatted(number));
        show("/watchlists/" + listId, lang, "23-watchlist-import");
        driver.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        WebElement pending = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("import-pending")));
        assertThat(pending.getText()).isNotBlank();
        // A national list file waits for a second watchlist manager, who approves it on the same page.
        assertThat(driver.findElement(By.id("pending-changes")).getText()).contains("admin");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(number);
        Browser.screenshot(driver, lang + "-23b-watchlist-import-pending");
        signInAs("watchlist_manager");
        show("/watchlists/" + listId, lang, "23c-watchlist-pending-change");
        driver.findElement(By.cssSelector("#pending-changes form.approve-change button[type=submit]")).click();
        WebElement done = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("entry-done")));
        assertThat(done.getText()).isNotBlank();
        assertThat(driver.findElements(By.id("pending-changes"))).isEmpty();
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("LS-SCR-3").contains(number);

        java.nio.file.Path bad = java.nio.file.Files.createTempFile("bad-", ".csv");
        java.nio.file.Files.writeString(bad, "externalId,documentNumber\nX,1,2\n");
        driver.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("file-error")));
        assertThat(error.getText()).isNotBlank();
        Browser.screenshot(driver, lang + "-24-watchlist-import-error");
        signInAs("admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void proposesAPersonOnTheScreenForASecondManagerToApprove(String lang) {
        String name = "KARIMI HASSAN " + lang.toUpperCase() + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        signInAs("watchlist_manager");
        show("/watchlists/" + personListId, lang, "26-watchlist-propose");
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("dateOfBirth")).sendKeys("1980-13-40");
        driver.findElement(By.id("nationality")).sendKeys("QQQ");
        driver.findElement(By.cssSelector("#propose button[type=submit]")).click();
        WebElement dateError = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("dateOfBirth-error")));
        assertThat(dateError.getText()).isNotBlank().doesNotContain("??");
        assertThat(driver.findElement(By.id("nationality-error")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);
        Browser.screenshot(driver, lang + "-27-watchlist-propose-errors");

        driver.findElement(By.id("dateOfBirth")).clear();
        driver.findElement(By.id("dateOfBirth")).sendKeys("1980-03-14");
        driver.findElement(By.id("nationality")).clear();
        driver.findElement(By.id("nationality")).sendKeys("IRQ");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sex"))).selectByValue("M");
        driver.findElement(By.id("documentNumber")).sendKeys("A1234567");
        driver.findElement(By.id("note")).sendKeys("Entered on the screen");
        driver.findElement(By.cssSelector("#propose button[type=submit]")).click();
        WebElement proposed = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("entry-done")));
        assertThat(proposed.getText()).contains(name);

        By approve = By.xpath("//tr[td[contains(., '" + name + "')]]//form[@class='approve']//button");
        driver.findElement(approve).click();
        WebElement refused = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("entry-failed")));
        assertThat(refused.getText()).isNotBlank().doesNotContain("??");
        Browser.screenshot(driver, lang + "-28-watchlist-four-eyes");

        signInAs("admin");
        show("/watchlists/" + personListId + "?status=PENDING", lang, "29-watchlist-pending");
        driver.findElement(approve).click();
        WebElement approved = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("entry-done")));
        assertThat(approved.getText()).contains(name);
        show("/watchlists/" + personListId + "?status=ACTIVE", lang, "30-watchlist-approved");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void proposesALostDocumentOnTheScreenThatIsScreenedOnceASecondManagerApproves(String lang) {
        // Nine characters: the whole of a passport zone's document number field.
        String number = "L" + lang.toUpperCase().charAt(0) + (1_000_000 + (int) (Math.random() * 8_000_000));
        signInAs("watchlist_manager");
        show("/watchlists/" + listId, lang, "34-watchlist-propose-document");
        driver.findElement(By.id("documentNumber")).sendKeys(number + "/?");
        driver.findElement(By.id("issuingState")).sendKeys("QQQ");
        driver.findElement(By.id("reportedOn")).sendKeys("2026-02-30");
        driver.findElement(By.cssSelector("#propose-document button[type=submit]")).click();
        WebElement numberError = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("documentNumber-error")));
        assertThat(numberError.getText()).isNotBlank().doesNotContain("??");
        assertThat(driver.findElement(By.id("issuingState-error")).getText()).isNotBlank().doesNotContain("??");
        assertThat(driver.findElement(By.id("reportedOn-error")).getText()).isNotBlank().doesNotContain("??");
        assertThat(driver.findElement(By.id("issuingState")).getDomProperty("value")).isEqualTo("QQQ");
        Browser.screenshot(driver, lang + "-35-watchlist-propose-document-errors");

        driver.findElement(By.id("documentNumber")).clear();
        driver.findElement(By.id("documentNumber")).sendKeys(number);
        driver.findElement(By.id("issuingState")).clear();
        driver.findElement(By.id("issuingState")).sendKeys("irq");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("documentType"))).selectByValue("PASSPORT");
        driver.findElement(By.id("reportedOn")).clear();
        driver.findElement(By.id("reportedOn")).sendKeys("2026-02-14");
        driver.findElement(By.id("note")).sendKeys("Reported at the consulate");
        driver.findElement(By.cssSelector("#propose-document button[type=submit]")).click();
        WebElement proposed = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("entry-done")));
        assertThat(proposed.getText()).contains(number);
        ApiClient officer = new ApiClient(port).as("officer", "manfadh-demo");
        String check = ApiClient.json(Map.of("documentNumber", number, "issuingState", "IRQ"));
        assertThat(officer.post("/api/v1/screening/check", check).json().get("outcome").asString())
                .as("a pending entry is not screened against").isEqualTo("CLEAR");

        By approve = By.xpath("//tr[td[contains(., '" + number + "')]]//form[@class='approve']//button");
        driver.findElement(approve).click();
        WebElement refused = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("entry-failed")));
        assertThat(refused.getText()).isNotBlank().doesNotContain("??");

        signInAs("admin");
        show("/watchlists/" + listId + "?status=PENDING", lang, "36-watchlist-document-pending");
        driver.findElement(approve).click();
        WebElement approved = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("entry-done")));
        assertThat(approved.getText()).contains(number);

        // The index takes the approved entry in after the change commits.
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "HIT".equals(
                officer.post("/api/v1/screening/check", check).json().get("outcome").asString()));
        String mrz = Passports.td3("IRQ", number, "HADDAD", "LAYLA", "IRQ", LocalDate.of(1988, 1, 9), 'F',
                LocalDate.now().plusYears(4));
        Map<String, Object> crossing = new LinkedHashMap<>();
        crossing.put("id", UUID.randomUUID().toString());
        crossing.put("borderPoint", "ZRB");
        crossing.put("direction", "ENTRY");
        crossing.put("mrz", mrz);
        crossing.put("decision", "ADMITTED");
        ApiClient.Response recorded = officer.post("/api/v1/crossings", ApiClient.json(crossing));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("decision").asString()).as(recorded.body()).isEqualTo("REFERRED");
        assertThat(recorded.json().get("screening").get("outcome").asString()).isEqualTo("HIT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ckb"})
    void createsDisablesAndEnablesAnAccountOnTheUsersScreen(String lang) {
        String username = "screen." + lang + "." + UUID.randomUUID().toString().substring(0, 6);
        signInAs("admin");
        show("/users", lang, "31-users-new");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("short");
        driver.findElement(By.id("borderPoints")).sendKeys("ZRB");
        driver.findElement(By.cssSelector("#new-account button[type=submit]")).click();
        WebElement passwordError = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("password-error")));
        assertThat(passwordError.getText()).isNotBlank().doesNotContain("??");
        assertThat(driver.findElement(By.id("roles-error")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("authority-error")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("username")).getDomProperty("value")).isEqualTo(username);
        Browser.screenshot(driver, lang + "-32-users-new-errors");

        // Erbil lies in the Kurdistan Region: not a federal account's governorate.
        driver.findElement(By.id("password")).sendKeys("a long enough passphrase");
        driver.findElement(By.id("role-OFFICER")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("authority"))).selectByValue("FEDERAL");
        driver.findElement(By.id("borderPoints")).clear();
        driver.findElement(By.id("governorate-IQ-AR")).click();
        driver.findElement(By.cssSelector("#new-account button[type=submit]")).click();
        WebElement governoratesError = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("governorates-error")));
        assertThat(governoratesError.getText()).isNotBlank().doesNotContain("??");
        assertThat(driver.findElement(By.id("governorate-IQ-AR")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("role-OFFICER")).isSelected()).isTrue();
        Browser.screenshot(driver, lang + "-37-users-governorate-error");

        driver.findElement(By.id("password")).sendKeys("a long enough passphrase");
        driver.findElement(By.id("governorate-IQ-AR")).click();
        driver.findElement(By.id("governorate-IQ-AN")).click();
        driver.findElement(By.cssSelector("#new-account button[type=submit]")).click();
        WebElement created = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("user-done")));
        assertThat(created.getText()).contains(username);
        ApiClient.Response account = new ApiClient(port).asDemoAdmin().get("/api/v1/users/" + username);
        assertThat(account.json().get("jurisdiction").get("authority").asString()).isEqualTo("FEDERAL");
        assertThat(account.json().get("jurisdiction").get("governorates").toString()).isEqualTo("[\"IQ-AN\"]");

        By row = By.xpath("//tr[td[normalize-space(.)='" + username + "']]");
        click(driver.findElement(row).findElement(By.cssSelector("form.disable button")));
        assertThat(driver.findElement(row).findElements(By.cssSelector("form.enable"))).hasSize(1);
        assertThat(driver.findElement(By.id("user-done")).getText()).contains(username);
        click(driver.findElement(row).findElement(By.cssSelector("form.enable button")));
        assertThat(driver.findElement(row).findElements(By.cssSelector("form.disable"))).hasSize(1);
        // An account that is not locked is not offered an unlock (AdministrationBrowserTests unlocks a locked one).
        assertThat(driver.findElement(row).findElements(By.cssSelector("form.unlock"))).isEmpty();
        Browser.screenshot(driver, lang + "-33-users-changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void tellsOfAMissingRecordInTheUsersLanguage(String lang) {
        signInAsAdmin();
        driver.get("http://localhost:" + port + "/travellers/" + UUID.randomUUID() + "?lang=" + lang);
        WebElement html = driver.findElement(By.tagName("html"));
        assertThat(html.getDomAttribute("lang")).isEqualTo(lang);
        assertThat(driver.findElement(By.cssSelector("p.error")).getDomAttribute("data-status")).isEqualTo("404");
        Browser.screenshot(driver, lang + "-25-not-found");
    }
}
