// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.readcases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit-viewer page in a real headless Chromium, the same scenario against either example: every
 * filter and click-through, hostile text in every field shown as text, a bad filter in the URL
 * answered with a visible message, the export equal to the table, the integrity panel CLEAN and
 * then naming a row the test altered in the database, axe-core without serious or critical
 * findings, no console error and no CSP violation, screenshots at 390 and 1400 px, light and dark.
 */
public final class ViewerScenario {
    /** Text that would run or render as markup if the page used it as HTML. */
    public static final String XSS = "<img src=x onerror=alert(1)>";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AXE_VERSION = "4.14.1";

    /** Alters one stored record behind the application's back, e.g. with an SQL UPDATE. */
    @FunctionalInterface
    public interface Tamper {
        /**
         * Changes the stored remarks of the record {@code id}.
         *
         * @throws Exception when the database refuses
         */
        void alter(UUID id) throws Exception;
    }

    private final ChromeDriver browser;
    private final WebDriverWait wait;
    private final String base;
    private final Path out;
    private final List<String> consoleProblems = new ArrayList<>();
    private @Nullable String expectedConsole;

    private ViewerScenario(ChromeDriver browser, String base, Path out) {
        this.browser = browser;
        this.base = base;
        this.out = out;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Seeds the trail through {@code recorder}, signs in as {@code auditor} at {@code base + "/login"}
     * and runs the scenario on {@code base + "/audit/"}; screenshots go to {@code out}.
     *
     * @throws Exception when a step fails
     */
    public static void run(String base, String password, ActivityRecorder recorder, Tamper tamper, Path out)
            throws Exception {
        run(base, password, recorder, tamper, out, null);
    }

    /**
     * A field change the application itself recorded (e.g. an entity edit made over HTTP): the record
     * with this request id and source {@code app} shows its first change as {@code field}, {@code
     * before}, {@code after} in the detail's before/after table.
     */
    public record RecordedChange(String requestId, String field, String before, String after) {}

    /** Makes a {@link RecordedChange} through the application, once the seeded scenario has run. */
    @FunctionalInterface
    public interface ChangeMaker {
        /**
         * Makes the change and returns what the viewer should show.
         *
         * @throws Exception when the application refuses
         */
        RecordedChange make() throws Exception;
    }

    /**
     * {@link #run(String, String, ActivityRecorder, Tamper, Path)}; then, when {@code change} is not
     * null, makes the change (after the seeded scenario, so its records are the newest) and opens its
     * record in the viewer.
     *
     * @throws Exception when a step fails
     */
    public static void run(
            String base,
            String password,
            ActivityRecorder recorder,
            Tamper tamper,
            Path out,
            @Nullable ChangeMaker change)
            throws Exception {
        ChromeDriver browser = HeadlessChromium.start();
        try {
            Seeded seeded = seed(recorder);
            ViewerScenario scenario = new ViewerScenario(browser, base, out);
            scenario.play(password, seeded, tamper);
            if (change != null) {
                scenario.showsRecordedChange(change.make());
            }
        } finally {
            browser.quit();
        }
    }

    private void showsRecordedChange(RecordedChange change) throws IOException {
        open("/audit/");
        type("filter-request-id", change.requestId());
        select("filter-source", "app");
        assertThat(browser.findElements(By.cssSelector("#records tbody tr"))).hasSize(1);
        browser.findElement(By.cssSelector("#records tbody tr button.open")).click();
        wait.until(d -> d.findElement(By.id("changes-block")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#changes thead th")).stream()
                        .map(WebElement::getText)
                        .limit(3))
                .containsExactly("Field", "Before", "After");
        assertThat(browser.findElements(By.cssSelector("#changes tbody tr:first-child td")).stream()
                        .map(WebElement::getText)
                        .limit(3))
                .containsExactly(change.field(), change.before(), change.after());
        screenshot("viewer-entity-change-1400.png");
        browser.findElement(By.id("detail-close")).click();
    }

    /**
     * A tenant's auditor in the viewer sees only its tenant: signs in as {@code user} at
     * {@code base + "/login"} and opens {@code base + "/audit/"} filtered on the seeds' text
     * {@code seedText}: rows are shown and every one is of {@code tenant} (remarks end
     * {@code "of <tenant>"}, as {@link TenantIsolation#seeds} writes them); filtered on the other
     * tenant's text, no row is shown.
     *
     * @throws Exception when a step fails
     */
    public static void tenantOnly(
            String base, String user, String password, String seedText, String tenant, String otherTenant)
            throws Exception {
        ChromeDriver browser = HeadlessChromium.start();
        try {
            ViewerScenario v = new ViewerScenario(browser, base, Path.of("target"));
            v.signIn(user, password);
            v.open("/audit/?q=" + URLEncoder.encode(seedText, StandardCharsets.UTF_8));
            assertThat(v.column("Remarks")).isNotEmpty().allMatch(r -> r.endsWith(" of " + tenant));
            assertThat(browser.findElement(By.id("records")).getText()).doesNotContain("of " + otherTenant);
            v.open("/audit/?q=" + URLEncoder.encode("of " + otherTenant, StandardCharsets.UTF_8));
            assertThat(v.column("Remarks")).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private record Seeded(UUID changes, UUID victim) {}

    private static Seeded seed(ActivityRecorder recorder) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ActionType> actions = List.of(ActionType.READ, ActionType.CREATE, ActionType.UPDATE, ActionType.DELETE);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            ActivityLog log = ActivityLog.builder(actions.get(i % actions.size()))
                    .actor(n % 5 == 0 ? "carol" : "dave")
                    .occurredAt(now.minus(n * 23L, ChronoUnit.MINUTES))
                    .target("Post", Integer.toString(n))
                    .requestId("req-" + n)
                    .clientIp(n % 5 == 0 ? "203.0.113.7" : "198.51.100.2")
                    .httpMethod("GET")
                    .httpPath("/api/posts/" + n)
                    .httpStatus(200)
                    .source(Source.HTTP)
                    .remarks("seeded record " + n)
                    .data(Map.of("n", n))
                    .build();
            recorder.record(log);
            ids.add(log.id());
        }
        Map<String, Object> hostileData = new LinkedHashMap<>();
        hostileData.put("title", "<b>bold</b>");
        hostileData.put(XSS, XSS);
        hostileData.put("changes", List.of(Map.of("path", XSS, "old", "<i>a</i>", "new", XSS)));
        recorder.record(ActivityLog.builder(ActionType.UPDATE)
                .actor("mallory<script>alert(4)</script>")
                .actorName(XSS)
                .status(Status.FAILED)
                .occurredAt(now.minusSeconds(1))
                .target("<svg onload=alert(5)>", "<script>alert(2)</script>")
                .clientIp("192.0.2.66")
                .userAgent(XSS)
                .requestId("<script>alert(6)</script>")
                .httpMethod("PUT")
                .httpPath("/api/posts/<script>alert(3)</script>")
                .remarks(XSS)
                .data(hostileData)
                .source(Source.HTTP)
                .build());
        recorder.record(ActivityLog.builder(ActionType.LOGIN_FAILED)
                .loginName("mallory")
                .status(Status.FAILED)
                .occurredAt(now.minusSeconds(2))
                .clientIp("192.0.2.66")
                .requestId("req-login")
                .source(Source.AUTH)
                .remarks("bad credentials")
                .build());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(
                "changes",
                List.of(
                        Map.of("path", "title", "old", "Draft", "new", "Final"),
                        Map.of("path", "password", "old", "[REDACTED]", "new", "[REDACTED]", "masked", true)));
        ActivityLog update = ActivityLog.builder(ActionType.UPDATE)
                .actor("erin")
                .occurredAt(now.minusSeconds(3))
                .target("Post", "77")
                .requestId("req-77")
                .source(Source.APP)
                .remarks("changed title")
                .data(changes)
                .build();
        recorder.record(update);
        assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
        return new Seeded(update.id(), ids.get(7));
    }

    private void play(String password, Seeded seeded, Tamper tamper) throws Exception {
        signIn(password);
        open("/audit/");
        assertThat(text("count")).matches("Showing 50 of \\d+ records\\.");
        assertThat(text("zone")).startsWith("Times in ");
        assertThat(browser.findElement(By.id("time-head")).getText()).startsWith("Time (UTC");
        assertThat(browser.findElements(By.cssSelector("#chart svg rect"))).isNotEmpty();

        // every filter, through the form
        apply("filter-actor", "carol");
        assertThat(column("Actor")).hasSize(12).allMatch("carol"::equals);
        assertThat(text("count")).isEqualTo("Showing 12 of 12 records.");
        reset();
        apply("filter-login-name", "mallory");
        assertThat(column("Actor")).containsExactly("tried: mallory");
        assertThat(text("count")).isEqualTo("Showing 1 of 1 record.");
        reset();
        select("filter-status", "FAILED");
        assertThat(column("Status")).isNotEmpty().allMatch("Failed"::equals);
        reset();
        apply("filter-action", "Login Failed");
        assertThat(column("Action")).containsExactly("Login Failed");
        reset();
        apply("filter-target-type", "Post");
        assertThat(column("Target")).isNotEmpty().allMatch(t -> t.startsWith("Post #"));
        reset();
        type("filter-target-type", "Post");
        apply("filter-target-id", "77");
        assertThat(column("Target")).containsExactly("Post #77");
        reset();
        apply("filter-request-id", "req-3");
        assertThat(column("Remarks")).containsExactly("seeded record 3");
        reset();
        apply("filter-client-ip", "192.0.2.66");
        assertThat(column("Client IP")).hasSize(2).allMatch("192.0.2.66"::equals);
        reset();
        select("filter-source", "auth");
        assertThat(column("Action")).contains("Login Failed").allMatch(a -> a.startsWith("Log"));
        assertThat(column("Remarks")).contains("bad credentials").doesNotContain("seeded record 0");
        reset();
        apply("filter-q", "SEEDED RECORD 1");
        assertThat(column("Remarks")).hasSize(11).allMatch(r -> r.startsWith("seeded record 1"));
        reset();
        // the time range in the URL is an instant; the form shows it in the browser's zone
        open("/audit/?actor=carol&from=" + Instant.now().minus(2, ChronoUnit.HOURS));
        assertThat(column("Remarks")).containsExactly("seeded record 0", "seeded record 5");
        assertThat(browser.findElement(By.id("filter-from")).getAttribute("value"))
                .isNotEmpty();
        screenshot("viewer-1400-light.png");

        // click-through from actor, target, request id and client IP (from views the page's own reads do not crowd)
        apply("filter-target-type", "Post");
        pivot("Everything by carol");
        assertThat(browser.getCurrentUrl()).contains("actor=carol").doesNotContain("targetType");
        assertThat(column("Actor")).hasSize(12).allMatch("carol"::equals);
        reset();
        apply("filter-target-type", "Post");
        pivot("Everything on Post #77");
        assertThat(column("Target")).containsExactly("Post #77");
        assertThat(browser.getCurrentUrl()).contains("targetType=Post").contains("targetId=77");
        reset();
        apply("filter-client-ip", "192.0.2.66");
        pivot("Everything in request req-login");
        assertThat(column("Actor")).containsExactly("tried: mallory");
        reset();
        apply("filter-target-type", "Post");
        pivot("Everything from 203.0.113.7");
        assertThat(column("Client IP")).hasSize(12);

        // the shared URL reproduces the view
        String shared = browser.getCurrentUrl();
        browser.get(shared);
        waitLoaded();
        assertThat(column("Client IP")).hasSize(12);
        assertThat(browser.findElement(By.id("filter-client-ip")).getAttribute("value"))
                .isEqualTo("203.0.113.7");

        // export = table, for the same filter
        List<String> tableIds = browser.findElements(By.cssSelector("#records tbody tr")).stream()
                .map(r -> r.getAttribute("data-id"))
                .toList();
        String csv = fetch(href("export-csv"));
        List<String> csvIds =
                csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(csvIds).isEqualTo(tableIds);
        String jsonl = fetch(href("export-jsonl"));
        List<String> jsonlIds = new ArrayList<>();
        for (String line : jsonl.lines().toList()) {
            jsonlIds.add(JSON.readTree(line).get("id").asText());
        }
        assertThat(jsonlIds).isEqualTo(tableIds);

        // hostile text everywhere is shown as text
        reset();
        apply("filter-q", "onerror");
        assertThat(column("Remarks")).containsExactly(XSS);
        assertThat(column("Actor")).containsExactly("mallory<script>alert(4)</script>");
        assertThat(column("Target")).containsExactly("<svg onload=alert(5)> #<script>alert(2)</script>");
        assertThat(column("Request")).containsExactly("PUT /api/posts/<script>alert(3)</script>");
        assertThat(browser.findElements(By.cssSelector("#records img, #records script, #records svg")))
                .isEmpty();
        browser.findElement(By.cssSelector("#records tbody tr button.open")).click();
        WebElement detail = wait.until(d -> {
            WebElement dialog = d.findElement(By.id("detail"));
            return dialog.isDisplayed() ? dialog : null;
        });
        assertThat(detail.findElement(By.cssSelector("dd.remarks")).getText()).isEqualTo(XSS);
        assertThat(detail.findElement(By.cssSelector("dd.actorName")).getText()).isEqualTo(XSS);
        assertThat(detail.findElement(By.cssSelector("dd.userAgent")).getText()).isEqualTo(XSS);
        assertThat(detail.findElement(By.cssSelector("dd.targetId")).getText()).isEqualTo("<script>alert(2)</script>");
        assertThat(detail.findElement(By.cssSelector("dd.requestId")).getText()).isEqualTo("<script>alert(6)</script>");
        assertThat(browser.findElement(By.id("detail-data")).getText()).contains("\"title\": \"<b>bold</b>\"");
        assertThat(browser.findElements(By.cssSelector("#changes tbody td")).stream()
                        .map(WebElement::getText))
                .containsExactly(XSS, "<i>a</i>", XSS);
        assertThat(detail.findElements(By.cssSelector("img, script, b, i, svg")))
                .isEmpty();
        browser.findElement(By.id("detail-close")).click();

        // field changes as a before/after table, other keys of an entry shown too
        reset();
        apply("filter-actor", "erin");
        browser.findElement(By.cssSelector("#records tbody tr button.open")).click();
        wait.until(d -> d.findElement(By.id("changes-block")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#changes thead th")).stream()
                        .map(WebElement::getText))
                .containsExactly("Field", "Before", "After", "masked");
        assertThat(browser.findElements(By.cssSelector("#changes tbody tr:first-child td")).stream()
                        .map(WebElement::getText))
                .containsExactly("title", "Draft", "Final", "");
        screenshot("viewer-detail-1400-light.png");
        browser.findElement(By.id("detail-close")).click();

        // a bad filter in the URL is answered with the server's message, not dropped
        open("/audit/?status=bogus&from=garbage");
        expectedConsole = "the server responded with a status of 400";
        WebElement message = browser.findElement(By.id("message"));
        assertThat(message.isDisplayed()).isTrue();
        assertThat(message.getText())
                .startsWith("Invalid filter: ")
                .contains("'status'")
                .contains("bogus");
        assertThat(browser.findElements(By.cssSelector("#records tbody tr"))).isEmpty();

        // integrity: clean, then the altered row is named
        open("/audit/");
        browser.findElement(By.id("verify")).click();
        wait.until(d -> d.findElement(By.cssSelector("#integrity-result .verdict"))
                .getText()
                .equals("CLEAN"));
        assertThat(text("integrity-result")).contains("the whole trail");
        tamper.alter(seeded.victim());
        browser.findElement(By.id("verify")).click();
        wait.until(d -> {
            List<WebElement> v = d.findElements(By.cssSelector("#integrity-result .verdict"));
            return !v.isEmpty() && v.get(0).getText().equals("TAMPERED");
        });
        assertThat(text("integrity-result"))
                .contains("ALTERED")
                .contains(seeded.victim().toString());
        browser.findElement(By.xpath("//button[text()='Open record " + seeded.victim() + "']"))
                .click();
        wait.until(d -> d.findElement(By.id("detail")).isDisplayed());
        browser.findElement(By.id("detail-close")).click();

        // accessibility and looks: light and dark, wide and narrow
        for (String scheme : List.of("light", "dark")) {
            browser.executeCdpCommand(
                    "Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (int width : List.of(1400, 390)) {
                browser.executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 1000, "deviceScaleFactor", 1, "mobile", width < 600));
                open("/audit/");
                assertThat(axeSeriousOrCritical())
                        .as("axe at " + width + " px, " + scheme)
                        .isEmpty();
                Object overflow = browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(((Number) Objects.requireNonNull(overflow)).intValue())
                        .as("sideways scrolling at " + width + " px")
                        .isLessThanOrEqualTo(0);
                screenshot("viewer-" + width + "-" + scheme + ".png");
            }
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        collectConsole();
        assertThat(consoleProblems).as("console errors and CSP violations").isEmpty();
    }

    private void signIn(String password) {
        signIn("auditor", password);
    }

    private void signIn(String user, String password) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !String.valueOf(d.getCurrentUrl()).contains("/login"));
    }

    private void open(String path) {
        collectConsole();
        browser.get(base + path);
        waitLoaded();
    }

    private void waitLoaded() {
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-loaded") != null);
    }

    /** Waits for the refresh a click starts: the page marks each finished load with a new number. */
    private void afterRefresh(Runnable action) {
        String before = browser.findElement(By.tagName("body")).getAttribute("data-loaded");
        action.run();
        wait.until(d -> {
            String now = d.findElement(By.tagName("body")).getAttribute("data-loaded");
            return now != null && !now.equals(before);
        });
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void apply(String id, String value) {
        type(id, value);
        afterRefresh(() -> browser.findElement(By.id("apply")).click());
    }

    private void select(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
        afterRefresh(() -> browser.findElement(By.id("apply")).click());
    }

    private void reset() {
        afterRefresh(() -> browser.findElement(By.id("reset")).click());
    }

    private void pivot(String label) {
        afterRefresh(() -> browser.findElement(By.cssSelector("#records button.pivot[title='" + label + "']"))
                .click());
    }

    private String href(String id) {
        return Objects.requireNonNull(browser.findElement(By.id(id)).getAttribute("href"), id);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The text of one column, by its label, in every row. */
    private List<String> column(String label) {
        List<String> values = new ArrayList<>();
        for (WebElement cell : browser.findElements(By.cssSelector("#records tbody td[data-label='" + label + "']"))) {
            values.add(cell.getText());
        }
        return values;
    }

    private String fetch(String url) {
        Object body = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERROR ' + e));",
                url);
        return String.valueOf(body);
    }

    private List<String> axeSeriousOrCritical() throws IOException, InterruptedException {
        browser.executeScript(axeSource());
        Object result = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations.map("
                        + "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))), e => done('[{\"id\":\"axe failed: ' + e + '\",\"impact\":\"critical\"}]'));");
        List<String> bad = new ArrayList<>();
        for (JsonNode v : JSON.readTree(String.valueOf(result))) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                bad.add(v.path("id").asText() + " (" + impact + ") " + v.path("nodes"));
            }
        }
        return bad;
    }

    /** axe-core from the npm registry, installed once into {@code target/axe} with the system's npm. */
    private String axeSource() throws IOException, InterruptedException {
        Path dir = Path.of("target", "axe").toAbsolutePath();
        Path script = dir.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(script)) {
            Files.createDirectories(dir);
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--no-save",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            dir.toString(),
                            "axe-core@" + AXE_VERSION)
                    .redirectErrorStream(true)
                    .start();
            String log;
            try (InputStream in = npm.getInputStream()) {
                log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(script)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm could not install axe-core " + AXE_VERSION + ": " + log);
            }
        }
        return Files.readString(script);
    }

    private void collectConsole() {
        String expected = expectedConsole;
        expectedConsole = null;
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER).getAll()) {
            // the one deliberate bad request's network line; nothing else is allowed
            boolean deliberate = expected != null && e.getMessage().contains(expected);
            if (e.getLevel().intValue() >= Level.WARNING.intValue() && !deliberate) {
                consoleProblems.add(e.getMessage());
            }
        }
    }

    private void screenshot(String name) throws IOException {
        browser.executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(out);
        Files.write(out.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
