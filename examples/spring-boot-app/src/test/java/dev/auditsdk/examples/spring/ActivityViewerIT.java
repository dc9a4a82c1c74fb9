// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.examples.readcases.ViewerScenario;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit-viewer page as this app mounts it ({@code audit.viewer.enabled=true}, at {@code /audit})
 * in a real headless Chromium: the shared {@link ViewerScenario}, with a row of the audit database
 * altered behind the app's back for the integrity panel, and then a post's title edited over HTTP shown
 * as a before/after table. Screenshots in {@code target/viewer-spring/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"blog.demo-password=" + ActivityViewerIT.PASSWORD})
class ActivityViewerIT {
    static final String PASSWORD = "viewer-test-pw";
    static final String DATA_DIR = "./target/it-data/viewer-" + UUID.randomUUID();

    @DynamicPropertySource
    static void freshDataDir(DynamicPropertyRegistry registry) {
        registry.add("blog.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Test
    void auditorUsesEveryFeatureOfTheViewerSafely() throws Exception {
        ViewerScenario.run(
                "http://localhost:" + port,
                PASSWORD,
                recorder,
                ActivityViewerIT::alterRemarks,
                Path.of("target", "viewer-spring"),
                // then a real entity edit over HTTP: the viewer shows the change the application recorded
                () -> new ViewerScenario.RecordedChange(
                        EntityChangeChecks.editTitleAndFindBothRows(port, PASSWORD, recorder), "title", "Old", "New"));
    }

    /** The same H2 database as the app's audit store: H2 shares an open file database within the JVM. */
    private static void alterRemarks(UUID id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + DATA_DIR + "/audit", "", "");
                PreparedStatement s = c.prepareStatement("UPDATE activity_log SET remarks = ? WHERE id = ?")) {
            s.setString(1, "nothing to see here");
            s.setObject(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
