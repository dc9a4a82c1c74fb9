// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import java.time.Instant;

/** A blog post; only its author may change or delete it. */
public record Post(long id, String title, String body, String author, Instant createdAt, Instant updatedAt) {}
