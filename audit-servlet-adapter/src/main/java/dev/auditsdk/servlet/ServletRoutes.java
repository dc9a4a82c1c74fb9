// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import dev.auditsdk.Target;
import dev.auditsdk.http.PathRoutes;
import dev.auditsdk.http.PathTargets;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Route names and path targets of servlet requests; templates match the path within the application. */
final class ServletRoutes {
    private final PathRoutes routes;
    private final RouteFallback fallback;
    private final @Nullable PathTargets targets;

    ServletRoutes(PathRoutes routes, RouteFallback fallback, @Nullable PathTargets targets) {
        this.routes = routes;
        this.fallback = fallback;
        this.targets = targets;
    }

    /** The route name, from the first matching template, else from the servlet mapping captured at entry. */
    @Nullable
    String route(String appPath, @Nullable HttpServletMapping mapping) {
        Optional<String> named = routes.route(appPath);
        if (named.isPresent()) {
            return named.get();
        }
        if (mapping == null) {
            return null;
        }
        @Nullable
        String name = switch (fallback) {
            case SERVLET_NAME -> mapping.getServletName();
            case MAPPING_PATTERN -> mapping.getPattern();
            case NONE -> null;
        };
        return name == null || name.isEmpty() ? null : name;
    }

    Optional<Target> target(String appPath) {
        return targets == null ? Optional.empty() : targets.resolvePath(appPath);
    }

    /** The mapping, when the route may need it. */
    @Nullable
    HttpServletMapping mapping(HttpServletRequest request) {
        return fallback == RouteFallback.NONE ? null : request.getHttpServletMapping();
    }

    /**
     * The request path within the application, raw (as received, not decoded), without the query;
     * core's {@link PathRoutes} and {@link PathTargets} ignore its path parameters.
     */
    static String appPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null) {
            return "/";
        }
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return uri.isEmpty() ? "/" : uri;
    }
}
