// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.TrustedProxies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test client connects from 127.0.0.1: one server trusts no proxy, the other trusts loopback and 10/8. */
class ClientIpIT {
    private static Recording recording;
    private static TestServer untrusting;
    private static TestServer trusting;

    @BeforeAll
    static void start() throws Exception {
        recording = Recording.async();
        untrusting = TestServer.start(
                ActivityRecordingFilter.builder(recording.recorder).build());
        trusting = TestServer.start(ActivityRecordingFilter.builder(recording.recorder)
                .mapper(HttpActivityMapper.builder()
                        .trustedProxies(TrustedProxies.of("127.0.0.1/32", "10.0.0.0/8", "::1"))
                        .build())
                .build());
    }

    @AfterAll
    static void stop() {
        untrusting.close();
        trusting.close();
        recording.close();
    }

    private static String ip(TestServer server, String header, String value) throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        server.get("/ip", "X-Request-Id", rid, "X-Test-User", "alice", header, value);
        ActivityLog log = recording.await(l -> l.requestId().orElse("").equals(rid));
        return log.clientIp().orElseThrow();
    }

    @Test
    void headersFromAnUntrustedPeerAreIgnored() throws Exception {
        assertThat(ip(untrusting, "X-Forwarded-For", "198.51.100.1")).isEqualTo("127.0.0.1");
        assertThat(ip(untrusting, "Forwarded", "for=198.51.100.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void throughTrustedProxiesTheRightmostUntrustedHopIsTheClient() throws Exception {
        assertThat(ip(trusting, "X-Forwarded-For", "203.0.113.50, 198.51.100.1, 10.0.0.3"))
                .isEqualTo("198.51.100.1");
        assertThat(ip(trusting, "X-Forwarded-For", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(ip(trusting, "Forwarded", "for=\"[2001:DB8::1]:443\";proto=https, for=10.0.0.9"))
                .isEqualTo("2001:db8::1");
        assertThat(ip(trusting, "Forwarded", "for=_hidden, for=10.0.0.9")).isEqualTo("10.0.0.9");
    }

    @Test
    void malformedOrOversizedHeadersFallBackToThePeer() throws Exception {
        assertThat(ip(trusting, "X-Forwarded-For", "<script>alert(1)</script>")).isEqualTo("127.0.0.1");
        assertThat(ip(trusting, "X-Forwarded-For", "evil.example.com")).isEqualTo("127.0.0.1");
        assertThat(ip(trusting, "X-Forwarded-For", "198.51.100.1" + ", 10.0.0.2".repeat(1100)))
                .isEqualTo("127.0.0.1");
        assertThat(ip(trusting, "Forwarded", "for=\"198.51.100.1")).isEqualTo("127.0.0.1");
        assertThat(ip(trusting, "X-Forwarded-For", "1.2.3.4%0d%0aX-Evil: 1")).isEqualTo("127.0.0.1");
    }
}
