// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;

/**
 * Tells a row's fault from the database's: only data exceptions (SQLSTATE class 22: too long,
 * bad encoding, invalid JSON…) and integrity violations (class 23) are blamed on the rows. Anything
 * else (connection lost, pool exhausted, table missing, lock timeout) is the database's problem and
 * must reach the recorder, which retries.
 */
final class SqlErrors {
    private SqlErrors() {}

    /** A deadlock or serialization failure (class 40): the transaction should simply run again. */
    static boolean isConflict(Throwable error) {
        IdentityHashMap<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached: a JDBC connection exception or SQLSTATE class 08 anywhere in
     * the cause chain. Such a failure says nothing about the rows (see {@link JdbiActivityStore#isTransient}).
     */
    static boolean isUnavailable(Throwable error) {
        IdentityHashMap<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    static boolean isRowFault(Throwable error) {
        IdentityHashMap<Throwable, Boolean> seen = new IdentityHashMap<>();
        boolean rowFault = false;
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql;
                        s != null && (s == sql || seen.put(s, Boolean.TRUE) == null);
                        s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state == null || state.length() < 2) {
                        continue;
                    }
                    String cls = state.substring(0, 2);
                    if (cls.equals("08") || cls.equals("40") || cls.equals("53") || cls.equals("57")) {
                        return false;
                    }
                    rowFault |= cls.equals("22") || cls.equals("23");
                }
            }
        }
        return rowFault;
    }
}
