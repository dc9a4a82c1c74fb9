// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Keeps the database password out of everything the command prints. */
final class Secrets {
    static final String MASK = "****";
    // password=... in a JDBC URL's query or property list, and user:password@ in an authority
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/@:\\s]+:)[^/@\\s]+@");

    private Secrets() {}

    /** {@code text} with the password and any password written into a URL replaced by {@value #MASK}. */
    static String mask(String text, @Nullable String password) {
        String out = text;
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, MASK);
        }
        out = URL_PASSWORD.matcher(out).replaceAll("$1" + MASK);
        return URL_USERINFO.matcher(out).replaceAll("$1" + MASK + "@");
    }
}
