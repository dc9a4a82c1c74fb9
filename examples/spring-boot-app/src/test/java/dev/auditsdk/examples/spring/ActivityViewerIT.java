// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The activity viewer in a real headless Chromium: the auditor signs in, filters by actor and by
 * action, loads more, opens a record, and a remark carrying HTML is shown as text and runs nothing.
 * Leaves screenshots in {@code target/} as evidence.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"blog.demo-password=" + ActivityViewerIT.PASSWORD})
class ActivityViewerIT {
    @DynamicPropertySource
    static void freshDataDir(DynamicPropertyRegistry registry) {
        registry.add("blog.data-dir", () -> "./target/it-data/viewer-" + UUID.randomUUID());
    }

    static final String PASSWORD = "viewer-test-pw";
    static final String XSS = "<img src=x onerror=alert(1)>";

    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    ChromeDriver browser;
    Instant now;
    WebDriverWait wait;

    @BeforeEach
    void seedAndOpenBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class); // rows re-rendered while a condition reads them
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ActionType> actions = List.of(ActionType.READ, ActionType.CREATE, ActionType.UPDATE, ActionType.DELETE);
        for (int i = 0; i < 80; i++) {
            int n = i;
            recorder.record(
                    actions.get(i % actions.size()),
                    b -> b.actor(n % 5 == 0 ? "carol" : "dave")
                            .occurredAt(now.minus(n * 17L, ChronoUnit.MINUTES))
                            .target("Post", n)
                            .httpMethod("GET")
                            .httpPath("/api/posts/" + n)
                            .httpStatus(200)
                            .remarks("seeded record " + n)
                            .data(Map.of("n", n, "note", "seed")));
        }
        recorder.record(
                ActionType.UPDATE,
                b -> b.actor("mallory")
                        .status(Status.FAILED)
                        .occurredAt(now)
                        .target("Post", "<script>alert(2)</script>")
                        .httpPath("/api/posts/<script>alert(3)</script>")
                        .remarks(XSS)
                        .data(Map.of("title", "<b>bold</b>")));
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void auditorFiltersPagesAndReadsRecordsSafely() throws Exception {
        signIn();
        browser.get(url("/activity"));
        wait.until(d -> rows().size() == 50);
        assertThat(browser.findElement(By.id("load-more")).isDisplayed()).isTrue();

        browser.findElement(By.id("load-more")).click();
        wait.until(d -> rows().size() > 50);
        screenshot("activity-viewer.png");
        assertThat(browser.findElements(By.cssSelector("#chart svg rect"))).isNotEmpty();
        assertThat(browser.findElement(By.id("chart-legend")).getText()).contains("Create", "Delete", "Read", "Update");

        filter("filter-actor", "carol");
        wait.until(d -> !rows().isEmpty() && column(2).stream().allMatch("carol"::equals));
        assertThat(column(2)).hasSize(16);

        assertThat(browser.findElement(By.id("export-csv")).getAttribute("href"))
                .contains("format=csv")
                .contains("actor=carol");

        // A time range from the URL (a bookmarked view): carol's records of the last two hours are #0 and #5.
        browser.get(url("/activity?actor=carol&from=" + now.minus(2, ChronoUnit.HOURS)));
        wait.until(d -> column(7).equals(List.of("seeded record 0", "seeded record 5")));
        assertThat(browser.findElement(By.id("filter-from")).getAttribute("value"))
                .isNotEmpty();

        clear("filter-actor");
        clear("filter-from");
        filter("filter-action", "Delete");
        wait.until(d -> !rows().isEmpty() && column(3).stream().allMatch("Delete"::equals));

        clear("filter-action");
        filter("filter-q", "onerror");
        wait.until(d -> rows().size() == 1);
        WebElement remarks = rows().get(0).findElement(By.cssSelector("td.remarks"));
        assertThat(remarks.getText()).isEqualTo(XSS);
        assertThat(rows().get(0).findElement(By.cssSelector("td.http")).getText())
                .contains("<script>alert(3)</script>");
        assertThat(browser.findElements(By.cssSelector("#records img, #records script")))
                .isEmpty();

        rows().get(0).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        assertThat(detail.findElement(By.cssSelector("dd.remarks")).getText()).isEqualTo(XSS);
        assertThat(detail.findElement(By.cssSelector("dd.targetId")).getText()).isEqualTo("<script>alert(2)</script>");
        assertThat(browser.findElement(By.id("detail-data")).getText()).contains("\"title\": \"<b>bold</b>\"");
        assertThat(detail.findElements(By.cssSelector("img, script, b"))).isEmpty();
        screenshot("activity-viewer-detail.png");

        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .as("the page's console: no CSP violation, no script error")
                .noneMatch(e -> e.getLevel().intValue() >= Level.WARNING.intValue());
    }

    private void signIn() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("auditor");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void filter(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
        browser.findElement(By.id("apply")).click();
    }

    private void clear(String id) {
        browser.findElement(By.id(id)).clear();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#records tbody tr"));
    }

    private List<String> column(int n) {
        return rows().stream()
                .map(r ->
                        r.findElement(By.cssSelector("td:nth-child(" + n + ")")).getText())
                .toList();
    }

    private void screenshot(String name) throws Exception {
        browser.executeScript("window.scrollTo(0, 0)");
        Path target = Path.of("target", name);
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
