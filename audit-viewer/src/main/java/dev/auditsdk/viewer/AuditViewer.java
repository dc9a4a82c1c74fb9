// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.viewer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The viewer's files, framework-free: an adapter asks for a path below the viewer's mount point and
 * sends what it gets, headers included. The page reads the read API at the path given here, so the
 * one page works under any mount point and API path.
 *
 * <p>Every answer carries {@link #CONTENT_SECURITY_POLICY}: scripts, styles and requests only from
 * the application itself, no inline script or style, no framing.
 *
 * @since 0.1
 */
public final class AuditViewer {
    /** The Content-Security-Policy of every viewer answer. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String BASE = "assets/";
    private static final String API_PLACEHOLDER = "__AUDIT_API_PATH__";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html;charset=UTF-8",
            "viewer.js", "text/javascript;charset=UTF-8",
            "viewer.css", "text/css;charset=UTF-8");

    private final byte[] index;

    private AuditViewer(String apiPath) {
        String html = new String(read("index.html"), StandardCharsets.UTF_8);
        this.index = html.replace(API_PLACEHOLDER, escapeAttribute(apiPath)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The viewer over the read API at {@code apiPath}, e.g. {@code /api/activity} (with the
     * application's context path, if any).
     *
     * @throws IllegalArgumentException if the path does not start with {@code /}
     */
    public static AuditViewer forApi(String apiPath) {
        Objects.requireNonNull(apiPath, "apiPath");
        if (!apiPath.startsWith("/") || apiPath.startsWith("//")) {
            throw new IllegalArgumentException("apiPath must be a path starting with one '/', got '" + apiPath + "'");
        }
        return new AuditViewer(apiPath.endsWith("/") ? apiPath.substring(0, apiPath.length() - 1) : apiPath);
    }

    /**
     * The file at {@code path} below the mount point ({@code ""} or {@code /} is the page); empty
     * for anything else, so nothing but the viewer's own files can be read.
     */
    public Optional<Asset> asset(String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (name.isEmpty()) {
            name = "index.html";
        }
        String type = FILES.get(name);
        if (type == null) {
            return Optional.empty();
        }
        byte[] body = name.equals("index.html") ? index : read(name);
        return Optional.of(new Asset(type, body));
    }

    /** The headers of every viewer answer: CSP, no sniffing, no referrer, revalidate on each load. */
    public static Map<String, String> headers() {
        return Map.of(
                "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "Cache-Control", "no-cache");
    }

    private static byte[] read(String name) {
        try (InputStream in = AuditViewer.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the viewer jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeAttribute(String s) {
        return s.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** One file of the viewer: its content type (with charset) and bytes. */
    public static final class Asset {
        private final String contentType;
        private final byte[] body;

        Asset(String contentType, byte[] body) {
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            this.body = body.clone();
        }

        /** The content type, with its charset. */
        public String contentType() {
            return contentType;
        }

        /** A copy of the bytes. */
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String toString() {
            return "Asset[" + contentType + ", " + body.length + " bytes]";
        }
    }
}
