// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * Spring Boot auto-configuration of the recorder, the store, the MVC capture, the Spring Security
 * listeners, metrics, health and retention, configured by {@link dev.auditsdk.spring.boot.AuditProperties}.
 */
@NullMarked
package dev.auditsdk.spring.boot;

import org.jspecify.annotations.NullMarked;
