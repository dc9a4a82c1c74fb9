// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * Spring Security capture: one record per interactive login, failed login and logout, and the
 * actor of a request taken from the security context after authentication.
 */
@NullMarked
package dev.auditsdk.spring.security;

import org.jspecify.annotations.NullMarked;
