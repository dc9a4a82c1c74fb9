// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.txit;

/** {@link TransactionBoundRecords} on the embedded H2. */
class TransactionBoundRecordsH2IT extends TransactionBoundRecords {
    @Override
    String[] database() {
        return new String[] {"jdbc:h2:mem:tx-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""};
    }
}
