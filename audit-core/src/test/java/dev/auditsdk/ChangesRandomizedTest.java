// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Seeded random trees: the properties of Changes.between hold for any input. */
class ChangesRandomizedTest {
    private static final String[] KEYS = {"title", "body", "password", "meta", "n", "tags", "apiKey", "skip", "x"};
    private static final ChangeOptions OPTIONS = ChangeOptions.builder()
            .ignore("skip", "*.x")
            .mask("meta.hidden")
            .fingerprintKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))
            .build();

    private int secretCounter;

    @Test
    void equalInputsGiveNoChanges() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            long seed = random.nextLong();
            Object a = tree(new Random(seed), 0, false);
            Object b = tree(new Random(seed), 0, false);
            assertThat(Changes.between(a, b, OPTIONS).isEmpty())
                    .as("seed %s", seed)
                    .isTrue();
        }
    }

    @Test
    void swappedInputsGiveSwappedChanges() {
        Random random = new Random(12);
        for (int i = 0; i < 2_000; i++) {
            Object a = tree(random, 0, false);
            Object b = random.nextInt(4) == 0 ? mutate(a, random) : tree(random, 0, false);
            Map<String, Change> forward = byPath(Changes.between(a, b, OPTIONS));
            Map<String, Change> backward = byPath(Changes.between(b, a, OPTIONS));
            assertThat(backward.keySet()).isEqualTo(forward.keySet());
            forward.forEach((path, c) -> {
                Change r = backward.get(path);
                assertThat(r.oldValue()).as(path).isEqualTo(c.newValue());
                assertThat(r.newValue()).as(path).isEqualTo(c.oldValue());
                assertThat(r.oldFingerprint()).as(path).isEqualTo(c.newFingerprint());
                assertThat(r.masked()).isEqualTo(c.masked());
            });
        }
    }

    @Test
    void maskedAndIgnoredValuesNeverReachTheOutput() {
        Random random = new Random(13);
        for (int i = 0; i < 2_000; i++) {
            Object a = tree(random, 0, true);
            Object b = tree(random, 0, true);
            ChangeSet set = Changes.between(a, b, OPTIONS);
            String out = set.toData().toString() + set;
            // every secret and ignored value carries the marker "SECRET-"; none may appear
            assertThat(out).doesNotContain("SECRET-");
            assertThat(set.changes()).allSatisfy(c -> {
                assertThat(c.path()).doesNotMatch("skip(\\..*)?").doesNotMatch("[^.]+\\.x(\\..*)?");
                if (c.masked()) {
                    assertThat(c.oldValue()).isEqualTo("[REDACTED]");
                    assertThat(c.newValue()).isEqualTo("[REDACTED]");
                }
            });
        }
    }

    private static Map<String, Change> byPath(ChangeSet set) {
        Map<String, Change> out = new HashMap<>();
        set.changes().forEach(c -> out.put(c.path(), c));
        return out;
    }

    private Map<String, @Nullable Object> tree(Random r, int depth, boolean markSecrets) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String key = KEYS[r.nextInt(KEYS.length)];
            boolean secret = key.equals("password")
                    || key.equals("apiKey")
                    // "skip" is ignored at the top level only
                    || (key.equals("skip") && depth == 0)
                    // "*.x" ignores x one level down only (a list element shares its list's path)
                    || (key.equals("x") && depth == 1);
            if (key.equals("meta") && depth < 3) {
                Map<String, @Nullable Object> meta = tree(r, depth + 1, markSecrets);
                if (r.nextBoolean()) {
                    // "meta.hidden" is masked at the top level only
                    meta.put("hidden", markSecrets && depth == 0 ? "SECRET-" + secretCounter++ : leaf(r));
                }
                m.put(key, meta);
            } else if (key.equals("tags")) {
                List<@Nullable Object> list = new ArrayList<>();
                for (int j = r.nextInt(4); j > 0; j--) {
                    list.add(depth < 3 && r.nextBoolean() ? tree(r, depth + 1, markSecrets) : leaf(r));
                }
                m.put(key, list);
            } else {
                m.put(key, secret && markSecrets ? "SECRET-" + secretCounter++ : leaf(r));
            }
        }
        return m;
    }

    private static @Nullable Object leaf(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> r.nextInt(5);
            case 3 -> new BigDecimal(r.nextInt(5) + ".50");
            case 4 -> r.nextBoolean();
            default -> "v" + r.nextInt(4);
        };
    }

    @SuppressWarnings("unchecked")
    private Object mutate(Object tree, Random r) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>((Map<String, @Nullable Object>) tree);
        copy.put(KEYS[r.nextInt(KEYS.length)], leaf(r));
        return copy;
    }
}
