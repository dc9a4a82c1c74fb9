// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** The store, not core, tells a database outage from a bad row. */
class TransientFailureTest {
    @Test
    void connectionFailuresAreTransientRowFaultsAreNot() {
        try (JdbiActivityStore store = JdbiActivityStore.h2InMemory()) {
            assertThat(store.isTransient(new IllegalStateException(new SQLException("refused", "08001"))))
                    .isTrue();
            assertThat(store.isTransient(new SQLTransientConnectionException("pool timeout")))
                    .isTrue();
            assertThat(store.isTransient(new RuntimeException(new SocketTimeoutException("read timed out"))))
                    .as("the SPI's default still applies")
                    .isTrue();
            assertThat(store.isTransient(new RuntimeException(new SQLException("too long", "22001"))))
                    .isFalse();
            assertThat(store.isTransient(new RuntimeException(new SQLException("duplicate", "23505"))))
                    .isFalse();
        }
    }
}
