// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

/**
 * Request-path normalisation, applied by {@link HttpRequestView}, {@link PathRoutes} and
 * {@link PathTargets} so that adapters get it by using them; not API.
 */
final class RequestPaths {
    private RequestPaths() {}

    /** {@link #withoutPathParameters}, and {@code "/"} for a path left empty. */
    static String normalize(String path) {
        String p = withoutPathParameters(path);
        return p.isEmpty() ? "/" : p;
    }

    /**
     * The path without its path parameters: every {@code ;...} up to the next {@code /} is removed,
     * so {@code /shop;jsessionid=A1B2/cart;v=2} becomes {@code /shop/cart}. Servlet containers keep
     * them in the raw request URI, where a session id would otherwise be copied into audit records,
     * and an excluded path could be dodged by appending {@code ;x}. Returns the same string when
     * there is nothing to remove (the common case costs one scan).
     */
    static String withoutPathParameters(String path) {
        int semi = path.indexOf(';');
        if (semi < 0) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.length());
        int i = 0;
        while (semi >= 0) {
            sb.append(path, i, semi);
            int slash = path.indexOf('/', semi);
            if (slash < 0) {
                return sb.toString();
            }
            i = slash;
            semi = path.indexOf(';', i);
        }
        sb.append(path, i, path.length());
        return sb.toString();
    }
}
