// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The {@code audit-cli} runnable jar: {@code verify}, {@code query}, {@code export} and {@code purge}
 * over a trail in a relational database. Only {@link dev.auditsdk.cli.AuditCli#main} is meant to be
 * called; everything else is the commands' plumbing.
 */
@NullMarked
package dev.auditsdk.cli;

import org.jspecify.annotations.NullMarked;
