// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs recording failures without flooding: the 1st, 2nd, 4th, 8th… occurrence, each with the running count. */
final class FailureLog {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecordingFilter.class);
    private final AtomicLong count = new AtomicLong();

    void failed(String what, Throwable e) {
        long n = count.incrementAndGet();
        if (Long.bitCount(n) == 1) {
            LOG.warn("could not {} (failure #{}); the request was not affected", what, n, e);
        }
    }

    long count() {
        return count.get();
    }
}
