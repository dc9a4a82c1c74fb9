// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The recorder pipeline behind {@link dev.auditsdk.ActivityRecorder}: the caller-side hand-off, the
 * writer thread, retries, and the local journal. Not API: anything here may change in any
 * release. {@code ActivityRecorder.Builder} reaches it through {@link
 * dev.auditsdk.internal.recorder.Recorders#create} with a {@link
 * dev.auditsdk.internal.recorder.RecorderSettings}; everything else here is package-private.
 */
@NullMarked
package dev.auditsdk.internal.recorder;

import org.jspecify.annotations.NullMarked;
