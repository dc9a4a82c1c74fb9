// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.1, 192.0.2.1",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "::, ::",
        "::1, ::1",
        "2001:DB8::1, 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:db8::1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "fe80::, fe80::",
        "1::, 1::",
        "::ffff:192.0.2.7, 192.0.2.7",
        "::ffff:c000:0207, 192.0.2.7",
        "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
    })
    void parsesAndFormatsCanonically(String in, String canonical) {
        byte[] ip = IpAddresses.parse(in);
        assertThat(ip).isNotNull();
        assertThat(IpAddresses.format(ip)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1.2.3",
                "1.2.3.4.5",
                "256.1.1.1",
                "01.2.3.4",
                "1.2.3.04",
                "1..2.3",
                "1.2.3.4 ",
                " 1.2.3.4",
                "a.b.c.d",
                "1.2.3.-4",
                "localhost",
                "example.com",
                ":",
                ":::",
                "1:::2",
                "1::2::3",
                "12345::",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                "g::1",
                "::1%eth0",
                "[::1]",
                "1:2:3:4:5:6:7:8::",
                "::ffff:1.2.3",
                "1.2.3.4::",
                "::1:",
                ":1::",
                "1:2:3:4:5:6:7:1.2.3.4",
                "1.2.3.4:80",
                "+1.2.3.4",
                "１.２.３.４"
            })
    void rejectsWhatIsNotALiteral(String in) {
        assertThat(IpAddresses.parse(in)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "10.1.2.3, 10.0.0.0, 8, true",
        "11.1.2.3, 10.0.0.0, 8, false",
        "172.31.255.255, 172.16.0.0, 12, true",
        "172.32.0.0, 172.16.0.0, 12, false",
        "2001:db8:ffff::1, 2001:db8::, 32, true",
        "2001:db9::1, 2001:db8::, 32, false",
        "192.0.2.1, 192.0.2.1, 32, true",
        "1.2.3.4, 0.0.0.0, 0, true",
    })
    void matchesPrefixes(String ip, String net, int bits, boolean expected) {
        assertThat(IpAddresses.samePrefix(IpAddresses.parse(ip), IpAddresses.parse(net), bits))
                .isEqualTo(expected);
    }
}
