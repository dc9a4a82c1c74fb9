// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.spi.ActivityStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default production shape: audit-jdbi on the classpath, the application's own database, and a
 * separate audit database with its own pool. Records land in the audit database only and survive
 * the application's shutdown.
 */
class SeparateAuditDatabaseIT {
    private static final Path DIR = tempDir();

    @Test
    void recordsGoToTheSeparateAuditDatabaseThroughItsOwnPool() throws Exception {
        String auditUrl = "jdbc:h2:file:" + DIR.resolve("audit").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        String appUrl = "jdbc:h2:mem:app-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(BlogTestApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + appUrl,
                        "--audit.jdbc.url=" + auditUrl,
                        "--audit.jdbc.username=sa",
                        "--audit.jdbc.password=")) {
            ActivityStore store = ctx.getBean(ActivityStore.class);
            assertThat(store).isInstanceOf(JdbiActivityStore.class);
            DataSource appDataSource = ctx.getBean(DataSource.class);
            assertThat(appDataSource).isInstanceOf(HikariDataSource.class);

            Http http = new Http(ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            assertThat(http.send(
                                    "POST",
                                    "/api/posts",
                                    "stored",
                                    "Authorization",
                                    Http.basic("alice", BlogTestApplication.PASSWORD))
                            .statusCode())
                    .isEqualTo(201);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() ->
                            store.find(ActivityQuery.builder().actor("alice").build())
                                            .items()
                                            .size()
                                    == 1);

            try (Connection c = appDataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                            + "WHERE UPPER(TABLE_NAME) = 'ACTIVITY_LOG'")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("activity_log in the application's database")
                        .isZero();
            }
            // The audit store has a pool of its own, next to (not inside) the application's.
            String appPool = ((HikariDataSource) appDataSource).getPoolName();
            assertThat(appPool).isNotBlank().doesNotStartWith("audit-store-");
            assertThat(Thread.getAllStackTraces().keySet())
                    .map(Thread::getName)
                    .anyMatch(n -> n.startsWith("audit-store-"));
        }
        // After shutdown the record is in the audit database file.
        assertThat(count(auditUrl, "SELECT COUNT(*) FROM activity_log WHERE actor = 'alice' AND action = 'Create'"))
                .isEqualTo(1);
    }

    private static int count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("audit-separate-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
