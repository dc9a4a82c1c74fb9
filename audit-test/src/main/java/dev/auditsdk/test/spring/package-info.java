// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * Spring Boot test support: {@link dev.auditsdk.test.spring.AutoConfigureAuditTrail} makes an
 * {@link dev.auditsdk.test.AuditTrail} the application's recorder in a {@code @SpringBootTest} or a
 * test slice. Needs spring-boot-autoconfigure and spring-test, which the application brings.
 */
@NullMarked
package dev.auditsdk.test.spring;

import org.jspecify.annotations.NullMarked;
