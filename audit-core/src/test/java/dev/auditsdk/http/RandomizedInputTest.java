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
        for (int i = 0; i < 20_000; i++) {
            byte[] ip = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(ip);
            if (ip.length == 16 && random.nextBoolean()) {
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
            assertThat(IpAddresses.format(back)).isEqualTo(mapped ? IpAddresses.format(back) : text);
        }
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
    void parsersOfRandomTextNeverThrow() {
        Random random = new Random(99);
        for (int i = 0; i < 50_000; i++) {
            String s = randomText(random, random.nextInt(50));
            IpAddresses.parse(s);
            RequestIds.traceId(s);
            RequestIds.isAcceptable(s);
            PathPatternProbe.matches(s);
        }
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

    /** Path matching of random paths against a few patterns. */
    private static final class PathPatternProbe {
        private static final List<PathPattern> PATTERNS = List.of(
                PathPattern.compile("/**/*.css"), PathPattern.compile("/static/**"), PathPattern.compile("/a/*/b?"));

        static void matches(String path) {
            PATTERNS.forEach(p -> p.matches(path));
        }
    }
}
