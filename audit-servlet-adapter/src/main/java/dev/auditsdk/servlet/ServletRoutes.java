package dev.auditsdk.servlet;

import dev.auditsdk.Target;
import dev.auditsdk.http.PathTargets;
import dev.auditsdk.http.PathTemplate;
import dev.auditsdk.http.RequestPaths;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Route names and path targets of servlet requests; templates match the path within the application. */
final class ServletRoutes {
    private final PathTemplate[] templates;
    private final String[] names;
    private final RouteFallback fallback;
    private final @Nullable PathTargets targets;

    ServletRoutes(
            List<PathTemplate> templates, List<String> names, RouteFallback fallback, @Nullable PathTargets targets) {
        this.templates = templates.toArray(new PathTemplate[0]);
        this.names = names.toArray(new String[0]);
        this.fallback = fallback;
        this.targets = targets;
    }

    /** The route name, from the first matching template, else from the servlet mapping captured at entry. */
    @Nullable
    String route(String appPath, @Nullable HttpServletMapping mapping) {
        for (int i = 0; i < templates.length; i++) {
            if (templates[i].matches(appPath)) {
                return names[i];
            }
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

    /** The request path within the application, raw (as received, not decoded), without the query and path parameters. */
    static String appPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null) {
            return "/";
        }
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        uri = RequestPaths.withoutPathParameters(uri);
        return uri.isEmpty() ? "/" : uri;
    }
}
