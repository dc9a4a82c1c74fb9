// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The proxies whose forwarding headers are believed: a list of addresses and CIDR blocks, IPv4
 * and IPv6 ({@code "10.0.0.0/8"}, {@code "192.0.2.7"}, {@code "2001:db8::/32"}, {@code "::1"}).
 * IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}) match the IPv4 blocks. Parsing never
 * resolves host names. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TrustedProxies {
    private static final TrustedProxies NONE = new TrustedProxies(new byte[0][], new int[0], List.of());

    private final byte[][] networks;
    private final int[] prefixes;
    private final List<String> specs;

    private TrustedProxies(byte[][] networks, int[] prefixes, List<String> specs) {
        this.networks = networks;
        this.prefixes = prefixes;
        this.specs = specs;
    }

    /** Trusts no proxy: forwarding headers are ignored and the socket's peer is the client. */
    public static TrustedProxies none() {
        return NONE;
    }

    /** Loopback only: {@code 127.0.0.0/8} and {@code ::1}. */
    public static TrustedProxies loopback() {
        return of("127.0.0.0/8", "::1/128");
    }

    /** Loopback and the private ranges: {@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code fc00::/7}. */
    public static TrustedProxies privateNetworks() {
        return of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");
    }

    /**
     * Trusts these addresses and CIDR blocks.
     *
     * @throws IllegalArgumentException if an entry is not an IP literal with an optional {@code /prefix}
     */
    public static TrustedProxies of(String... cidrs) {
        return of(Arrays.asList(cidrs));
    }

    /**
     * Trusts these addresses and CIDR blocks; blank entries are ignored (handy for comma-separated
     * configuration values).
     *
     * @throws IllegalArgumentException if an entry is not an IP literal with an optional {@code /prefix}
     */
    public static TrustedProxies of(List<String> cidrs) {
        Objects.requireNonNull(cidrs, "cidrs");
        List<byte[]> nets = new ArrayList<>();
        List<Integer> bits = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        for (String raw : cidrs) {
            String spec = Objects.requireNonNull(raw, "cidr").strip();
            if (spec.isEmpty()) {
                continue;
            }
            int slash = spec.indexOf('/');
            String addr = slash < 0 ? spec : spec.substring(0, slash);
            byte[] net = IpAddresses.parse(addr);
            if (net == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + spec + "'");
            }
            int max = net.length * 8;
            int prefix = max;
            if (slash >= 0) {
                prefix = parsePrefix(spec.substring(slash + 1), spec);
                // "::ffff:10.0.0.0/104" is an IPv4 block written in IPv6 form.
                if (net.length == 4 && addr.indexOf(':') >= 0) {
                    prefix -= 96;
                }
                if (prefix < 0 || prefix > max) {
                    throw new IllegalArgumentException("prefix out of range in '" + spec + "'");
                }
            }
            nets.add(net);
            bits.add(prefix);
            specs.add(spec);
        }
        if (nets.isEmpty()) {
            return NONE;
        }
        return new TrustedProxies(
                nets.toArray(new byte[0][]),
                bits.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(specs));
    }

    /** These proxies and those of {@code other}. */
    public TrustedProxies and(TrustedProxies other) {
        List<String> all = new ArrayList<>(specs);
        all.addAll(other.specs);
        return of(all);
    }

    /** Whether no proxy is trusted. */
    public boolean isEmpty() {
        return networks.length == 0;
    }

    /** Whether {@code address} is an IP literal inside one of the trusted blocks; false for anything else. */
    public boolean contains(String address) {
        byte[] ip = IpAddresses.parse(Objects.requireNonNull(address, "address"));
        return ip != null && contains(ip);
    }

    boolean contains(byte[] ip) {
        for (int i = 0; i < networks.length; i++) {
            if (IpAddresses.samePrefix(ip, networks[i], prefixes[i])) {
                return true;
            }
        }
        return false;
    }

    /** The entries as configured. */
    public List<String> entries() {
        return specs;
    }

    @Override
    public String toString() {
        return "TrustedProxies" + specs;
    }

    private static int parsePrefix(String s, String spec) {
        if (s.isEmpty() || s.length() > 3) {
            throw new IllegalArgumentException("bad prefix length in '" + spec + "'");
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad prefix length in '" + spec + "'");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
