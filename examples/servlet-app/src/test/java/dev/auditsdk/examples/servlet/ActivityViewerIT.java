// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.examples.readcases.ViewerScenario;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit-viewer page as this app mounts it ({@code AuditViewerServlet} at {@code /audit/*} beside
 * the {@code ActivityReadServlet}) in a real headless Chromium: the shared {@link ViewerScenario},
 * with a row of the audit database altered behind the app's back for the integrity panel.
 * Screenshots in {@code target/viewer-servlet/}.
 */
class ActivityViewerIT {
    static final String PASSWORD = "viewer-test-pw";

    @TempDir
    Path data;

    @Test
    void auditorUsesEveryFeatureOfTheViewerSafely() throws Exception {
        try (BlogServer blog = BlogServer.start(0, data, PASSWORD)) {
            ViewerScenario.run(
                    "http://localhost:" + blog.port(),
                    PASSWORD,
                    blog.recorder(),
                    this::alterRemarks,
                    Path.of("target", "viewer-servlet"));
        }
    }

    /** The same H2 database as the store (same URL): H2 shares an open file database within the JVM. */
    private void alterRemarks(UUID id) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("audit").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement s = c.prepareStatement("UPDATE activity_log SET remarks = ? WHERE id = ?")) {
            s.setString(1, "nothing to see here");
            s.setObject(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
