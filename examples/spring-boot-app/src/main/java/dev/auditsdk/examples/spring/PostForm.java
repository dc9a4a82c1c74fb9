// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import org.jspecify.annotations.Nullable;

/** The JSON body of a create or update request. */
public record PostForm(@Nullable String title, @Nullable String body) {}
