// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The Audit SDK API: the activity record ({@link dev.auditsdk.ActivityLog}), the recorder that
 * persists records off the caller's thread ({@link dev.auditsdk.ActivityRecorder}), queries and the
 * in-memory store.
 */
@NullMarked
package dev.auditsdk;

import org.jspecify.annotations.NullMarked;
