// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * Spring MVC capture: a {@link org.springframework.web.servlet.HandlerInterceptor} that records one
 * activity per handled request, the {@link dev.auditsdk.spring.web.AuditActivity} and
 * {@link dev.auditsdk.spring.web.NoAudit} annotations, and the read API {@code GET /api/activity}.
 */
@NullMarked
package dev.auditsdk.spring.web;

import org.jspecify.annotations.NullMarked;
