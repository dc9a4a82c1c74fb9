// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.spi.ActivityJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ChangesTest {
    record Author(String name, @Nullable String email) {}

    record Post(
            String title,
            Author author,
            List<String> tags,
            @Nullable BigDecimal price) {}

    static final class Account {
        String login = "alice";
        String password = "hunter2";
        int visits;
        transient String cache = "ignored by design";

        @Nullable
        Account manager;
    }

    static final class Node {
        String name;

        @Nullable
        Node next;

        Node(String name) {
            this.name = name;
        }
    }

    private static final byte[] KEY =
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Test
    void recordsGiveDottedPathsOfTheirChangedValues() {
        Post before = new Post("A", new Author("Ann", null), List.of("x"), new BigDecimal("1.50"));
        Post after = new Post("B", new Author("Ann", "ann@example.org"), List.of("x", "y"), new BigDecimal("1.5"));

        ChangeSet changes = Changes.between(before, after);

        assertThat(changes.changes())
                .containsExactly(
                        new Change("title", "A", "B", false, null, null),
                        new Change("author.email", null, "ann@example.org", false, null, null),
                        new Change("tags", List.of("x"), List.of("x", "y"), false, null, null));
    }

    @Test
    void equalValuesGiveNoChanges() {
        Post p = new Post("A", new Author("Ann", "a@b"), List.of("x"), BigDecimal.TEN);
        assertThat(Changes.between(p, new Post("A", new Author("Ann", "a@b"), List.of("x"), new BigDecimal("10.00")))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void insertAndDeleteCompareWithNothing() {
        Map<String, Object> row = Map.of("title", "A", "views", 3);
        assertThat(Changes.between(null, row).changes())
                .extracting(Change::path, Change::oldValue, Change::newValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("title", null, "A"),
                        org.assertj.core.groups.Tuple.tuple("views", null, 3));
        assertThat(Changes.between(row, null).get("title").orElseThrow().newValue())
                .isNull();
    }

    @Test
    void plainValuesUseThePathValue() {
        assertThat(Changes.between("a", "b").changes())
                .containsExactly(new Change("value", "a", "b", false, null, null));
    }

    @Test
    void normalizationAvoidsSpuriousChanges() {
        Map<String, @Nullable Object> a = new HashMap<>();
        a.put("price", 1.5d);
        a.put("note", null);
        a.put("at", Instant.parse("2024-01-01T00:00:00.123456789Z"));
        a.put("count", 3);
        Map<String, @Nullable Object> b = new HashMap<>();
        b.put("price", new BigDecimal("1.50"));
        b.put("note", "  ");
        b.put("at", Instant.parse("2024-01-01T00:00:00.123456Z"));
        b.put("count", 3L);
        assertThat(Changes.between(a, b).isEmpty()).isTrue();

        ChangeOptions strict = ChangeOptions.builder()
                .blankEqualsNull(false)
                .normalizeNumbers(false)
                .timePrecision(ChronoUnit.NANOS)
                .build();
        assertThat(Changes.between(a, b, strict).changes())
                .extracting(Change::path)
                .containsExactlyInAnyOrder("price", "note", "at", "count");
    }

    /** A value object whose equals looks at the id only, as JPA embeddables and entities often do. */
    static final class Money {
        final String id;
        final String amount;

        Money(String id, String amount) {
            this.id = id;
            this.amount = amount;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Money m && m.id.equals(id);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    @Test
    void unchangedPlainValuesAreSkippedButObjectsAreComparedByTheirFieldsNotTheirEquals() {
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        before.put("title", "Old");
        before.put("price", new Money("m1", "1.00"));
        before.put("at", Instant.parse("2024-01-01T00:00:00Z"));
        before.put("gone", null);
        before.put("body", "same");
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("title", "New");
        after.put("price", new Money("m1", "2.00"));
        after.put("at", Instant.parse("2024-01-01T00:00:00Z"));
        after.put("body", "same");
        after.put("added", 7);

        assertThat(Changes.between(before, after).changes())
                .containsExactly(
                        new Change("title", "Old", "New", false, null, null),
                        new Change("price.amount", "1.00", "2.00", false, null, null),
                        new Change("added", null, 7, false, null, null));
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        assertThatThrownBy(() -> Changes.between(Map.of("a", 1), nullKey)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void beansAreReadByTheirFieldsSkippingTransientOnes() {
        Account a = new Account();
        Account b = new Account();
        b.visits = 2;
        b.cache = "different";
        assertThat(Changes.between(a, b).changes()).containsExactly(new Change("visits", 0, 2, false, null, null));
    }

    @Test
    void secretLookingKeysAreMaskedByTheSanitizersRule() {
        Account a = new Account();
        Account b = new Account();
        b.password = "correct horse";
        Change c = Changes.between(a, b).get("password").orElseThrow();
        assertThat(c.masked()).isTrue();
        assertThat(c.oldValue()).isEqualTo("[REDACTED]");
        assertThat(c.newValue()).isEqualTo("[REDACTED]");
        assertThat(c.oldFingerprint()).isNull();

        // the recorder's own rule decides: a sanitizer with other keys masks other paths
        ChangeOptions custom = ChangeOptions.builder()
                .sanitizer(Sanitizer.builder().redactKeys(List.of("login")).build())
                .build();
        b.login = "bob";
        ChangeSet set = Changes.between(a, b, custom);
        assertThat(set.get("login").orElseThrow().masked()).isTrue();
        assertThat(set.get("password").orElseThrow().masked()).isFalse();
    }

    @Test
    void maskedValuesInsideReportedListsAreMaskedToo() {
        Map<String, Object> a = Map.of("users", List.of(Map.of("name", "ann", "apiKey", "k1")));
        Map<String, Object> b = Map.of("users", List.of(Map.of("name", "ann", "apiKey", "k2"), Map.of("name", "bo")));
        Change c = Changes.between(a, b).get("users").orElseThrow();
        assertThat(String.valueOf(c.oldValue()) + c.newValue())
                .doesNotContain("k1", "k2")
                .contains("[REDACTED]");
    }

    @Test
    void maskedChangesShowThatTheyChangedAndFingerprintsCompareWithoutRevealing() {
        ChangeOptions options =
                ChangeOptions.builder().mask("card").fingerprintKey(KEY).build();
        Map<String, Object> a = Map.of("card", Map.of("number", "4111111111111111", "cvv", "123"));
        Map<String, Object> b = Map.of("card", Map.of("number", "4111111111111111", "cvv", "999"));
        Map<String, Object> c = Map.of("card", Map.of("number", "4111111111111111", "cvv", "123"));

        ChangeSet ab = Changes.between(a, b, options);
        assertThat(ab.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.path()).isEqualTo("card.cvv");
            assertThat(ch.masked()).isTrue();
            assertThat(ch.oldFingerprint()).hasSize(32).isNotEqualTo(ch.newFingerprint());
        });
        ChangeSet bc = Changes.between(b, c, options);
        // back to the old value: the fingerprints show it without showing the value
        assertThat(bc.changes().get(0).newFingerprint())
                .isEqualTo(ab.changes().get(0).oldFingerprint());
        assertThat(ab.toString() + ab.toData()).doesNotContain("999", "123");
    }

    @Test
    void ignoredPathsAppearNowhere() {
        ChangeOptions options =
                ChangeOptions.builder().ignore("author", "*.internal").build();
        Map<String, Object> a = Map.of(
                "author", "ann", "x", Map.of("internal", "s1", "v", 1), "list", List.of(Map.of("internal", "s3")));
        Map<String, Object> b = Map.of(
                "author", "bob", "x", Map.of("internal", "s2", "v", 2), "list", List.of(Map.of("internal", "s4"), 1));
        ChangeSet set = Changes.between(a, b, options);
        assertThat(set.changes()).extracting(Change::path).containsExactlyInAnyOrder("x.v", "list");
        assertThat(set.toData().toString()).doesNotContain("ann", "bob", "s1", "s2", "internal");
    }

    @Test
    void listElementsShareTheListsPathForPatterns() {
        ChangeOptions options = ChangeOptions.builder().ignore("list.internal").build();
        ChangeSet set = Changes.between(
                Map.of("list", List.of(Map.of("internal", "s3"))),
                Map.of("list", List.of(Map.of("internal", "s4"))),
                options);
        assertThat(set.isEmpty()).isTrue();
    }

    @Test
    void cyclesAndDepthAreBounded() {
        Node a = new Node("a");
        a.next = a;
        Node b = new Node("b");
        b.next = b;
        ChangeSet set = Changes.between(a, b);
        // the back-reference reads as "[cycle]" on both sides: only the name changed
        assertThat(set.changes()).containsExactly(new Change("name", "a", "b", false, null, null));

        Node deep = new Node("0");
        Node cur = deep;
        for (int i = 1; i < 10_000; i++) {
            cur.next = new Node(String.valueOf(i));
            cur = cur.next;
        }
        ChangeSet deepSet =
                Changes.between(null, deep, ChangeOptions.builder().maxDepth(5).build());
        assertThat(deepSet.changes()).hasSizeLessThan(10);
        assertThat(deepSet.changes()).anySatisfy(c -> assertThat(c.newValue()).isEqualTo("...[truncated]"));
    }

    @Test
    void largeValuesAreCutWithTheSanitizersMarkerButComparedInFull() {
        String big = "x".repeat(1 << 20);
        ChangeSet set = Changes.between(Map.of("body", big + "a"), Map.of("body", big + "b"));
        Change c = set.get("body").orElseThrow();
        assertThat((String) c.oldValue()).hasSizeLessThanOrEqualTo(1024).endsWith("...[truncated]");

        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(i);
        }
        List<Integer> more = new ArrayList<>(ids);
        more.set(9_999, -1);
        Change list = Changes.between(Map.of("ids", ids), Map.of("ids", more))
                .get("ids")
                .orElseThrow();
        assertThat(ActivityJson.dataToJson(Map.of("v", list.newValue())))
                .hasSizeLessThan(1200)
                .contains("...[truncated]");
    }

    @Test
    void tooManyChangesAreCountedNotLost() {
        Map<String, Object> a = new LinkedHashMap<>();
        Map<String, Object> b = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            a.put("f" + i, i);
            b.put("f" + i, i + 1);
        }
        ChangeSet set =
                Changes.between(a, b, ChangeOptions.builder().maxChanges(10).build());
        assertThat(set.changes()).hasSize(10);
        assertThat(set.omitted()).isEqualTo(20);
        ActivityLog log = ActivityLog.builder(ActionType.UPDATE).changes(set).build();
        assertThat(log.data()).containsEntry(ChangeSet.OMITTED_KEY, 20);
    }

    @Test
    void theBuilderStoresTheDocumentedShapeBesideOtherData() {
        ChangeSet set = Changes.between(
                Map.of("title", "A", "password", "p1"),
                Map.of("title", "B", "password", "p2"),
                ChangeOptions.builder().fingerprintKey(KEY).build());
        ActivityLog log = ActivityLog.builder(ActionType.UPDATE)
                .changes(set)
                .data(Map.of("transactionId", "t1"))
                .build();
        assertThat(log.data()).containsEntry("transactionId", "t1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stored =
                (List<Map<String, Object>>) log.data().get("changes");
        assertThat(stored).hasSize(2);
        Map<String, Object> title = stored.stream()
                .filter(m -> m.get("path").equals("title"))
                .findFirst()
                .orElseThrow();
        assertThat(title).containsExactly(Map.entry("path", "title"), Map.entry("old", "A"), Map.entry("new", "B"));
        Map<String, Object> pw = stored.stream()
                .filter(m -> m.get("path").equals("password"))
                .findFirst()
                .orElseThrow();
        assertThat(pw.keySet()).containsExactly("path", "old", "new", "masked", "oldFingerprint", "newFingerprint");
        assertThat(ActivityJson.toJson(log)).doesNotContain("p1", "p2");

        assertThat(ActivityLog.builder(ActionType.UPDATE)
                        .changes(ChangeSet.empty())
                        .build()
                        .data())
                .isEmpty();
    }

    @Test
    void recordedThroughTheRecorderTheSecretNeverReachesTheStore() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = ActivityRecorder.builder().store(store).build()) {
            recorder.record(
                    ActionType.UPDATE,
                    b -> b.target("Account", 1)
                            .changes(Changes.between(Map.of("token", "tok-old"), Map.of("token", "tok-new"))));
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        }
        ActivityLog stored = store.find(ActivityQuery.latest()).items().get(0);
        assertThat(ActivityJson.toJson(stored)).contains("[REDACTED]").doesNotContain("tok-old", "tok-new");
    }

    @Test
    void badOptionsFailAtTheEdge() {
        assertThatThrownBy(() -> ChangeOptions.builder().ignore("a..b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeOptions.builder().mask(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeOptions.builder().fingerprintKey(new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeOptions.builder().maxValueLength(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeOptions.builder().timePrecision(ChronoUnit.MONTHS))
                .isInstanceOf(IllegalArgumentException.class);
        Map<@Nullable String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        assertThatThrownBy(() -> Changes.between(nullKey, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeSet.of(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jdkValuesAndArraysConvertAsDocumented() {
        Map<String, Object> a =
                Map.of("uri", java.net.URI.create("https://a"), "arr", new int[] {1, 2}, "bytes", new byte[] {1});
        Map<String, Object> b =
                Map.of("uri", java.net.URI.create("https://b"), "arr", new int[] {1, 3}, "bytes", new byte[] {2});
        ChangeSet set = Changes.between(a, b);
        assertThat(set.get("uri").orElseThrow().newValue()).isEqualTo("https://b");
        assertThat(set.get("arr").orElseThrow().newValue()).isEqualTo(Arrays.asList(1, 3));
        assertThat(set.get("bytes").orElseThrow().newValue()).isEqualTo("Ag==");
    }
}
