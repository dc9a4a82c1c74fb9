// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The one framework-neutral read side of the trail, shared by every surface that serves it (the
 * Spring read API, the examples' servlets, the command line): query parameters to an
 * {@link dev.auditsdk.ActivityQuery} ({@link dev.auditsdk.read.ActivityQueryParameters}), the JSON of
 * a record and a page ({@link dev.auditsdk.read.ActivityJsonWriter}), formula-safe CSV
 * ({@link dev.auditsdk.read.ActivityCsvWriter}) and streamed exports ({@link dev.auditsdk.read.ActivityExport}).
 *
 * @since 0.1
 */
@NullMarked
package dev.auditsdk.read;

import org.jspecify.annotations.NullMarked;
