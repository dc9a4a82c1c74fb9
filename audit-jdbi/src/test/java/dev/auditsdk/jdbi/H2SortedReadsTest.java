// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityQuery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** On H2, a filtered newest-first page is read from its index's end, not fetched whole and sorted. */
class H2SortedReadsTest {
    @Test
    void eachIndexedFilterIsReadInIndexOrder() throws SQLException {
        String url = "jdbc:h2:mem:s" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbiActivityStore.builder(url, "sa", "").build().close();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            assertSorted(s, ActivityQuery.builder().actor("alice").build(), "actor = 'alice'", "ACTOR_IDX");
            assertSorted(
                    s,
                    ActivityQuery.builder().targetType("Post").targetId("7").build(),
                    "target_type = 'Post' AND target_id = '7'",
                    "TARGET_IDX");
            assertSorted(s, ActivityQuery.builder().loginName("bob").build(), "login_name = 'bob'", "LOGIN_IDX");
            assertSorted(s, ActivityQuery.builder().tenant("t1").build(), "tenant = 't1'", "TENANT_IDX");
            assertSorted(s, ActivityQuery.builder().build(), "1 = 1", "TIME_IDX");
            s.execute("SHUTDOWN");
        }
    }

    private static void assertSorted(Statement s, ActivityQuery q, String where, String index) throws SQLException {
        String sql = "EXPLAIN SELECT id FROM activity_log WHERE " + where + " ORDER BY " + Queries.h2SortedBy(q)
                + "occurred_at DESC, id DESC LIMIT 51";
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            assertThat(rs.getString(1)).as(where).contains(index).contains("index sorted");
        }
    }
}
