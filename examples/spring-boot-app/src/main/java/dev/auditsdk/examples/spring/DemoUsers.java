// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The example's users of two tenants, {@code acme} and {@code globex}, and their passwords:
 * {@code alice} (acme) and {@code bob} (globex) write posts, {@code auditor-a} reads acme's activity
 * trail, {@code auditor-b} globex's, and {@code auditor} (no tenant, role {@code AUDITOR_ALL}) every tenant's. Passwords are random for each start unless
 * {@code blog.demo-password} sets one for all; they are printed to the console, and the SDK never
 * writes them into a record (a failed login records the user name, not what was typed).
 */
final class DemoUsers {
    static final String WRITER = "WRITER";
    static final String AUDITOR = "AUDITOR";
    /** Reads every tenant's trail (audit.tenants.cross-tenant-role). */
    static final String AUDITOR_ALL = "AUDITOR_ALL";

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** user name → roles. */
    static final Map<String, List<String>> ROLES = Map.of(
            "alice", List.of(WRITER),
            "bob", List.of(WRITER),
            "auditor", List.of(AUDITOR, AUDITOR_ALL),
            "auditor-a", List.of(AUDITOR),
            "auditor-b", List.of(AUDITOR));

    /** user name → tenant; the cross-tenant auditor has none. */
    static final Map<String, String> TENANTS =
            Map.of("alice", "acme", "bob", "globex", "auditor-a", "acme", "auditor-b", "globex");

    private final Map<String, String> passwords = new LinkedHashMap<>();

    DemoUsers(String fixedPassword) {
        SecureRandom random = new SecureRandom();
        for (String user : new String[] {"alice", "bob", "auditor", "auditor-a", "auditor-b"}) {
            passwords.put(user, fixedPassword.isBlank() ? randomPassword(random) : fixedPassword);
        }
    }

    Iterable<String> names() {
        return passwords.keySet();
    }

    String password(String user) {
        return Objects.requireNonNull(passwords.get(user), () -> "no user " + user);
    }

    private static String randomPassword(SecureRandom random) {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
