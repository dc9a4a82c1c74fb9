// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

/**
 * Thrown by a {@link RecorderMode#SYNC} recorder when its sink could not write a record. An
 * {@link RecorderMode#ASYNC} recorder never throws it: failures there are retried, counted and logged.
 *
 * @since 0.1
 */
public final class ActivityRecordingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActivityRecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
