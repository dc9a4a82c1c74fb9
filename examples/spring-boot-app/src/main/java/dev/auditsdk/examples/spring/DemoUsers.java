// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The example's three users and their passwords: {@code alice} and {@code bob} write posts,
 * {@code auditor} reads the activity trail. Passwords are random for each start unless
 * {@code blog.demo-password} sets one for all; they are printed to the console, and the SDK never
 * writes them into a record (a failed login records the user name, not what was typed).
 */
final class DemoUsers {
    static final String WRITER = "WRITER";
    static final String AUDITOR = "AUDITOR";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** user name → role, in the order they are printed. */
    static final Map<String, String> ROLES = Map.of("alice", WRITER, "bob", WRITER, "auditor", AUDITOR);

    private final Map<String, String> passwords = new LinkedHashMap<>();

    DemoUsers(String fixedPassword) {
        SecureRandom random = new SecureRandom();
        for (String user : new String[] {"alice", "bob", "auditor"}) {
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
