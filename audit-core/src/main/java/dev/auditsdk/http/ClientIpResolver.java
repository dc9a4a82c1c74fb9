// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Finds the client's IP address for a request. The result is always a valid IP literal in
 * canonical form (dotted IPv4, RFC 5952 IPv6), never raw header text. Implementations must not
 * resolve host names.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ClientIpResolver {
    /** The client's address, empty when it cannot be told (e.g. a Unix-socket peer). */
    Optional<String> resolve(HttpRequestView request);

    /** The socket's peer address only; forwarding headers are ignored (the default). */
    static ClientIpResolver peer() {
        return ForwardedClientIps.PEER_ONLY;
    }

    /**
     * Believes {@code X-Forwarded-For} and RFC 7239 {@code Forwarded} only when the socket's peer is
     * one of {@code proxies}: the chain is walked right to left, trusted hops skipped, and the first
     * untrusted address is the client. {@code Forwarded} wins when both headers are present. A
     * malformed or oversized header falls back to the peer; an obfuscated or {@code unknown} hop
     * stops the walk at the nearest known address.
     */
    static ClientIpResolver trusting(TrustedProxies proxies) {
        Objects.requireNonNull(proxies, "proxies");
        return proxies.isEmpty() ? ForwardedClientIps.PEER_ONLY : new ForwardedClientIps(proxies);
    }
}
