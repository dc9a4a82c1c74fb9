// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void matchesIpv4AndIpv6Blocks() {
        TrustedProxies p = TrustedProxies.of("10.0.0.0/8", "192.0.2.7", "2001:db8::/32", "::1");
        assertThat(p.contains("10.200.3.4")).isTrue();
        assertThat(p.contains("192.0.2.7")).isTrue();
        assertThat(p.contains("192.0.2.8")).isFalse();
        assertThat(p.contains("2001:db8:1234::9")).isTrue();
        assertThat(p.contains("2001:db9::9")).isFalse();
        assertThat(p.contains("::1")).isTrue();
        assertThat(p.contains("::2")).isFalse();
        assertThat(p.contains("::ffff:10.9.9.9"))
                .as("IPv4-mapped matches the IPv4 block")
                .isTrue();
        assertThat(p.contains("not-an-ip")).isFalse();
        assertThat(p.contains("10.0.0.1.evil.example")).isFalse();
    }

    @Test
    void hostBitsBeyondThePrefixAreIgnored() {
        assertThat(TrustedProxies.of("10.1.2.3/8").contains("10.9.9.9")).isTrue();
    }

    @Test
    void mappedIpv4BlockWrittenAsIpv6() {
        TrustedProxies p = TrustedProxies.of("::ffff:10.0.0.0/104");
        assertThat(p.contains("10.1.1.1")).isTrue();
        assertThat(p.contains("11.1.1.1")).isFalse();
    }

    @Test
    void presets() {
        assertThat(TrustedProxies.none().isEmpty()).isTrue();
        assertThat(TrustedProxies.loopback().contains("127.5.5.5")).isTrue();
        assertThat(TrustedProxies.loopback().contains("10.0.0.1")).isFalse();
        assertThat(TrustedProxies.privateNetworks().contains("192.168.1.1")).isTrue();
        assertThat(TrustedProxies.privateNetworks().contains("fd00::1")).isTrue();
        assertThat(TrustedProxies.privateNetworks().contains("8.8.8.8")).isFalse();
        assertThat(TrustedProxies.of("10.0.0.0/8").and(TrustedProxies.of("::1")).entries())
                .containsExactly("10.0.0.0/8", "::1");
        assertThat(TrustedProxies.of(List.of(" ", "10.0.0.0/8 ")).entries()).containsExactly("10.0.0.0/8");
    }

    @Test
    void rejectsBadEntriesAtConfigurationTime() {
        for (String bad : List.of(
                "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "proxy.local", "10.0.0.0/x")) {
            assertThatThrownBy(() -> TrustedProxies.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
