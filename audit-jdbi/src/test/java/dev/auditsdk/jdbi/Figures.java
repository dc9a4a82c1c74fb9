// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test helpers: the figures a reliability test measured (printed and appended to target/reliability-figures.txt), and id counts. */
final class Figures {
    private Figures() {}

    static void report(String test, String figures) {
        String line = "RELIABILITY " + test + ": " + figures;
        System.out.println(line);
        try {
            Files.writeString(
                    Path.of("target", "reliability-figures.txt"),
                    line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("cannot write figures: " + e);
        }
    }

    /** How many rows each id has in the table. */
    static Map<UUID, Integer> idCounts(String url, String user, String password) throws SQLException {
        Map<UUID, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM activity_log")) {
            while (rs.next()) {
                out.merge(UUID.fromString(rs.getString(1)), 1, Integer::sum);
            }
        }
        return out;
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
