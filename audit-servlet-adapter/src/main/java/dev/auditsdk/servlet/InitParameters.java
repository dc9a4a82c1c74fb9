// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.ActivityFilters;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.TrustedProxies;
import jakarta.servlet.FilterConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Reads a {@code web.xml}-declared filter's init-parameters (table in the module README). Unknown names fail fast. */
final class InitParameters {
    static final Set<String> NAMES = Set.of(
            "enabled",
            "record-anonymous",
            "trusted-proxies",
            "request-id-header",
            "exclude-paths",
            "exclude-methods",
            "exclude-statuses",
            "remarks-template",
            "routes",
            "route-fallback",
            "targets",
            "recorder-attribute",
            "recorder-supplier");

    private InitParameters() {}

    static FilterSettings read(FilterConfig config) {
        for (String name : Collections.list(config.getInitParameterNames())) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown init-parameter '" + name + "'; known: " + NAMES);
            }
        }
        HttpActivityMapper.Builder m = HttpActivityMapper.builder();
        @Nullable String v;
        if ((v = param(config, "enabled")) != null) {
            m.enabled(bool(v, "enabled"));
        }
        if ((v = param(config, "record-anonymous")) != null) {
            m.recordAnonymous(bool(v, "record-anonymous"));
        }
        if ((v = param(config, "trusted-proxies")) != null) {
            m.trustedProxies(TrustedProxies.of(list(v)));
        }
        if (config.getInitParameter("request-id-header") != null) {
            m.requestIdHeader(param(config, "request-id-header"));
        }
        if ((v = param(config, "exclude-paths")) != null) {
            m.filter(ActivityFilters.excludePaths(list(v).toArray(new String[0])));
        }
        if ((v = param(config, "exclude-methods")) != null) {
            m.filter(ActivityFilters.excludeMethods(list(v).toArray(new String[0])));
        }
        if ((v = param(config, "exclude-statuses")) != null) {
            m.filter(ActivityFilters.excludeStatuses(list(v).stream()
                    .mapToInt(s -> integer(s, "exclude-statuses"))
                    .toArray()));
        }
        if ((v = param(config, "remarks-template")) != null) {
            m.remarksTemplate(v);
        }
        boolean owns = param(config, "recorder-supplier") != null;
        FilterSettings.Builder b =
                new FilterSettings.Builder(recorder(config)).ownsRecorder(owns).mapper(m.build());
        if ((v = param(config, "routes")) != null) {
            for (String entry : list(v)) {
                String[] kv = pair(entry, "routes");
                b.route(kv[0], kv[1]);
            }
        }
        if ((v = param(config, "route-fallback")) != null) {
            b.routeFallback(v);
        }
        if ((v = param(config, "targets")) != null) {
            for (String entry : list(v)) {
                String[] kv = pair(entry, "targets");
                int colon = kv[1].indexOf(':');
                b.target(
                        kv[0],
                        colon < 0 ? kv[1] : kv[1].substring(0, colon),
                        colon < 0 ? null : kv[1].substring(colon + 1));
            }
        }
        return b.build();
    }

    private static ActivityRecorder recorder(FilterConfig config) {
        String supplier = param(config, "recorder-supplier");
        if (supplier != null) {
            try {
                ClassLoader cl = Thread.currentThread().getContextClassLoader();
                Class<?> type = Class.forName(supplier, true, cl != null ? cl : InitParameters.class.getClassLoader());
                Object made = ((Supplier<?>) type.getDeclaredConstructor().newInstance()).get();
                if (made instanceof ActivityRecorder r) {
                    return r;
                }
                throw new IllegalArgumentException(
                        "recorder-supplier " + supplier + " did not supply an ActivityRecorder");
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalArgumentException(
                        "recorder-supplier " + supplier
                                + " must be a public java.util.function.Supplier<ActivityRecorder> with a public no-argument constructor",
                        e);
            }
        }
        String attribute = param(config, "recorder-attribute");
        String name = attribute != null ? attribute : ActivityRecordingFilter.RECORDER_ATTRIBUTE;
        Object value = config.getServletContext().getAttribute(name);
        if (value instanceof ActivityRecorder r) {
            return r;
        }
        throw new IllegalArgumentException("no ActivityRecorder in servlet-context attribute '" + name
                + "': set it from a ServletContextListener, or name a recorder-supplier class");
    }

    private static @Nullable String param(FilterConfig config, String name) {
        String v = config.getInitParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Values separated by commas or line breaks (so long lists can be written one per line). */
    static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split("[,\\n\\r]", -1)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String[] pair(String entry, String param) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new IllegalArgumentException(param + " entries are 'template=value', got '" + entry + "'");
        }
        return new String[] {
            entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()
        };
    }

    private static boolean bool(String v, String name) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
    }

    private static int integer(String v, String name) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must list integers, got '" + v + "'", e);
        }
    }
}
