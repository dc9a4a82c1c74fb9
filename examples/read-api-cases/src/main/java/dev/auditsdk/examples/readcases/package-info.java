// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/** Test support shared by the example apps' read API tests: seeded records and parameter sets. */
@NullMarked
package dev.auditsdk.examples.readcases;

import org.jspecify.annotations.NullMarked;
