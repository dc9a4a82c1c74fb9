// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The trail viewer: static assets served from the jar over the read API, by {@link
 * dev.auditsdk.viewer.AuditViewerServlet} or an adapter's mounting.
 *
 * @since 0.1
 */
@NullMarked
package dev.auditsdk.viewer;

import org.jspecify.annotations.NullMarked;
