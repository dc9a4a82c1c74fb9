// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Moving the trail to PostgreSQL is one property": the example, unchanged but for
 * {@code audit.jdbc.url} (and the credentials), records its requests into PostgreSQL.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "blog.demo-password=" + PostgresTrailIT.PASSWORD)
class PostgresTrailIT {
    static final String PASSWORD = "pg-test-pw";
    private static TestDatabase pg;

    @DynamicPropertySource
    static void auditInPostgres(DynamicPropertyRegistry registry) {
        pg = TestDatabases.postgres();
        registry.add("blog.data-dir", () -> "./target/it-data/pg-" + UUID.randomUUID());
        registry.add("audit.jdbc.url", pg::url);
        registry.add("audit.jdbc.username", pg::user);
        registry.add("audit.jdbc.password", pg::password);
    }

    @AfterAll
    static void dropSchema() {
        if (pg != null) {
            pg.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Test
    void recordsTheBlogsRequestsInPostgres() throws Exception {
        HttpUser alice = HttpUser.basic(port, "alice", PASSWORD);
        assertThat(alice.get("/api/articles").statusCode()).isEqualTo(200);
        assertThat(alice.send("POST", "/api/posts", "{\"title\":\"In Postgres\",\"body\":\"b\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(HttpUser.basic(port, "alice", "wrong").get("/api/posts").statusCode())
                .isEqualTo(401);
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

        List<String> rows = new ArrayList<>();
        try (Connection c = pg.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT action, coalesce(actor, '-'), coalesce(http_path, '-'), status "
                        + "FROM activity_log ORDER BY occurred_at, id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        assertThat(rows)
                .contains(
                        "Read alice /api/articles SUCCESS",
                        "Create alice /api/posts SUCCESS",
                        "Login Failed - /api/posts FAILED");
    }

    @Test
    void editingATitleLinksTheHttpRowAndTheFieldChangeInPostgres() throws Exception {
        String requestId = EntityChangeChecks.editTitleAndFindBothRows(port, PASSWORD, recorder);
        try (Connection c = pg.connect();
                PreparedStatement st =
                        c.prepareStatement("SELECT source FROM activity_log WHERE request_id = ? ORDER BY source")) {
            st.setString(1, requestId);
            List<String> sources = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sources.add(rs.getString(1));
                }
            }
            assertThat(sources).containsExactly("app", "http");
        }
    }
}
