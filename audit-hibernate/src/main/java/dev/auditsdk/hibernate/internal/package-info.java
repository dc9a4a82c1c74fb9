// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/** The Hibernate integrator and listeners behind {@code AuditEntities}. Not API. */
@NullMarked
package dev.auditsdk.hibernate.internal;

import org.jspecify.annotations.NullMarked;
