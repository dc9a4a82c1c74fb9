// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/** Service-provider interfaces: where records go ({@link dev.auditsdk.spi.ActivitySink}) and how they are read back ({@link dev.auditsdk.spi.ActivityStore}). */
@NullMarked
package dev.auditsdk.spi;

import org.jspecify.annotations.NullMarked;
