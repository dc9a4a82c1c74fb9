package dev.auditsdk.read;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request to the read API as an adapter sees it, framework-neutral: what {@link
 * ActivityReadHandler} needs and nothing else.
 *
 * @param path the part after the read API's base path: empty for the listing, {@code count},
 *     {@code export}, {@code verify} or a record id
 * @param params every query parameter's values, as {@code ServletRequest.getParameterMap()} gives them
 * @param user the authenticated caller's name, null when nobody is signed in
 * @param permitted whether the caller holds the read API's role ({@link ActivityReadHandler#role()})
 * @param scope which records the caller may read, decided from the caller alone (see {@link
 *     dev.auditsdk.http.ReadScopeResolver}); null when the caller may read nothing (answered 403)
 * @param httpMethod the request method, for the record of the read
 * @param httpPath the request path, for the record of the read
 * @since 0.1
 */
public record ReadRequest(
        String path,
        Map<String, String[]> params,
        @Nullable String user,
        boolean permitted,
        @Nullable ReadScope scope,
        String httpMethod,
        String httpPath) {
    public ReadRequest {
        Objects.requireNonNull(path, "path");
        params = Map.copyOf(Objects.requireNonNull(params, "params"));
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(httpPath, "httpPath");
    }

    /** The path without leading and trailing slashes. */
    String route() {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
