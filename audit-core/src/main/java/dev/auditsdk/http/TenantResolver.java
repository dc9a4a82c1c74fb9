package dev.auditsdk.http;

import dev.auditsdk.read.ReadScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells which tenant a request belongs to. Adapters call it once the caller is authenticated and
 * stamp the result on every record of the request (the HTTP record, a login record, records made
 * inside the request's {@link dev.auditsdk.ActivityContext}); the read surfaces use it for the
 * caller's {@link ReadScope}. Compose the factories with {@link #orElse}; for anything else (a
 * session attribute, a sub-domain, a lookup) write a lambda.
 *
 * <p>A resolver returns empty, never a blank or over-long value: {@link #valid} enforces that for every
 * factory here.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TenantResolver {
    /** The longest tenant, the record column's width. */
    int MAX_LENGTH = ReadScope.MAX_TENANT;

    /** The request's tenant; empty when it has none. */
    Optional<String> resolve(HttpRequestView request);

    /** Resolves no tenant: an application without tenants. */
    static TenantResolver none() {
        return request -> Optional.empty();
    }

    /**
     * The value of a request header, believed only when the request comes straight from one of the
     * trusted proxies (which set it after authenticating the caller); from anyone else the header is
     * ignored, so a caller cannot pick a tenant by sending it.
     *
     * @throws IllegalArgumentException if {@code header} is blank
     */
    static TenantResolver header(String header, TrustedProxies from) {
        Objects.requireNonNull(from, "from");
        if (Objects.requireNonNull(header, "header").isBlank()) {
            throw new IllegalArgumentException("header must not be blank");
        }
        return request -> request.remoteAddress().filter(from::contains).isPresent()
                ? valid(request.header(header))
                : Optional.empty();
    }

    /**
     * The path segment at {@code index} (0 for the first segment after the leading slash), e.g.
     * {@code pathSegment(1)} gives {@code acme} for {@code /t/acme/posts}. Use it only when the
     * application itself checks that the caller belongs to the tenant of the path.
     *
     * @throws IllegalArgumentException if {@code index < 0}
     */
    static TenantResolver pathSegment(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, got " + index);
        }
        return request -> {
            List<String> segments = List.of(request.path().split("/", -1));
            // segments.get(0) is the empty text before the leading slash
            return index + 1 < segments.size() ? valid(segments.get(index + 1)) : Optional.empty();
        };
    }

    /** This resolver, or {@code other} when this one finds no tenant. */
    default TenantResolver orElse(TenantResolver other) {
        Objects.requireNonNull(other, "other");
        return request -> {
            Optional<String> tenant = resolve(request);
            return tenant.isPresent() ? tenant : other.resolve(request);
        };
    }

    /**
     * A tenant value as resolvers return it: stripped; empty when blank, longer than
     * {@value #MAX_LENGTH} characters or holding control characters (such a value is not a tenant
     * id, and cutting it could file a record under another tenant).
     */
    static Optional<String> valid(@org.jspecify.annotations.Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_LENGTH || v.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(v);
    }
}
