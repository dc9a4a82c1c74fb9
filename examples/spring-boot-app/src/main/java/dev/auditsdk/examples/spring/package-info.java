// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/** The Spring Boot blog example: a small audited API and the activity viewer. */
@NullMarked
package dev.auditsdk.examples.spring;

import org.jspecify.annotations.NullMarked;
