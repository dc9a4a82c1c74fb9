// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The framework-neutral HTTP mapping shared by the HTTP adapters: a view of one request
 * ({@link dev.auditsdk.http.HttpRequestView}) and of one finished exchange
 * ({@link dev.auditsdk.http.HttpExchange}), and the rules that turn an exchange into an
 * {@link dev.auditsdk.ActivityLog} ({@link dev.auditsdk.http.HttpActivityMapper}): method to action,
 * status, actor, default remarks, trusted-proxy client IPs, request and trace ids, exclusions, and
 * the login helpers ({@link dev.auditsdk.http.LoginActivities}). Adapters only translate their
 * framework's request and response into these views.
 */
@NullMarked
package dev.auditsdk.http;

import org.jspecify.annotations.NullMarked;
