package org.manfadh.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manfadh.Nodes.port;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.manfadh.ApiClient;
import org.manfadh.Nodes;
import org.manfadh.bordercontrol.Passports;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The synchronisation screen at both ends: a post three days without headquarters shows its backlog
 * and the warning, and a push from the screen clears both; headquarters lists its nodes and flags the
 * one that is overdue. Post and headquarters are two applications with a database each; the browser
 * reaches one as localhost and the other as 127.0.0.1, so that their sign-ins do not share a cookie.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncBrowserTests {

    private ConfigurableApplicationContext post;
    private ConfigurableApplicationContext hq;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws IOException {
        Browser.assumeAvailable();
        int hqPort;
        try (ServerSocket free = new ServerSocket(0)) {
            hqPort = free.getLocalPort();
        }
        post = Nodes.start("manfadh.node.role=post", "manfadh.node.border-point=ZRB",
                "manfadh.sync.hq-url=http://localhost:" + hqPort, "manfadh.sync.interval=PT1H", "server.port=0");
        hq = Nodes.start("server.port=" + hqPort);
        // Another post, silent for three days.
        hq.getBean(JdbcClient.class).sql("""
                insert into sync.node_progress (node_id, border_point, last_seq, records, last_contact)
                values (:node, 'IBK', 48211, 48211, now() - interval '3 days')
                """).param("node", UUID.randomUUID()).update();
        driver = Browser.start();
    }


    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (post != null) {
            post.close();
        }
        if (hq != null) {
            hq.close();
        }
    }


    /** The post recorded a crossing and has not reached headquarters for three days. */
    private void offlineForThreeDays() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3("S" + (10_000_000 + (int) (Math.random() * 80_000_000)), "RAHIMI", "MARYAM",
                "IRN", LocalDate.of(1990, 4, 2)));
        body.put("decision", "ADMITTED");
        ApiClient.Response recorded = new ApiClient(port(post)).as("officer", "manfadh-demo").post("/api/v1/crossings", ApiClient.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JdbcClient jdbc = post.getBean(JdbcClient.class);
        jdbc.sql("""
                update sync.outbox set created_at = now() - interval '3 days'
                 where seq > (select acknowledged_seq from sync.push_state)
                """).update();
        jdbc.sql("update sync.push_state set last_contact = now() - interval '3 days 2 hours'").update();
    }

    private void show(String base, String lang) {
        driver.get(base + "/login?lang=" + lang);
        if (driver.findElements(By.cssSelector("form.signout")).isEmpty()) {
            driver.findElement(By.id("username")).sendKeys("admin");
            driver.findElement(By.id("password")).sendKeys("manfadh-demo", Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
        }
        driver.get(base + "/sync?lang=" + lang);
        WebElement html = driver.findElement(By.tagName("html"));
        assertThat(html.getDomAttribute("lang")).isEqualTo(lang);
        assertThat(html.getDomAttribute("dir")).isEqualTo(lang.equals("en") ? "ltr" : "rtl");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("??");
        assertThat(driver.findElement(By.cssSelector("nav.screens a[href='/sync']")).getText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void showsAPostsBacklogAndWarningAndPushesFromTheScreen(String lang) {
        offlineForThreeDays();
        String base = "http://localhost:" + port(post);
        show(base, lang);
        assertThat(driver.findElement(By.id("overdue")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("backlog")).getText()).isNotEqualTo(lang.equals("en") ? "0" : "٠");
        Browser.screenshot(driver, lang + "-40-sync-post-offline");

        WebElement push = driver.findElement(By.cssSelector("#push button"));
        push.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(Browser.replaced(push));
        WebElement done = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("push-done")));
        assertThat(done.getText()).isNotBlank().doesNotContain("??");
        assertThat(driver.findElements(By.id("overdue"))).isEmpty();
        assertThat(driver.findElement(By.id("backlog")).getText()).isEqualTo(lang.equals("en") ? "0" : "٠");
        Browser.screenshot(driver, lang + "-41-sync-post-pushed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void listsHeadquartersNodesAndFlagsTheOverdueOne(String lang) {
        ApiClient.Response pushed = new ApiClient(port(post)).asDemoAdmin().post("/api/v1/sync/push", "");
        assertThat(pushed.json().get("error").isNull()).as(pushed.body()).isTrue();
        show("http://127.0.0.1:" + port(hq), lang);
        assertThat(driver.findElements(By.cssSelector("#nodes tbody tr"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#nodes tbody tr.overdue"))).hasSize(1);
        assertThat(driver.findElement(By.id("overdue")).getText()).isNotBlank();
        Browser.screenshot(driver, lang + "-42-sync-headquarters");
    }
}
