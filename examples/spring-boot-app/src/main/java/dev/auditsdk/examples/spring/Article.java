// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

/** A read-only article, as in the seed's {@code ArticleListView}. */
public record Article(long id, String title, String summary) {}
