// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/** Binds application records to Spring-managed transactions. */
@NullMarked
package dev.auditsdk.spring.tx;

import org.jspecify.annotations.NullMarked;
