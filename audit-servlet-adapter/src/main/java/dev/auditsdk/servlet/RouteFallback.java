// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

/**
 * What names the route (the seed's "Path Name") of a request that matches no configured route
 * template.
 *
 * @since 0.1
 */
public enum RouteFallback {
    /** The name of the servlet that served the request, e.g. {@code posts} (the default). */
    SERVLET_NAME,
    /** The servlet mapping's URL pattern, e.g. {@code /api/posts/*}. */
    MAPPING_PATTERN,
    /** No route name. */
    NONE
}
