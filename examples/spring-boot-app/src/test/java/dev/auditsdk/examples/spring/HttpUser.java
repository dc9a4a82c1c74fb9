// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One client of the running app over real HTTP: its own cookie jar (a form-login session), or
 * HTTP Basic credentials sent with every request. Redirects are not followed, so tests see them.
 */
final class HttpUser {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient client;
    private final @Nullable String basic;

    private HttpUser(String base, @Nullable String basic) {
        this.base = base;
        this.basic = basic;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A browser-like client that signs in with the login form. */
    static HttpUser session(int port) {
        return new HttpUser("http://localhost:" + port, null);
    }

    /** A script-like client that sends HTTP Basic credentials. */
    static HttpUser basic(int port, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HttpUser("http://localhost:" + port, "Basic " + token);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** Asks for a page as a browser does ({@code Accept: text/html}). */
    HttpResponse<String> getPage(String path) throws IOException, InterruptedException {
        return send(request(path).setHeader("Accept", "text/html").GET().build());
    }

    /** Posts a form with the session's CSRF token, as a browser on the login and logout pages does. */
    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        JsonNode csrf = csrf();
        String body = fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"))
                + "&" + enc(csrf.get("parameterName").asText()) + "="
                + enc(csrf.get("token").asText());
        return send(request(path)
                .setHeader("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Sends JSON with POST, PUT or DELETE; session clients add their CSRF header. */
    HttpResponse<String> send(String method, String path, @Nullable String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (basic == null) {
            JsonNode csrf = csrf();
            b.header(csrf.get("headerName").asText(), csrf.get("token").asText());
        }
        return send(b.build());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private JsonNode csrf() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/csrf");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no CSRF token: " + r.statusCode() + " " + r.body());
        }
        return json(r);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (basic != null) {
            b.header("Authorization", basic);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
