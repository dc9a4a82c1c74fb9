// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderMode;

/** The pipeline's one entry point, called by {@code ActivityRecorder.Builder.build()}. Not API. */
public final class Recorders {
    private Recorders() {}

    /**
     * Makes the recorder {@code settings} describe and, in ASYNC and DURABLE mode, starts its writer
     * (which first replays what the journal holds).
     *
     * @throws IllegalStateException if the journal is in use by another recorder
     * @throws java.io.UncheckedIOException if the journal directory cannot be used
     */
    public static ActivityRecorder create(RecorderSettings settings) {
        return settings.mode == RecorderMode.SYNC
                ? new SyncActivityRecorder(settings)
                : new DefaultActivityRecorder(settings);
    }
}
