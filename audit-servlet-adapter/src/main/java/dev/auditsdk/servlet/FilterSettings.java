// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.PathRoutes;
import dev.auditsdk.http.PathTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The immutable configuration of one {@link ActivityRecordingFilter}, from its builder or its init-parameters. */
final class FilterSettings {
    final ActivityRecorder recorder;
    final boolean ownsRecorder;
    final HttpActivityMapper mapper;
    final ServletRoutes routes;
    final FailureLog failures = new FailureLog();

    private FilterSettings(Builder b) {
        this.recorder = b.recorder;
        this.ownsRecorder = b.ownsRecorder;
        this.mapper = b.mapper;
        PathRoutes.Builder rb = PathRoutes.builder();
        for (int i = 0; i < b.routeTemplates.size(); i++) {
            rb.add(b.routeTemplates.get(i), b.routeNames.get(i));
        }
        this.routes = new ServletRoutes(rb.build(), b.fallback, b.targets.isEmpty() ? null : targets(b.targets));
    }

    private static PathTargets targets(List<String[]> rules) {
        PathTargets.Builder tb = PathTargets.builder();
        for (String[] r : rules) {
            if (r[2] == null) {
                tb.add(r[0], r[1]);
            } else {
                tb.add(r[0], r[1], r[2]);
            }
        }
        return tb.build();
    }

    static FilterSettings fromInitParameters(jakarta.servlet.FilterConfig config) {
        return InitParameters.read(config);
    }

    /** Collects settings; validation happens in {@link #build()}. */
    static final class Builder {
        private final ActivityRecorder recorder;
        private boolean ownsRecorder;
        private HttpActivityMapper mapper = HttpActivityMapper.defaults();
        private final List<String> routeTemplates = new ArrayList<>();
        private final List<String> routeNames = new ArrayList<>();
        private RouteFallback fallback = RouteFallback.SERVLET_NAME;
        private final List<@Nullable String[]> targets = new ArrayList<>();

        Builder(ActivityRecorder recorder) {
            this.recorder = Objects.requireNonNull(recorder, "recorder");
        }

        Builder ownsRecorder(boolean owns) {
            this.ownsRecorder = owns;
            return this;
        }

        Builder mapper(HttpActivityMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        Builder route(String template, String name) {
            // validate now, so a bad rule fails where it is written
            PathRoutes.builder().add(template, name);
            routeTemplates.add(template);
            routeNames.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        Builder routeFallback(RouteFallback fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        Builder routeFallback(String name) {
            return routeFallback(
                    RouteFallback.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        }

        Builder target(String template, String type, @Nullable String idVariable) {
            // validate now, so a bad rule fails where it is written
            PathTargets.Builder check = PathTargets.builder();
            if (idVariable == null) {
                check.add(template, type);
            } else {
                check.add(template, type, idVariable);
            }
            targets.add(new @Nullable String[] {template, type, idVariable});
            return this;
        }

        FilterSettings build() {
            return new FilterSettings(this);
        }
    }
}
