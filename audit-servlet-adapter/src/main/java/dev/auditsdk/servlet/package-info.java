// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The Jakarta Servlet adapter: {@link dev.auditsdk.servlet.ActivityRecordingFilter} records one
 * activity per request, {@link dev.auditsdk.servlet.ServletLogins} records container logins and
 * logouts. The HTTP rules themselves live in {@code dev.auditsdk.http}; this package only translates
 * servlet requests and responses into its views.
 */
@NullMarked
package dev.auditsdk.servlet;

import org.jspecify.annotations.NullMarked;
