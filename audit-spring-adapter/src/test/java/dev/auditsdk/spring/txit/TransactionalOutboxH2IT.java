// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.txit;

/** {@link TransactionalOutbox} on the embedded H2. */
class TransactionalOutboxH2IT extends TransactionalOutbox {
    @Override
    String[] database() {
        return new String[] {"jdbc:h2:mem:outbox-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""};
    }
}
