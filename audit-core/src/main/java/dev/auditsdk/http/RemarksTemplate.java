// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import dev.auditsdk.ActionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A remarks template split once into literal and placeholder parts; rendering is one StringBuilder pass. */
final class RemarksTemplate implements RemarksFormatter {
    static final RemarksTemplate SEED = parse(SEED_TEMPLATE, false);
    private static final String NONE = "None";

    private enum Part {
        USER,
        ACTION,
        METHOD,
        PATH,
        ROUTE,
        STATUS
    }

    /** A path variable of the matched route, by name. */
    private record Variable(String name) {}

    /** Strings are literals, {@link Part}s are placeholders, {@link Variable}s path variables. */
    private final Object[] parts;

    private final int estimate;

    private RemarksTemplate(Object[] parts, int estimate) {
        this.parts = parts;
        this.estimate = estimate;
    }

    /** @param variables whether names other than the {@link Part}s are path variables (else an error) */
    static RemarksTemplate parse(String template, boolean variables) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && template.startsWith("{{", i)) {
                literal.append('{');
                i += 2;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '{' in remarks template: " + template);
                }
                Object part = placeholder(template.substring(i + 1, close), variables);
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(part);
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return new RemarksTemplate(parts.toArray(), template.length() + 64);
    }

    private static Object placeholder(String name, boolean variables) {
        try {
            return Part.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            if (variables && isName(name)) {
                return new Variable(name);
            }
            throw new IllegalArgumentException(
                    "unknown placeholder {" + name + "} in remarks template; known: "
                            + "{user} {action} {method} {path} {route} {status}"
                            + (variables ? " and path variables named by letters, digits, '_', '-', '.'" : ""),
                    e);
        }
    }

    private static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String remarks(HttpExchange exchange, @Nullable String actor, ActionType action) {
        StringBuilder sb = new StringBuilder(estimate + exchange.path().length());
        for (Object p : parts) {
            if (p instanceof String s) {
                sb.append(s);
                continue;
            }
            if (p instanceof Variable v) {
                String value = exchange.pathVariables().get(v.name());
                sb.append(value != null ? value : "{" + v.name() + "}");
                continue;
            }
            switch ((Part) p) {
                case USER -> sb.append(actor == null ? NONE : actor);
                case ACTION -> sb.append(action.name());
                case METHOD -> sb.append(exchange.method());
                case PATH -> sb.append(exchange.path());
                case ROUTE -> sb.append(exchange.route().orElse(NONE));
                case STATUS -> sb.append(exchange.exception().isPresent() ? 500 : exchange.status());
                default -> throw new AssertionError(p);
            }
        }
        return sb.toString();
    }
}
