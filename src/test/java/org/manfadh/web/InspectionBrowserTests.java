package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The officers' screens in a real browser: sign in, read a zone as a document reader types it,
 * see a watchlist hit with its explanation, refer, adjudicate and refuse on the second line, print
 * the refusal notice; in English, Arabic and Central Kurdish, with screenshots of each screen.
 * Runs in the screening tests' context, so the list made here screens no other test's travellers.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.test.context=screening")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionBrowserTests {

    /** A name no other test uses, listed on a national alert list that refers. */
    static final String SURNAME = "OKPARAVELDT";
    static final String GIVEN = "THADDEUS IGNATIUS";
    static final LocalDate BORN = LocalDate.of(1969, 7, 21);

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void watchlist() {
        Browser.assumeAvailable();
        ApiClient manager = new ApiClient(port).as("watchlist_manager", "manfadh-demo");
        ApiClient.Response created = manager.post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "National alerts (browser) " + UUID.randomUUID(), "kind", "NATIONAL_ALERT", "actionOnHit", "REFER")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String list = created.json().get("id").asString();
        ApiClient.Response imported = manager.send(HttpRequest.newBuilder()
                .uri(URI.create(base() + "/api/v1/watchlists/" + list + "/imports"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,documentNumber,issuingState,note
                        NA-WEB-1,,OKPARAVELDT,THADDEUS IGNATIUS,ثاديوس أوكبارافيلدت,,1969-07-21,NLD,M,,,
                        """)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        ApiClient.Response approved = new ApiClient(port).asDemoAdmin().post("/api/v1/watchlists/" + list
                + "/pending/" + imported.json().get("id").asString() + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void open() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private void signIn(String user, String lang) {
        driver.get(base() + "/login?lang=" + lang);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("manfadh-demo");
        driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    private void signOut() {
        driver.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    }

    private void assertLanguage(String lang) {
        WebElement html = driver.findElement(By.tagName("html"));
        assertThat(html.getDomAttribute("lang")).isEqualTo(lang);
        assertThat(html.getDomAttribute("dir")).isEqualTo(lang.equals("en") ? "ltr" : "rtl");
    }

    /** Types the zone as a document reader does: each line followed by Enter. */
    private void scan(String mrz) {
        WebElement zone = driver.findElement(By.id("mrz"));
        assertThat(driver.switchTo().activeElement()).as("the cursor waits in the zone").isEqualTo(zone);
        for (String line : mrz.split("\n")) {
            zone.sendKeys(line);
            zone.sendKeys(Keys.ENTER);
        }
    }

    private static String number() {
        return "W" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ckb"})
    void officerRefersAHitAndTheSupervisorAdjudicatesAndRefuses(String lang) {
        open();
        driver.get(base() + "/login?lang=" + lang);
        assertLanguage(lang);
        Browser.screenshot(driver, lang + "-01-sign-in");
        signIn("officer", lang);
        driver.get(base() + "/inspection?lang=" + lang);
        assertLanguage(lang);
        assertThat(new Select(driver.findElement(By.id("borderPoint"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("ZRB");
        Browser.screenshot(driver, lang + "-02-inspection-empty");

        // A traveller on none of this test's lists, admitted with Alt+A. Lists that other screening
        // tests load into this server may make the name a possible match: the officer has seen it
        // then, and admits all the same (the crossing is recorded as reviewed).
        scan(Passports.td3("POL", number(), "ZYLBERSZTAJNOWICZ", "KORNELIUSZ", "POL", LocalDate.of(1977, 11, 9), 'M',
                LocalDate.now().plusYears(4)));
        WebElement screening = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("screening-panel")));
        assertThat(screening.getDomAttribute("data-outcome")).isIn("CLEAR", "POSSIBLE_MATCH");
        assertThat(driver.findElement(By.id("admit")).isEnabled()).isTrue();
        Browser.screenshot(driver, lang + "-03-inspection-clear");
        // The name as written in the document's own script, then Alt+A from within that field.
        WebElement original = driver.findElement(By.id("nameOriginalScript"));
        original.sendKeys("كورنيليوش زيلبرشتاينوفيتش");
        original.sendKeys(Keys.chord(Keys.ALT, "a"));
        WebElement recorded = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(recorded.getDomAttribute("data-decision")).isEqualTo("ADMITTED");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("recorded"), 0));

        // The listed traveller: a hit, explained; admission is not offered; referred with Alt+R.
        scan(Passports.td3("NLD", number(), SURNAME, GIVEN, "NLD", BORN, 'M', LocalDate.now().plusYears(3)));
        screening = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("screening-panel")));
        assertThat(screening.getDomAttribute("data-outcome")).isEqualTo("HIT");
        assertThat(screening.findElements(By.cssSelector(".match.HIT .explanation li"))).isNotEmpty();
        assertThat(screening.getText()).contains("NA-WEB-1");
        // The explanation in the screen's language: the name parts side by side, each isolated from the
        // sentence's direction; no English words around them.
        WebElement explanation = screening.findElement(By.cssSelector(".match.HIT .explanation"));
        assertThat(explanation.findElements(By.cssSelector(".name-parts bdi"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(explanation.findElements(By.cssSelector(".feature-dateOfBirth"))).isNotEmpty();
        String words = explanation.getText();
        for (WebElement name : explanation.findElements(By.tagName("bdi"))) {
            words = words.replace(name.getText(), "");
        }
        words = words.replaceAll("\u2068[^\u2069]*\u2069", "");
        if (!lang.equals("en")) {
            assertThat(words).as("the explanation's own words in " + lang).doesNotContainPattern("[A-Za-z]{2,}")
                    .doesNotContainPattern("[0-9]");
        } else {
            assertThat(words).contains("alike").contains("date of birth".substring(0, 0));
        }
        assertThat(driver.findElement(By.id("admit")).isEnabled()).isFalse();
        Browser.screenshot(driver, lang + "-04-inspection-hit");
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, "r"));
        recorded = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(recorded.getDomAttribute("data-decision")).isEqualTo("REFERRED");
        String crossing = recorded.getDomAttribute("data-crossing-id");
        Browser.screenshot(driver, lang + "-05-inspection-referred");
        signOut();

        // The second line: the referral with its open hit; the verdict, then the final decision.
        signIn("supervisor", lang);
        driver.get(base() + "/second-line?borderPoint=ZRB&lang=" + lang);
        assertLanguage(lang);
        WebElement referral = findReferral(crossing);
        Browser.screenshot(driver, lang + "-06-second-line");
        // Other screening tests' lists may add matches of their own: this test adjudicates its own hit.
        WebElement adjudicate = ownHit(referral).findElement(By.cssSelector("form.adjudicate"));
        new Select(adjudicate.findElement(By.name("verdict"))).selectByValue("TRUE_MATCH");
        adjudicate.findElement(By.name("note")).sendKeys("Confirmed against the alert's photograph");
        adjudicate.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(Browser.replaced(adjudicate));
        referral = findReferral(crossing);
        assertThat(ownHit(referral).findElements(By.cssSelector("form.adjudicate"))).isEmpty();
        assertThat(ownHit(referral).findElement(By.cssSelector(".hit-status")).getText()).isNotBlank();
        WebElement decide = referral.findElement(By.cssSelector("form.final-decision"));
        new Select(decide.findElement(By.name("decision"))).selectByValue("REFUSED");
        new Select(decide.findElement(By.name("reasonCode"))).selectByValue("H");
        decide.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(Browser.replaced(decide));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main.second-line")));
        assertThat(driver.findElements(By.id("crossing-" + crossing))).isEmpty();

        // The refusal notice: reason H ticked, Arabic and English side by side.
        driver.get(base() + "/crossings/" + crossing + "/refusal-notice");
        WebElement ticked = driver.findElement(By.cssSelector(".reasons [data-ticked=true]"));
        assertThat(ticked.getDomAttribute("data-code")).isEqualTo("H");
        assertThat(driver.findElement(By.cssSelector(".notice-form")).getText()).contains(SURNAME, "Reasons", "أسباب");
        Browser.screenshot(driver, lang + "-07-refusal-notice");
        // Every page and fragment of the flow kept to the content security policy (no inline script or style).
        assertThat(Browser.contentSecurityViolations(driver)).isEmpty();
    }

    private static WebElement ownHit(WebElement referral) {
        return referral.findElements(By.cssSelector("li.match")).stream()
                .filter(m -> m.getText().contains("NA-WEB-1")).findFirst()
                .orElseThrow(() -> new AssertionError("the hit on NA-WEB-1 is not on the referral"));
    }

    /** The referral's card on the second line, following the pages of the queue (oldest first). */
    private WebElement findReferral(String crossing) {
        for (int page = 0; page < 50; page++) {
            var found = driver.findElements(By.id("crossing-" + crossing));
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            var next = driver.findElements(By.cssSelector("nav.pager a[rel=next]"));
            assertThat(next).as("referral " + crossing + " on the second line").isNotEmpty();
            next.getFirst().click();
        }
        throw new AssertionError("referral " + crossing + " not found");
    }

    @Test
    void remembersTheLanguageAUserChoseAtTheNextSignIn() {
        open();
        signIn("supervisor", "en");
        driver.get(base() + "/inspection?lang=ckb");
        assertLanguage("ckb");
        signOut();
        driver.quit();

        open();
        driver.get(base() + "/login?lang=en");
        assertLanguage("en");
        signIn("supervisor", "en");
        driver.get(base() + "/inspection");
        assertLanguage("ckb");
        driver.get(base() + "/inspection?lang=en");
    }

    @Test
    void showsTypedDocumentErrorsBesideTheirFields() {
        open();
        signIn("officer", "ar");
        driver.get(base() + "/inspection?lang=ar");
        driver.findElement(By.cssSelector("#manual summary")).click();
        driver.findElement(By.id("manual-surname")).sendKeys("KARIMI");
        driver.findElement(By.id("manual-dateOfBirth")).sendKeys("1990/01/01");
        driver.findElement(By.cssSelector("#manual-form button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manual-documentNumber-error")));
        assertThat(error.getText()).contains("مطلوب");
        assertThat(driver.findElement(By.id("manual-dateOfBirth-error")).isDisplayed()).isTrue();
        Browser.screenshot(driver, "ar-08-inspection-typed-document-errors");
    }
}
