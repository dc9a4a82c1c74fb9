// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/** A plain Java program recording business events with the recorder: an invoice approval workflow. */
@NullMarked
package dev.auditsdk.examples.manual;

import org.jspecify.annotations.NullMarked;
