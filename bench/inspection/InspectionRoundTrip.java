/*
 * The primary-inspection round trip as an officer's browser sees it: the zone submitted (the
 * reader's last Enter) until the answer with the decision buttons is on the screen, and the
 * decision posted until the recorded crossing is on the screen. Measured inside Debian's
 * headless chromium with performance.now(), so it includes the request, the server (MRZ
 * validation, screening, the traveller's history and stay), the response and HTMX's swap.
 *
 * A single source file run with the application's test class path (Selenium):
 *
 *   java -cp "$(cat cp.txt)" bench/inspection/InspectionRoundTrip.java --url http://localhost:18380 \
 *        --warmup 30 --iterations 200
 *
 * bench/inspection.sh starts Manfadh on the demo data and runs it; bench/README.md explains.
 */

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

public class InspectionRoundTrip {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        int warmup = 30;
        int iterations = 200;
        String chromium = "/usr/bin/chromium";
        String chromedriver = "/usr/bin/chromedriver";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--chromium" -> chromium = args[++i];
                case "--chromedriver" -> chromedriver = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> zones = zones(url, warmup + iterations);
        System.out.printf("documents: %d zones, %d of returning demo travellers%n", zones.size(), returning);

        System.setProperty("webdriver.chrome.driver", chromedriver);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(chromium));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("manfadh-bench-"),
                "--window-size=1366,1000");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build(), options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(url + "/login?lang=ar");
            driver.findElement(By.id("username")).sendKeys("officer");
            driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
            driver.get(url + "/inspection");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mrz")));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));

            List<Double> reads = new ArrayList<>();
            List<Double> decisions = new ArrayList<>();
            int hits = 0;
            for (int i = 0; i < zones.size(); i++) {
                // The zone goes in as the reader leaves it; the clock starts at the submit its last Enter makes.
                Object read = driver.executeAsyncScript("""
                        const [zone, done] = arguments;
                        document.getElementById('case').innerHTML = '';
                        const t0 = performance.now();
                        document.body.addEventListener('htmx:afterSettle', function settled() {
                            if (!document.querySelector('#case .case-grid')) { return; }
                            document.body.removeEventListener('htmx:afterSettle', settled);
                            const buttons = document.querySelectorAll('#decide button[name=decision]').length;
                            const outcome = document.querySelector('#screening-panel')?.dataset.outcome || '';
                            done([performance.now() - t0, buttons, outcome]);
                        });
                        const area = document.getElementById('mrz');
                        area.value = zone;
                        area.form.requestSubmit();
                        """, zones.get(i));
                List<?> r = (List<?>) read;
                double readMs = ((Number) r.get(0)).doubleValue();
                if (((Number) r.get(1)).intValue() != 3) {
                    throw new IllegalStateException("no decision buttons after reading zone " + i);
                }
                boolean clear = "CLEAR".equals(r.get(2));
                hits += clear ? 0 : 1;
                // Admit what is clear (Alt+A's button), refer the rest: the decision round trip.
                Object decided = driver.executeAsyncScript("""
                        const [clear, done] = arguments;
                        const t0 = performance.now();
                        document.body.addEventListener('htmx:afterSettle', function settled() {
                            if (!document.getElementById('recorded') && !document.querySelector('#decide .error')) { return; }
                            document.body.removeEventListener('htmx:afterSettle', settled);
                            done(performance.now() - t0);
                        });
                        const admit = document.getElementById('admit');
                        (clear && !admit.disabled ? admit : document.getElementById('refer')).click();
                        """, clear);
                double decideMs = ((Number) decided).doubleValue();
                if (i >= warmup) {
                    reads.add(readMs);
                    decisions.add(decideMs);
                }
            }
            System.out.printf("screened: %d of %d not clear (possible match or hit)%n", hits, zones.size());
            report("zone submitted → answer with decision buttons shown", reads);
            report("decision clicked → recorded crossing shown", decisions);
        } finally {
            driver.quit();
        }
    }

    private static int returning;

    private static void report(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("%-52s n=%d  mean %.1f ms  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", what, sorted.size(),
                mean, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.getLast());
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * Half the zones are passports of demo travellers already in the register (their history and
     * stay are read), half are passports of travellers seen for the first time.
     */
    static List<String> zones(String url, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:manfadh-demo".getBytes(StandardCharsets.UTF_8));
        String body = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/crossings?borderPoint=ZRB&size=1000"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> known = new ArrayList<>();
        Matcher doc = Pattern.compile("\"document\":\\{([^}]*)\\}").matcher(body);
        while (doc.find() && known.size() < count / 2) {
            String d = doc.group(1);
            String code = field(d, "documentCode");
            String birth = field(d, "dateOfBirth");
            String number = field(d, "documentNumber");
            String expiry = field(d, "dateOfExpiry");
            if (!"P".equals(code) || birth == null || birth.length() != 10 || number == null || number.length() > 9
                    || expiry == null) {
                continue;
            }
            String sex = field(d, "sex");
            known.add(td3(field(d, "issuingState"), number, field(d, "surname"), field(d, "givenNames"),
                    field(d, "nationality"), LocalDate.parse(birth), sex == null ? '<' : sex.charAt(0),
                    LocalDate.parse(expiry)));
        }
        returning = known.size();
        Random random = new Random(7);
        String[] surnames = {"HASSAN", "RAHIMI", "KARIMI", "AHMADI", "YILMAZ", "KAYA", "SALEH", "JABBAR", "MOHAMMADI",
                "HUSSEINI", "NAJAFI", "DEMIR", "SHARIF", "ABBAS", "TAHERI"};
        String[] given = {"ALI", "FATEMEH", "HUSSEIN", "ZAHRA", "MEHMET", "AYSE", "OMAR", "MARYAM", "REZA", "LEILA"};
        String[] states = {"IRN", "TUR", "PAK", "IRQ", "SYR", "JOR", "LBN", "AZE"};
        List<String> zones = new ArrayList<>(known);
        while (zones.size() < count) {
            String state = states[random.nextInt(states.length)];
            zones.add(td3(state, "B" + (10_000_000 + random.nextInt(89_999_999)), surnames[random.nextInt(surnames.length)],
                    given[random.nextInt(given.length)] + " " + given[random.nextInt(given.length)], state,
                    LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    random.nextBoolean() ? 'M' : 'F', LocalDate.now().plusDays(200 + random.nextInt(3000))));
        }
        Collections.shuffle(zones, random);
        return zones;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(?:\"([^\"]*)\"|null)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String td3(String state, String number, String surname, String givenNames, String nationality,
                      LocalDate birth, char sex, LocalDate expiry) {
        String name = pad(surname.replace(' ', '<') + "<<" + (givenNames == null ? "" : givenNames.replace(' ', '<')), 39);
        String doc = pad(number, 9);
        String dob = birth.format(YYMMDD);
        String exp = expiry.format(YYMMDD);
        String personal = pad("", 14);
        String docPart = doc + check(doc);
        String dobPart = dob + check(dob);
        String expPart = exp + check(exp);
        String personalPart = personal + check(personal);
        return "P<" + pad(state, 3) + name + "\n" + docPart + pad(nationality, 3) + dobPart + sex + expPart
                + personalPart + check(docPart + dobPart + expPart + personalPart);
    }

    static String pad(String value, int length) {
        StringBuilder sb = new StringBuilder(value);
        while (sb.length() < length) {
            sb.append('<');
        }
        return sb.substring(0, length);
    }

    static String check(String field) {
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
