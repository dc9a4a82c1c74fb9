// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * Test kit for stores and applications: the store contract suite every store runs
 * ({@link dev.auditsdk.test.ActivityStoreContractTest}) and record fixtures ({@link dev.auditsdk.test.ActivityLogs}).
 */
@NullMarked
package dev.auditsdk.test;

import org.jspecify.annotations.NullMarked;
