// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The demo users of two tenants, {@code acme} and {@code globex}: {@code alice} (acme) and {@code bob}
 * (globex) write posts, {@code auditor-a} reads acme's trail and {@code auditor-b} globex's, and
 * {@code auditor} (no tenant of its own, role {@code AUDITOR_ALL}) reads every tenant's.
 * Passwords are random for each start unless one is given for all; they live only in memory and on
 * the console, and never reach an audit record.
 */
final class Users {
    static final String WRITER = "WRITER";
    static final String AUDITOR = "AUDITOR";
    /** Reads every tenant's trail; implies {@link #AUDITOR}. */
    static final String AUDITOR_ALL = "AUDITOR_ALL";

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, String> roles =
            Map.of("alice", WRITER, "bob", WRITER, "auditor", AUDITOR_ALL, "auditor-a", AUDITOR, "auditor-b", AUDITOR);
    private final Map<String, String> tenants =
            Map.of("alice", "acme", "bob", "globex", "auditor-a", "acme", "auditor-b", "globex");

    private Users(@Nullable String fixedPassword) {
        SecureRandom random = new SecureRandom();
        for (String name : new String[] {"alice", "bob", "auditor", "auditor-a", "auditor-b"}) {
            passwords.put(
                    name, fixedPassword == null || fixedPassword.isBlank() ? randomPassword(random) : fixedPassword);
        }
    }

    /** The demo users, all with {@code password}, or each with a random one when it is null or blank. */
    static Users demo(@Nullable String password) {
        return new Users(password);
    }

    /** The user's role when the password is right. */
    Optional<String> authenticate(String name, String password) {
        String expected = passwords.get(name);
        if (expected == null) {
            // Compare anyway, so a wrong name takes as long as a wrong password.
            MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), "x".getBytes(StandardCharsets.UTF_8));
            return Optional.empty();
        }
        boolean ok = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        return ok ? Optional.ofNullable(roles.get(name)) : Optional.empty();
    }

    Iterable<String> names() {
        return passwords.keySet();
    }

    String password(String name) {
        return Objects.requireNonNull(passwords.get(name), () -> "no user " + name);
    }

    /** The user's tenant; empty for a user of no tenant (the cross-tenant auditor) or an unknown name. */
    Optional<String> tenant(@Nullable String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(tenants.get(name));
    }

    String role(String name) {
        return Objects.requireNonNull(roles.get(name), () -> "no user " + name);
    }

    private static String randomPassword(SecureRandom random) {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
