// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

/** A command with {@link ConnectionOptions}: the error handler masks its password and honours its {@code --verbose}. */
interface UsesDatabase {
    ConnectionOptions connection();
}
