// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The relational activity store: {@link dev.auditsdk.jdbi.JdbiActivityStore} on H2 (the embedded
 * default), PostgreSQL and MariaDB/MySQL, with its schema, queries and retention.
 */
@NullMarked
package dev.auditsdk.jdbi;

import org.jspecify.annotations.NullMarked;
