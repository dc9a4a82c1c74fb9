// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What was done: the seed's action types ({@code "Create"} … {@code "Login Failed"}) plus custom
 * ones made with {@link #of(String)}. Two action types are equal when their names are equal.
 *
 * @since 0.1
 */
public final class ActionType {
    /** The longest name an action type may have (the width of the {@code action} column). */
    public static final int MAX_LENGTH = 64;

    public static final ActionType CREATE = new ActionType("Create");
    public static final ActionType READ = new ActionType("Read");
    public static final ActionType UPDATE = new ActionType("Update");
    public static final ActionType DELETE = new ActionType("Delete");
    public static final ActionType LOGIN = new ActionType("Login");
    public static final ActionType LOGOUT = new ActionType("Logout");
    public static final ActionType LOGIN_FAILED = new ActionType("Login Failed");

    private static final Map<String, ActionType> KNOWN = Stream.of(
                    CREATE, READ, UPDATE, DELETE, LOGIN, LOGOUT, LOGIN_FAILED)
            .collect(Collectors.toUnmodifiableMap(ActionType::name, Function.identity()));

    private final String name;

    private ActionType(String name) {
        this.name = name;
    }

    /**
     * Returns the action type with this name: one of the constants when the name matches one, a
     * custom action type otherwise.
     *
     * @param name 1 to {@value #MAX_LENGTH} characters, no control characters, not blank
     * @throws IllegalArgumentException if the name is blank, too long or holds control characters
     */
    public static ActionType of(String name) {
        Objects.requireNonNull(name, "name");
        ActionType known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        if (name.isBlank() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("action type name must be 1 to " + MAX_LENGTH
                    + " characters and not blank, got length " + name.length());
        }
        if (!name.strip().equals(name)) {
            throw new IllegalArgumentException(
                    "action type name must not start or end with whitespace: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("action type name must not contain control characters");
            }
        }
        return new ActionType(name);
    }

    /** The name stored in the {@code action} column, e.g. {@code "Login Failed"}. */
    public String name() {
        return name;
    }

    /** Whether this is one of the seven built-in action types. */
    public boolean isBuiltIn() {
        return KNOWN.containsKey(name);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ActionType other && name.equals(other.name));
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
