// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import java.util.List;

/** The ways the example app runs in a load run, as Spring properties. */
enum LoadConfig {
    /** No recorder, interceptor or listener at all: the baseline. */
    OFF("off", List.of("audit.enabled=false")),
    /** The default: the request thread enqueues, one writer thread inserts batches. */
    ASYNC("async", List.of("audit.mode=async")),
    /** The seed's way: every request inserts its own row before it returns. */
    SYNC("sync", List.of("audit.mode=sync")),
    /**
     * The peer: no auditing, Zalando Logbook logging every request and response as JSON through
     * Logback to a file instead (the example's {@code logbook} profile).
     */
    LOGBOOK("logbook", List.of("audit.enabled=false", "spring.profiles.active=logbook"));

    final String label;
    final List<String> properties;

    LoadConfig(String label, List<String> properties) {
        this.label = label;
        this.properties = properties;
    }

    /** Whether the SDK records every request (and the trail is checked against the requests). */
    boolean audits() {
        return this == ASYNC || this == SYNC;
    }
}
