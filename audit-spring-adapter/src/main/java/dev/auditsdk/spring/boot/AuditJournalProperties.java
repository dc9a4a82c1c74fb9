// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * {@code audit.journal.*}: the recorder's local journal (core's {@code ActivityRecorder.Builder#journal}).
 * Records the store will not take within the retry budget, records spilled by
 * {@code audit.overflow=spill}, records left at the close deadline and, with
 * {@code audit.mode=durable}, every record go there first and are replayed in order once the store
 * is healthy, also after a restart.
 *
 * @since 0.1
 */
public class AuditJournalProperties {
    /**
     * Directory of the journal; unset means no journal. Required by audit.mode=durable and
     * audit.overflow=spill. One recorder (one application instance) per directory: it is locked.
     */
    private @Nullable Path dir;

    /** The most the journal may hold on disk; beyond it spills fail and are counted as dropped or failed. */
    private DataSize maxBytes = DataSize.ofGigabytes(1);

    /** The value of {@code audit.journal.dir}. */
    public @Nullable Path getDir() {
        return dir;
    }
    /** Sets {@code audit.journal.dir}. */
    public void setDir(@Nullable Path dir) {
        this.dir = dir;
    }
    /** The value of {@code audit.journal.max-bytes}. */
    public DataSize getMaxBytes() {
        return maxBytes;
    }
    /** Sets {@code audit.journal.max-bytes}. */
    public void setMaxBytes(DataSize maxBytes) {
        this.maxBytes = maxBytes;
    }
}
