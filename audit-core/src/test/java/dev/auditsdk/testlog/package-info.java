// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/** A test SLF4J binding whose log events tests can capture without touching {@code System.err}. */
@NullMarked
package dev.auditsdk.testlog;

import org.jspecify.annotations.NullMarked;
