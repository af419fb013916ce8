package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The booth as a new officer finds it, in the language where each defect was seen: the officer's
 * own border point, the stay flags before deciding, a second scan over the first, crossings hidden
 * by the jurisdiction, placeholders that fit, the photo area and audit notice, and groups.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.test.context=screening")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoothBrowserTests {

    private static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z]{4,}\\b");

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void available() {
        Browser.assumeAvailable();
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

    private void signIn(String user, String lang) {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(base() + "/login?lang=" + lang);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    /** Types a zone as a document reader does: each line and its Enter, into whatever has the cursor. */
    private void scan(String mrz) {
        WebElement zone = driver.switchTo().activeElement();
        assertThat(zone.getDomAttribute("id")).as("the cursor waits in the zone").isEqualTo("mrz");
        for (String line : mrz.split("\n")) {
            zone.sendKeys(line);
            zone.sendKeys(Keys.ENTER);
        }
    }

    private WebElement read(String documentNumber) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("document-panel"), documentNumber));
        return driver.findElement(By.id("document-panel"));
    }

    private static String passport(String number, String surname, String given, String nationality, LocalDate born) {
        return Passports.td3(nationality, number, surname, given, nationality, born, 'M', LocalDate.now().plusYears(4));
    }

    /** Records an admitted entry through the API, as another officer did earlier. */
    private void entered(String user, String point, String mrz) {
        Map<String, Object> crossing = new LinkedHashMap<>();
        crossing.put("id", UUID.randomUUID().toString());
        crossing.put("borderPoint", point);
        crossing.put("direction", "ENTRY");
        crossing.put("mrz", mrz);
        crossing.put("decision", "ADMITTED");
        ApiClient.Response recorded = new ApiClient(port).as(user, "manfadh-demo")
                .post("/api/v1/crossings", ApiClient.json(crossing));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    // --- item 1 ----------------------------------------------------------------------------------

    @Test
    void anOfficerOfTheKurdistanRegionRecordsAtHisOwnBorderPointFromTheFirstScreen() {
        signIn("officer_kri", "ckb");
        driver.get(base() + "/inspection?lang=ckb");
        Select points = new Select(driver.findElement(By.id("borderPoint")));
        assertThat(points.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("IBK");
        assertThat(points.getOptions()).extracting(o -> o.getDomAttribute("value")).containsExactly("IBK");
        Browser.screenshot(driver, "ckb-50-booth-kri-officer");

        String number = Passports.number('K');
        scan(passport(number, "BARZANJI", "HAWKAR", "TUR", LocalDate.of(1984, 3, 14)));
        read(number);
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, "r"));
        WebElement recorded = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(recorded.getDomAttribute("data-decision")).isEqualTo("REFERRED");
        assertThat(recorded.getDomAttribute("data-border-point")).isEqualTo("IBK");

        // A border point outside the jurisdiction sent by hand is not taken: the booth stays at his own,
        // and says why in his language.
        driver.executeScript("var s = document.getElementById('borderPoint'); var o = document.createElement('option');"
                + " o.value = 'ZRB'; o.text = 'ZRB'; s.appendChild(o); s.value = 'ZRB';");
        driver.findElement(By.id("mrz")).sendKeys(Keys.ESCAPE);
        String second = Passports.number('K');
        scan(passport(second, "BARZANJI", "SHAHO", "TUR", LocalDate.of(1986, 5, 2)));
        read(second);
        WebElement refused = driver.findElement(By.id("booth-point-refused"));
        assertThat(refused.getText()).isNotBlank();
        assertThat(LATIN_WORD.matcher(refused.getText().replace("ZRB", "")).find()).as(refused.getText()).isFalse();
        assertThat(new Select(driver.findElement(By.id("borderPoint"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("IBK");
        Browser.screenshot(driver, "ckb-51-booth-kri-point-refused");
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, "r"));
        recorded = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(recorded.getDomAttribute("data-border-point")).isEqualTo("IBK");
        assertThat(Browser.contentSecurityViolations(driver)).isEmpty();
    }

    // --- item 3 ----------------------------------------------------------------------------------

    @Test
    void showsTheStayFlagsWhenTheDocumentIsReadBeforeTheDecision() {
        String number = Passports.number('N');
        String mrz = passport(number, "KHALILZADEH", "DARIUSH", "IRN", LocalDate.of(1979, 1, 30));
        entered("officer", "ZRB", mrz);

        signIn("officer", "ar");
        driver.get(base() + "/inspection?lang=ar");
        scan(mrz);
        read(number);
        WebElement flag = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#expected-flags [data-flag=NO_EXIT_RECORDED]")));
        assertThat(flag.getText()).isNotBlank().doesNotContainPattern("[A-Za-z]");
        assertThat(driver.findElements(By.id("recorded"))).isEmpty();
        Browser.screenshot(driver, "ar-52-booth-stay-flags-before-deciding");
    }

    // --- item 4 ----------------------------------------------------------------------------------

    @Test
    void aSecondScanReplacesTheFirstZone() {
        signIn("officer", "ar");
        driver.get(base() + "/inspection?lang=ar");
        String first = Passports.number('R');
        scan(passport(first, "HADDADI", "YUSUF", "JOR", LocalDate.of(1990, 2, 2)));
        read(first);

        // The officer has clicked at the end of the zone: the reader's next burst is a new document all the same.
        driver.findElement(By.id("mrz")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        String second = Passports.number('R');
        scan(passport(second, "HADDADI", "MARYAM", "JOR", LocalDate.of(1992, 4, 4)));
        read(second);
        assertThat(driver.findElements(By.cssSelector("#document-panel [data-code]"))).isEmpty();

        // Straight after a reading, an identity card (three lines of 30) over a passport (two of 44).
        String card = "C" + Passports.number('D').substring(1);
        scan(td1("TUR", card, "YILMAZ", "EMRE", LocalDate.of(1988, 8, 8)));
        read(card);
        assertThat(driver.findElements(By.cssSelector("#document-panel [data-code]"))).isEmpty();
        assertThat(driver.findElement(By.id("mrz")).getDomProperty("value").split("\n")).hasSize(3);
        Browser.screenshot(driver, "ar-53-booth-second-scan");
    }

    // --- item 5 ----------------------------------------------------------------------------------

    @Test
    void saysThatEarlierCrossingsExistWhereTheJurisdictionHidesThem() {
        String number = Passports.number('H');
        String mrz = passport(number, "SORANIPOUR", "KAVEH", "IRN", LocalDate.of(1975, 6, 6));
        entered("officer", "ZRB", mrz);

        signIn("officer_kri", "ckb");
        driver.get(base() + "/inspection?lang=ckb");
        scan(mrz);
        read(number);
        WebElement history = driver.findElement(By.id("history-panel"));
        WebElement elsewhere = history.findElement(By.id("crossings-elsewhere"));
        assertThat(elsewhere.getDomAttribute("data-count")).isEqualTo("1");
        assertThat(history.findElements(By.id("first-seen"))).isEmpty();
        // Nothing of the hidden crossing reaches the browser: not its border point, not a row.
        assertThat(driver.getPageSource()).doesNotContain("ZRB").doesNotContain("زورباتیە").doesNotContain("Zurbatiyah");
        assertThat(history.findElements(By.cssSelector("tbody tr"))).isEmpty();
        Browser.screenshot(driver, "ckb-54-booth-crossings-elsewhere");
    }

    // --- item 6 ----------------------------------------------------------------------------------

    @Test
    void placeholdersFitTheirFieldsInArabic() {
        signIn("officer", "ar");
        driver.get(base() + "/inspection?lang=ar");
        String number = Passports.number('P');
        scan(passport(number, "QASSAB", "AMIR", "SYR", LocalDate.of(1970, 9, 9)));
        read(number);
        driver.findElement(By.cssSelector("#manual summary")).click();
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) driver.executeScript("""
                var cut = [];
                document.querySelectorAll('input[placeholder]').forEach(function (i) {
                  if (!i.offsetParent) { return; }
                  var kept = i.value;
                  i.value = i.placeholder;
                  if (i.scrollWidth > i.clientWidth + 1) { cut.push(i.id + ': ' + i.placeholder); }
                  i.value = kept;
                });
                return cut;""");
        assertThat(cut).isEmpty();
        assertThat(driver.findElements(By.cssSelector("input[placeholder]"))).hasSizeGreaterThan(5);
        Browser.screenshot(driver, "ar-55-booth-placeholders");
    }

    // --- item 7 ----------------------------------------------------------------------------------

    @Test
    void showsAPhotoAreaTheFaceGivenByTheReaderAndThatTheLookUpIsAudited() {
        signIn("officer", "ar");
        driver.get(base() + "/inspection?lang=ar");
        assertThat(driver.findElement(By.id("audit-notice")).getText()).isNotBlank().doesNotContainPattern("[A-Za-z]");
        String number = Passports.number('F');
        scan(passport(number, "NOURI", "SAMIR", "LBN", LocalDate.of(1981, 7, 7)));
        read(number);
        WebElement photo = driver.findElement(By.id("photo"));
        assertThat(photo.getDomAttribute("data-photo")).isEqualTo("none");
        assertThat(photo.getText()).isNotBlank();
        Browser.screenshot(driver, "ar-56-booth-photo-placeholder");

        // The reader's software hands the chip's face to the page; it is shown, never sent anywhere.
        driver.executeScript("document.dispatchEvent(new CustomEvent('manfadh:face', {detail: {src: arguments[0]}}));",
                FACE);
        wait.until(d -> "reader".equals(d.findElement(By.id("photo")).getDomAttribute("data-photo")));
        Number width = (Number) driver.executeScript("return document.querySelector('#photo img').naturalWidth");
        assertThat(width.intValue()).isPositive();
        Browser.screenshot(driver, "ar-57-booth-photo-from-reader");
        // The next traveller starts without the last one's face.
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(driver.findElement(By.id("photo")).getDomAttribute("data-photo")).isEqualTo("none");
        assertThat(Browser.contentSecurityViolations(driver)).isEmpty();
    }

    @Test
    void aPilgrimGroupIsOpenedItsMembersScannedOneAfterAnotherAndDecidedTogether() {
        signIn("officer", "ar");
        driver.get(base() + "/inspection/groups?lang=ar");
        Browser.screenshot(driver, "ar-58-groups");
        new Select(driver.findElement(By.id("group-kind"))).selectByValue("PILGRIM_GROUP");
        driver.findElement(By.id("group-vehicle")).sendKeys("BUS 12-4471");
        driver.findElement(By.id("group-leader")).sendKeys("HUSSEIN JAFARI");
        driver.findElement(By.cssSelector("#open-group button[type=submit]")).click();
        WebElement group = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main[data-group-id]")));
        String groupId = group.getDomAttribute("data-group-id");

        List<String> numbers = List.of(Passports.number('G'), Passports.number('G'), Passports.number('G'));
        String[] given = {"ALI", "ZAINAB", "REZA"};
        for (int i = 0; i < numbers.size(); i++) {
            scan(passport(numbers.get(i), "JAFARI", given[i], "IRN", LocalDate.of(1960 + i, 1 + i, 10)));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#members tr[data-document-number='" + numbers.get(i) + "']")));
        }
        assertThat(driver.findElements(By.cssSelector("#members tbody tr[data-decision=PENDING]"))).hasSize(3);
        Browser.screenshot(driver, "ar-59-group-members");

        driver.findElement(By.id("admit-group")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#members tbody tr[data-decision=ADMITTED]"), 3));
        Browser.screenshot(driver, "ar-60-group-admitted");

        ApiClient.Response stored = new ApiClient(port).as("officer", "manfadh-demo").get("/api/v1/groups/" + groupId);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("kind").asString()).isEqualTo("PILGRIM_GROUP");
        assertThat(stored.json().get("members").size()).isEqualTo(3);
        stored.json().get("members").forEach(m -> assertThat(m.get("decision").asString()).isEqualTo("ADMITTED"));
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("??");
        assertThat(Browser.contentSecurityViolations(driver)).isEmpty();
    }

    /** A one-pixel PNG, as a reader's software might hand over a face. */
    private static final String FACE = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    /** An identity card's zone (TD1: three lines of 30) with correct check digits. */
    static String td1(String state, String number, String surname, String given, LocalDate born) {
        DateTimeFormatter yymmdd = DateTimeFormatter.ofPattern("yyMMdd");
        String doc = pad(number, 9);
        String line1 = "ID" + state + doc + check(doc) + pad("", 15);
        String dob = born.format(yymmdd);
        String exp = LocalDate.now().plusYears(6).format(yymmdd);
        String head = dob + check(dob) + "M" + exp + check(exp) + state + pad("", 11);
        String composite = check(line1.substring(5, 30) + head.substring(0, 7) + head.substring(8, 15) + head.substring(18, 29));
        String line2 = head + composite;
        String line3 = pad(surname + "<<" + given.replace(' ', '<'), 30);
        return line1 + "\n" + line2 + "\n" + line3;
    }

    private static String pad(String value, int length) {
        StringBuilder sb = new StringBuilder(value);
        while (sb.length() < length) {
            sb.append('<');
        }
        return sb.substring(0, length);
    }

    private static String check(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int v = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * weights[i % 3];
        }
        return Integer.toString(sum % 10);
    }
}
