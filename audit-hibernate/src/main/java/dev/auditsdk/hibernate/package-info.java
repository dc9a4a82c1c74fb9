// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * Field-level change records for Hibernate entities: {@link dev.auditsdk.hibernate.AuditEntities}
 * and the annotations {@link dev.auditsdk.hibernate.AuditedEntity},
 * {@link dev.auditsdk.hibernate.AuditIgnore} and {@link dev.auditsdk.hibernate.AuditMask}.
 */
@NullMarked
package dev.auditsdk.hibernate;

import org.jspecify.annotations.NullMarked;
