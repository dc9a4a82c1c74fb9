// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Copies of driver exceptions without their messages. A driver's message may quote the statement
 * with its bound values (PostgreSQL's {@code Batch entry 0 INSERT ... VALUES (...) was aborted}
 * holds a whole batch of audit records), and whatever the store throws ends up in the application's
 * logs and in the recorder's stats. A copy keeps what handling and diagnosis need: the SQLSTATE, the
 * vendor code, the driver's class name, the JDBC category (a lost connection still looks like one),
 * the chains of causes and next exceptions, the JDK's own socket errors, and the stack traces.
 */
final class RedactedErrors {
    private static final int MAX_DEPTH = 16;

    private RedactedErrors() {}

    /** The first {@link SQLException} in the cause chain of {@code error}, or null. */
    static @Nullable SQLException firstSqlException(Throwable error) {
        IdentityHashMap<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** A copy of {@code e}, its causes and its next exceptions, with every message replaced. */
    static SQLException redact(SQLException e) {
        return redact(e, new IdentityHashMap<>(), 0);
    }

    /** The text that replaces a driver's message: SQLSTATE, vendor code and class, never values. */
    static String describe(SQLException e) {
        return "SQLSTATE " + e.getSQLState() + (e.getErrorCode() != 0 ? ", vendor code " + e.getErrorCode() : "") + " ("
                + e.getClass().getName() + "; message withheld, it may quote audit values)";
    }

    private static SQLException redact(SQLException e, IdentityHashMap<Throwable, SQLException> done, int depth) {
        SQLException copy = done.get(e);
        if (copy != null) {
            return copy;
        }
        copy = copy(e, describe(e));
        copy.setStackTrace(e.getStackTrace());
        done.put(e, copy);
        if (depth < MAX_DEPTH) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                copy.initCause(redact(sql, done, depth + 1));
            } else if (isJdkIoFailure(cause)) {
                // "Connection refused", "Read timed out": kept, so outages still look like outages.
                copy.initCause(cause);
            } else if (cause != null) {
                copy.initCause(new WithheldCause(cause));
            }
            SQLException next = e.getNextException();
            if (next != null && next != e) {
                copy.setNextException(redact(next, done, depth + 1));
            }
        }
        return copy;
    }

    /** A socket or stream failure of the JDK itself: its message is about the connection, never about values. */
    private static boolean isJdkIoFailure(@Nullable Throwable t) {
        return t instanceof java.io.IOException
                && t.getClass().getName().startsWith("java.")
                && (t.getCause() == null || t.getCause() == t);
    }

    /** The same JDBC category as {@code e}, subclasses first; the driver's own class is named in the text. */
    private static SQLException copy(SQLException e, String text) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        if (e instanceof BatchUpdateException b) {
            return new BatchUpdateException(text, state, code, b.getUpdateCounts());
        } else if (e instanceof SQLTransientConnectionException) {
            return new SQLTransientConnectionException(text, state, code);
        } else if (e instanceof SQLTransactionRollbackException) {
            return new SQLTransactionRollbackException(text, state, code);
        } else if (e instanceof SQLTimeoutException) {
            return new SQLTimeoutException(text, state, code);
        } else if (e instanceof SQLTransientException) {
            return new SQLTransientException(text, state, code);
        } else if (e instanceof SQLNonTransientConnectionException) {
            return new SQLNonTransientConnectionException(text, state, code);
        } else if (e instanceof SQLIntegrityConstraintViolationException) {
            return new SQLIntegrityConstraintViolationException(text, state, code);
        } else if (e instanceof SQLDataException) {
            return new SQLDataException(text, state, code);
        } else if (e instanceof SQLSyntaxErrorException) {
            return new SQLSyntaxErrorException(text, state, code);
        } else if (e instanceof SQLInvalidAuthorizationSpecException) {
            return new SQLInvalidAuthorizationSpecException(text, state, code);
        } else if (e instanceof SQLFeatureNotSupportedException) {
            return new SQLFeatureNotSupportedException(text, state, code);
        } else if (e instanceof SQLNonTransientException) {
            return new SQLNonTransientException(text, state, code);
        } else if (e instanceof SQLRecoverableException) {
            return new SQLRecoverableException(text, state, code);
        }
        return new SQLException(text, state, code);
    }

    /** Stands for a cause that is not an SQLException (a socket error…): its class and stack trace only. */
    static final class WithheldCause extends Exception {
        private static final long serialVersionUID = 1L;

        WithheldCause(Throwable cause) {
            super(cause.getClass().getName() + " (message withheld)", null, false, true);
            setStackTrace(cause.getStackTrace());
        }
    }
}
