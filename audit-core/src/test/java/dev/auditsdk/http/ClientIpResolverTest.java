// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIpResolverTest {
    private static final ClientIpResolver TRUSTING =
            ClientIpResolver.trusting(TrustedProxies.of("10.0.0.0/8", "2001:db8:aaaa::/48"));

    private static @Nullable String resolve(
            ClientIpResolver r, @Nullable String peer, String header, String... values) {
        HeaderLookup headers =
                values.length == 0 ? HeaderLookup.none() : HeaderLookup.of(Map.of(header, Arrays.asList(values)));
        return r.resolve(HttpRequestView.builder("GET", "/")
                        .remoteAddress(peer)
                        .headers(headers)
                        .build())
                .orElse(null);
    }

    @Test
    void peerOnlyIgnoresHeaders() {
        assertThat(resolve(ClientIpResolver.peer(), "203.0.113.5", "X-Forwarded-For", "1.1.1.1"))
                .isEqualTo("203.0.113.5");
        assertThat(resolve(ClientIpResolver.peer(), "[2001:DB8::0001]", "X-Forwarded-For"))
                .isEqualTo("2001:db8::1");
        assertThat(resolve(ClientIpResolver.peer(), "fe80::1%eth0", "X-Forwarded-For"))
                .isEqualTo("fe80::1");
        assertThat(resolve(ClientIpResolver.peer(), "192.0.2.1%eth0", "X-Forwarded-For"))
                .isEqualTo("192.0.2.1");
        assertThat(resolve(ClientIpResolver.peer(), "[192.0.2.1]", "X-Forwarded-For"))
                .isEqualTo("192.0.2.1");
        assertThat(resolve(ClientIpResolver.peer(), "::ffff:192.0.2.1", "X-Forwarded-For"))
                .isEqualTo("192.0.2.1");
        assertThat(resolve(ClientIpResolver.peer(), null, "X-Forwarded-For")).isNull();
        assertThat(resolve(ClientIpResolver.peer(), "unix:/tmp/sock", "X-Forwarded-For"))
                .isNull();
    }

    @Test
    void untrustedPeerHeadersIgnored() {
        assertThat(resolve(TRUSTING, "203.0.113.5", "X-Forwarded-For", "6.6.6.6"))
                .isEqualTo("203.0.113.5");
        assertThat(resolve(TRUSTING, "203.0.113.5", "Forwarded", "for=6.6.6.6")).isEqualTo("203.0.113.5");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "198.51.100.1                                   | 198.51.100.1",
                "198.51.100.1, 10.0.0.2                         | 198.51.100.1",
                "6.6.6.6, 198.51.100.1, 10.0.0.2, 10.1.1.1      | 198.51.100.1",
                "10.0.0.9, 10.0.0.2                             | 10.0.0.9",
                "198.51.100.1:4711                              | 198.51.100.1",
                "[2001:db8:bbbb::1]:443, 2001:db8:aaaa::5       | 2001:db8:bbbb::1",
                "2001:db8:bbbb::1                               | 2001:db8:bbbb::1",
                "::ffff:198.51.100.1                            | 198.51.100.1",
                "6.6.6.6, unknown, 10.0.0.2                     | 10.0.0.2",
                "unknown                                        | 10.0.0.1",
            })
    void walksXForwardedForRightToLeft(String header, String expected) {
        assertThat(resolve(TRUSTING, "10.0.0.1", "X-Forwarded-For", header)).isEqualTo(expected);
    }

    @Test
    void joinsSeveralHeaderLinesInOrder() {
        assertThat(resolve(TRUSTING, "10.0.0.1", "X-Forwarded-For", "198.51.100.1", "10.0.0.5"))
                .isEqualTo("198.51.100.1");
        assertThat(resolve(TRUSTING, "10.0.0.1", "X-Forwarded-For", "198.51.100.1", "198.51.100.2"))
                .isEqualTo("198.51.100.2");
    }

    @Test
    void ipv6TrustedPeer() {
        assertThat(resolve(TRUSTING, "2001:db8:aaaa::1", "X-Forwarded-For", "198.51.100.7"))
                .isEqualTo("198.51.100.7");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example",
                "1.2.3.4, <script>",
                "1.2.3.4\r\nX-Injected: 1",
                "1.2.3.4,,10.0.0.2",
                "",
                " ",
                "1.2.3.4:99999",
                "1.2.3.4:http",
                "[::1",
                "[1.2.3.4]",
                "300.1.1.1",
                "1.2.3.4 5.6.7.8"
            })
    void malformedXForwardedForFallsBackToPeer(String header) {
        assertThat(resolve(TRUSTING, "10.0.0.1", "X-Forwarded-For", header)).isEqualTo("10.0.0.1");
    }

    @Test
    void oversizedHeaderFallsBackToPeer() {
        String huge = "198.51.100.1, " + "10.0.0.2, ".repeat(1024) + "10.0.0.3";
        assertThat(huge.length()).isGreaterThan(10_000);
        assertThat(resolve(TRUSTING, "10.0.0.1", "X-Forwarded-For", huge)).isEqualTo("10.0.0.1");
        String manyHops = String.join(", ", java.util.Collections.nCopies(40, "10.0.0.2"));
        assertThat(resolve(TRUSTING, "10.0.0.1", "X-Forwarded-For", manyHops)).isEqualTo("10.0.0.1");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "for=198.51.100.1                                               | 198.51.100.1",
                "For=198.51.100.1;proto=https;by=10.0.0.1                       | 198.51.100.1",
                "for=\"198.51.100.1:4711\"                                      | 198.51.100.1",
                "for=\"[2001:db8:cafe::17]:4711\"                               | 2001:db8:cafe::17",
                "for=\"[2001:db8:cafe::17]\"                                    | 2001:db8:cafe::17",
                "for=198.51.100.1, for=10.0.0.7                                 | 198.51.100.1",
                "for=6.6.6.6, for=198.51.100.1;proto=http, for=10.0.0.7         | 198.51.100.1",
                "for=198.51.100.1 ,  for=10.0.0.7                               | 198.51.100.1",
                "for=_hidden, for=10.0.0.7                                      | 10.0.0.7",
                "for=unknown                                                    | 10.0.0.1",
                "proto=https                                                    | 10.0.0.1",
                "for=\"_gazonk\"                                                | 10.0.0.1",
                "for=\"198.51.100.1:_port\"                                     | 198.51.100.1",
                "by=10.0.0.1;host=\"a,b\";for=198.51.100.9                      | 198.51.100.9",
                "for=198.51.100.1:4711                                          | 198.51.100.1",
            })
    void walksForwardedRightToLeft(String header, String expected) {
        assertThat(resolve(TRUSTING, "10.0.0.1", "Forwarded", header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "for=\"198.51.100.1",
                "for=",
                "=1.2.3.4",
                "for=1.2.3.4;for=5.6.7.8",
                "for=2001:db8::1",
                "for=\"evil.example\"",
                "for=1.2.3.4 junk",
                "for=\"1.2.3\\\\.4\"",
                "for=<script>",
                "for=\"[2001:db8::1]:abc\""
            })
    void malformedForwardedFallsBackToPeer(String header) {
        assertThat(resolve(TRUSTING, "10.0.0.1", "Forwarded", header)).isEqualTo("10.0.0.1");
    }

    @Test
    void forwardedWinsOverXForwardedFor() {
        HeaderLookup headers = HeaderLookup.of(
                Map.of("Forwarded", List.of("for=198.51.100.1"), "X-Forwarded-For", List.of("198.51.100.2")));
        var request = HttpRequestView.builder("GET", "/")
                .remoteAddress("10.0.0.1")
                .headers(headers)
                .build();
        assertThat(TRUSTING.resolve(request)).contains("198.51.100.1");
    }
}
