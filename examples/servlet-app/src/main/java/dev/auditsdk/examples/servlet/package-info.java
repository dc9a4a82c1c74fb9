// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/** The plain-servlet blog example: the SDK on embedded Jetty without Spring. */
@NullMarked
package dev.auditsdk.examples.servlet;

import org.jspecify.annotations.NullMarked;
