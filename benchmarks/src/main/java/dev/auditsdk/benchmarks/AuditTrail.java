// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the app under load writes its trail, and how many rows it holds afterwards. H2 is counted
 * once the app has exited (it holds the file open while running); PostgreSQL gets a dedicated table,
 * dropped before each run so every run starts from an empty one.
 */
final class AuditTrail {
    static final String TABLE = "activity_load";

    private final BenchDatabase db;

    AuditTrail(BenchDatabase db) {
        this.db = db;
    }

    String name() {
        return db.name();
    }

    /**
     * The app's {@code audit.jdbc.*} properties for a run whose data lives in {@code dataDir}; on
     * PostgreSQL the app's connections carry {@code applicationName}, so their backends can be found.
     */
    List<String> properties(Path dataDir, String applicationName) {
        List<String> p = new ArrayList<>(List.of("audit.jdbc.table-name=" + TABLE));
        if (db.postgres()) {
            p.add("audit.jdbc.url=" + db.url() + (db.url().contains("?") ? "&" : "?") + "ApplicationName="
                    + applicationName);
            p.add("audit.jdbc.username=" + db.user());
            p.add("audit.jdbc.password=" + db.password());
        }
        // H2: the example's default, an audit file next to the blog's own in blog.data-dir
        return p;
    }

    /** Empties the trail before a run (PostgreSQL; an H2 run has a fresh directory anyway). */
    void reset() throws SQLException {
        if (db.postgres()) {
            db.dropTable(TABLE);
        }
    }

    /** Rows per action once the app has stopped; empty when the table was never created. */
    Map<String, Long> countByAction(Path dataDir) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = connect(dataDir);
                Statement s = c.createStatement()) {
            if (!exists(c)) {
                return counts;
            }
            try (ResultSet rs = s.executeQuery("SELECT action, COUNT(*) FROM " + TABLE + " GROUP BY action")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private boolean exists(Connection c) throws SQLException {
        for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private Connection connect(Path dataDir) throws SQLException {
        if (db.postgres()) {
            return db.connect();
        }
        // the example sets only the URL, so the store opened it with no user; IFEXISTS: never create a file
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("audit") + ";IFEXISTS=TRUE", "", "");
    }
}
