// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/** JMH benchmarks; see benchmarks/README.md for the commands. */
@NullMarked
package dev.auditsdk.benchmarks;

import org.jspecify.annotations.NullMarked;
