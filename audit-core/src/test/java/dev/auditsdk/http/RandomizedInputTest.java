// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random inputs: parsers never throw, and what they produce is always a valid canonical literal. */
class RandomizedInputTest {
    private static final String ALPHABET = "0123456789abcdefABCDEF:.[]_,;=\" \t%-/<>\\forunkwFORUNKW";

    @Test
    void formatThenParseRoundTrips() {
        Random random = new Random(42);
        int mappedSeen = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] ip = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(ip);
            if (ip.length == 16 && random.nextInt(8) == 0) {
                // IPv4-mapped (::ffff:a.b.c.d): random bytes almost never are
                java.util.Arrays.fill(ip, 0, 10, (byte) 0);
                ip[10] = (byte) 0xFF;
                ip[11] = (byte) 0xFF;
            } else if (ip.length == 16 && random.nextBoolean()) {
                // runs of zero groups exercise the "::" choice
                int from = random.nextInt(8) * 2;
                int to = Math.min(16, from + random.nextInt(8) * 2);
                java.util.Arrays.fill(ip, from, to, (byte) 0);
            }
            String text = IpAddresses.format(ip);
            byte[] back = IpAddresses.parse(text);
            boolean mapped = ip.length == 16 && isV4Mapped(ip);
            assertThat(back).as(text).isEqualTo(mapped ? java.util.Arrays.copyOfRange(ip, 12, 16) : ip);
            assertThat(text)
                    .as("canonical form")
                    .isEqualTo(text.toLowerCase(Locale.ROOT))
                    .doesNotContain(":::");
            assertThat(text.indexOf("::")).isEqualTo(text.lastIndexOf("::"));
            if (mapped) {
                mappedSeen++;
                String dotted = (ip[12] & 255) + "." + (ip[13] & 255) + "." + (ip[14] & 255) + "." + (ip[15] & 255);
                assertThat(IpAddresses.format(back)).as(text).isEqualTo(dotted);
            } else {
                assertThat(IpAddresses.format(back)).isEqualTo(text);
            }
        }
        assertThat(mappedSeen).as("IPv4-mapped addresses tried").isGreaterThan(100);
    }

    @Test
    void forwardingHeadersOfRandomTextNeverThrowAndYieldLiterals() {
        Random random = new Random(7);
        ClientIpResolver resolver = ClientIpResolver.trusting(TrustedProxies.of("10.0.0.0/8", "::1"));
        for (int i = 0; i < 20_000; i++) {
            String header = randomText(random, random.nextInt(60));
            String name = random.nextBoolean() ? "Forwarded" : "X-Forwarded-For";
            HttpRequestView request = HttpRequestView.builder("GET", "/")
                    .remoteAddress(random.nextBoolean() ? "10.1.1.1" : "::1")
                    .headers(HeaderLookup.of(Map.of(name, List.of(header))))
                    .build();
            String ip = resolver.resolve(request).orElseThrow();
            assertThat(IpAddresses.parse(ip))
                    .as(name + ": " + header + " -> " + ip)
                    .isNotNull();
            assertThat(IpAddresses.format(IpAddresses.parse(ip))).isEqualTo(ip);
        }
    }

    @Test
    void parsersOfRandomTextNeverThrowAndAnswerAsSpecified() {
        Random random = new Random(99);
        int literals = 0;
        int acceptable = 0;
        for (int i = 0; i < 50_000; i++) {
            String s = randomText(random, random.nextInt(50));
            byte[] ip = IpAddresses.parse(s);
            if (ip != null) {
                literals++;
                assertThat(ip.length).as(s).isIn(4, 16);
                assertThat(IpAddresses.parse(IpAddresses.format(ip))).as(s).isEqualTo(ip);
            }
            // A traceparent is at least 55 characters; random text of under 50 never is one.
            assertThat(RequestIds.traceId(s)).as(s).isEmpty();
            boolean ok = RequestIds.isAcceptable(s);
            acceptable += ok ? 1 : 0;
            assertThat(ok).as(s).isEqualTo(!s.isEmpty() && s.chars().allMatch(RandomizedInputTest::requestIdChar));
            PathPatternProbe.check(s);

            String traceId = randomHex(random, 32);
            String parent = randomHex(random, 16);
            assertThat(RequestIds.traceId("00-" + traceId + "-" + parent + "-01"))
                    .as(traceId)
                    .isEqualTo(
                            traceId.chars().allMatch(c -> c == '0')
                                            || parent.chars().allMatch(c -> c == '0')
                                    ? java.util.Optional.empty()
                                    : java.util.Optional.of(traceId));
        }
        assertThat(literals).as("random texts that were IP literals").isPositive();
        assertThat(acceptable)
                .as("random texts that were acceptable request ids")
                .isPositive();
        assertThat(PathPatternProbe.PATTERNS.get(1).matches("/static/app.js")).isTrue();
        assertThat(PathPatternProbe.PATTERNS.get(2).matches("/a/x/b1")).isTrue();
        assertThat(PathPatternProbe.PATTERNS.get(0).matches("/x/y/site.css")).isTrue();
    }

    private static boolean requestIdChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.:/+=@".indexOf(c) >= 0;
    }

    private static String randomHex(Random random, int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private static boolean isV4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF;
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Path matching of random paths against a few patterns, each against a plain statement of its meaning. */
    private static final class PathPatternProbe {
        static final List<PathPattern> PATTERNS = List.of(
                PathPattern.compile("/**/*.css"), PathPattern.compile("/static/**"), PathPattern.compile("/a/*/b?"));

        static void check(String path) {
            String[] segments = path.split("/", -1);
            assertThat(PATTERNS.get(0).matches(path)).as(path).isEqualTo(path.startsWith("/") && path.endsWith(".css"));
            assertThat(PATTERNS.get(1).matches(path))
                    .as(path)
                    .isEqualTo(path.equals("/static") || path.startsWith("/static/"));
            assertThat(PATTERNS.get(2).matches(path))
                    .as(path)
                    .isEqualTo(segments.length == 4
                            && segments[0].isEmpty()
                            && segments[1].equals("a")
                            && segments[3].length() == 2
                            && segments[3].charAt(0) == 'b');
        }
    }
}
