// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.readcases;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the system's Chromium headless through the system's chromedriver, so nothing is
 * downloaded. Without them the test is skipped with a message, except on CI (env {@code CI} or
 * {@code AUDIT_REQUIRE_DATABASES} set, as {@code .ci/run} does), where a missing browser fails the
 * build instead of silently not testing the viewer.
 */
public final class HeadlessChromium {
    static final String BROWSER = env("AUDIT_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = env("AUDIT_CHROMEDRIVER", "/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A fresh headless browser with its own profile directory under {@code target/}. */
    public static ChromeDriver start() {
        boolean present = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
        String missing = "Chromium (" + BROWSER + ") and chromedriver (" + DRIVER + ") are needed for the browser test:"
                + " apt-get install -y chromium chromium-driver";
        if (!present && (System.getenv("CI") != null || System.getenv("AUDIT_REQUIRE_DATABASES") != null)) {
            Assertions.fail(missing);
        }
        Assumptions.assumeTrue(present, missing + " (skipped outside CI)");
        Path profile;
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        // Keep the page's console, so a test can see Content-Security-Policy violations and script errors.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
