// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonShapeTest {
    private static final List<String> SECRETS = JsonShape.normalizeWords(List.of("password", "api_key", "token"));

    @Test
    void cleanDataIsReturnedAsItIsWithoutACopy() {
        Map<String, Object> data = JsonShape.copyObject(
                Map.of("title", "Hello", "words", 120, "tags", List.of("a", "b"), "nested", Map.of("userId", 7)));

        Map<String, Object> sanitized = JsonShape.sanitize(data, 32, 64 * 1024, SECRETS);

        assertThat(sanitized).isSameAs(data);
        assertThat(sanitized.get("tags")).isSameAs(data.get("tags"));
        assertThat(sanitized.get("nested")).isSameAs(data.get("nested"));
    }

    @Test
    void aChangeAfterCleanEntriesKeepsThemAllInOrder() {
        Map<String, Object> data =
                JsonShape.copyObject(orderedMap("a", "1", "b", List.of("x", "y"), "X-Api_Key", "k1", "d", "4"));

        Map<String, Object> sanitized = JsonShape.sanitize(data, 32, 64 * 1024, SECRETS);

        assertThat(sanitized).isNotSameAs(data);
        assertThat(sanitized)
                .containsExactly(
                        Map.entry("a", "1"),
                        Map.entry("b", List.of("x", "y")),
                        Map.entry("X-Api_Key", JsonShape.REDACTED),
                        Map.entry("d", "4"));
    }

    @Test
    void nestedMapsAreWalkedLevelByLevel() {
        Map<String, Object> data = JsonShape.copyObject(orderedMap(
                "a", orderedMap("keep", 1, "userPassword", "x", "inner", orderedMap("z", "z")),
                "clean", orderedMap("t", true),
                "c", "d"));

        Map<String, Object> sanitized = JsonShape.sanitize(data, 32, 64 * 1024, SECRETS);

        assertThat(sanitized)
                .containsExactly(
                        Map.entry(
                                "a", Map.of("keep", 1, "userPassword", JsonShape.REDACTED, "inner", Map.of("z", "z"))),
                        Map.entry("clean", Map.of("t", true)),
                        Map.entry("c", "d"));
        assertThat(sanitized.get("clean")).isSameAs(data.get("clean"));
        assertThat(((Map<?, ?>) sanitized.get("a")).get("inner")).isSameAs(((Map<?, ?>) data.get("a")).get("inner"));
        assertThat(JsonShape.sanitize(data, 32, 40, SECRETS)).containsKey(JsonShape.TRUNCATED_KEY);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCutListKeepsItsCleanHead() {
        Map<String, Object> data = JsonShape.copyObject(Map.of("list", Collections.nCopies(100, "abcdefghij")));

        List<Object> list =
                (List<Object>) JsonShape.sanitize(data, 32, 256, SECRETS).get("list");

        assertThat(list).hasSizeBetween(10, 30).startsWith("abcdefghij", "abcdefghij");
        assertThat(list.get(list.size() - 1)).isEqualTo(Text.TRUNCATED);
    }

    @Test
    void inPlaceMatchingAgreesWithTheNormalizedKey() {
        Random random = new Random(8);
        String alphabet = "aApPsStTkKeEyY0_-. \u00c9\u0130\u00df";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder key = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String word = List.of("pass", "apikey", "token", "ey", "st0", "p").get(random.nextInt(6));
            assertThat(JsonShape.containsNormalized(key.toString(), word))
                    .as("%s in %s", word, key)
                    .isEqualTo(JsonShape.normalizeKey(key.toString()).contains(word));
        }
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
