// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The trusted-proxy walk behind {@link ClientIpResolver#trusting}. */
final class ForwardedClientIps implements ClientIpResolver {
    static final ClientIpResolver PEER_ONLY = new ForwardedClientIps(TrustedProxies.none());

    /** Longer forwarding headers are not parsed at all (a legitimate chain is far shorter). */
    static final int MAX_HEADER_CHARS = 2048;

    /** More hops than this is treated as malformed. */
    static final int MAX_HOPS = 32;

    private final TrustedProxies proxies;

    ForwardedClientIps(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public Optional<String> resolve(HttpRequestView request) {
        byte @Nullable [] peer = peer(request.remoteAddress().orElse(null));
        if (peer == null) {
            return Optional.empty();
        }
        if (proxies.isEmpty() || !proxies.contains(peer)) {
            return Optional.of(canonicalPeer(request.remoteAddress().orElseThrow(), peer));
        }
        List<byte[]> hops = hops(request.headers());
        if (hops == null) {
            return Optional.of(IpAddresses.format(peer));
        }
        byte[] current = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = hops.get(i);
            if (hop == ForwardedHeaders.UNKNOWN) {
                break;
            }
            current = hop;
            if (!proxies.contains(hop)) {
                break;
            }
        }
        return Optional.of(IpAddresses.format(current));
    }

    /** The hops named by the forwarding headers, left to right; null when absent or malformed. */
    private static @Nullable List<byte[]> hops(HeaderLookup headers) {
        List<String> forwarded = headers.all("Forwarded");
        boolean rfc = !forwarded.isEmpty();
        List<String> values = rfc ? forwarded : headers.all("X-Forwarded-For");
        if (values.isEmpty() || totalLength(values) > MAX_HEADER_CHARS) {
            return null;
        }
        List<byte[]> hops = new ArrayList<>(4);
        for (String value : values) {
            boolean ok = rfc
                    ? ForwardedHeaders.parseForwarded(value, hops)
                    : ForwardedHeaders.parseXForwardedFor(value, hops);
            if (!ok || hops.size() > MAX_HOPS) {
                return null;
            }
        }
        return hops.isEmpty() ? null : hops;
    }

    private static int totalLength(List<String> values) {
        int n = 0;
        for (String v : values) {
            n += v.length();
        }
        return n;
    }

    /** The peer text itself when it is already canonical (a parsed dotted IPv4 always is), saving a copy per request. */
    private static String canonicalPeer(String remote, byte[] peer) {
        return peer.length == 4 && remote.indexOf(':') < 0 && remote.indexOf('%') < 0 && remote.charAt(0) != '['
                ? remote
                : IpAddresses.format(peer);
    }

    /** The socket peer: a literal, maybe bracketed, maybe with an IPv6 zone (dropped: it is local). */
    private static byte @Nullable [] peer(@Nullable String remote) {
        if (remote == null || remote.isEmpty() || remote.length() > 64) {
            return null;
        }
        int from = 0;
        int to = remote.length();
        if (remote.charAt(0) == '[' && remote.charAt(to - 1) == ']') {
            from = 1;
            to--;
        }
        int zone = remote.indexOf('%', from);
        if (zone >= 0 && zone < to) {
            to = zone;
        }
        return IpAddresses.parse(remote, from, to);
    }
}
