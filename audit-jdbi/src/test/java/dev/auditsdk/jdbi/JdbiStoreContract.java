// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Sanitizer;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database must do with a {@link JdbiActivityStore}; subclasses give a private database. */
abstract class JdbiStoreContract {
    protected JdbiActivityStore store;
    protected SwitchableDataSource dataSource;

    /** A fresh, empty, private database. */
    protected abstract SwitchableDataSource newDataSource();

    protected void dropDatabase() {}

    @BeforeEach
    void open() {
        dataSource = newDataSource();
        store = JdbiActivityStore.builder(dataSource)
                .createSchema(true)
                .purgeBatchSize(7)
                .build();
    }

    @AfterEach
    void closeAll() {
        // Both null when newDataSource() aborted the test (a database that is not there outside CI).
        if (store != null) {
            store.close();
        }
        if (dataSource != null) {
            dropDatabase();
        }
    }

    static ActivityLog full(String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", text);
        data.put("nested", Map.of("list", List.of(1, 2.5, "three", false, Map.of("deep", List.of())), "n", -7));
        data.put("empty", Map.of());
        data.put("nothing", null);
        return ActivityLog.builder(ActionType.of("Export"))
                .id(UUID.fromString("f1e2d3c4-b5a6-7978-8a9b-0c1d2e3f4a5b"))
                .occurredAt(Records.T0)
                .actor("alice@example.com")
                .actorName(text)
                .tenant("acme")
                .status(Status.FAILED)
                .remarks(text + " remarks")
                .target("Post", "42")
                .clientIp("2001:db8::1")
                .userAgent("Mozilla/5.0 " + text)
                .requestId("req-1")
                .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .httpMethod("PATCH")
                .httpPath("/posts/42")
                .httpRoute("/posts/{id}")
                .httpStatus(503)
                .durationMs(1234L)
                .data(data)
                .source(Source.HTTP)
                .integrity(new ActivityLog.Integrity("chain-1", 3, "ab".repeat(32), "cd".repeat(32)))
                .build();
    }

    @Test
    void roundTripsEveryFieldWithUnicode() {
        ActivityLog log = full("Ünïcødé ✓ 日本語 עברית 😀 \"quotes\" 'x' \\ back");
        store.append(List.of(log));
        assertThat(store.get(log.id())).contains(log);
        assertThat(store.find(ActivityQuery.latest()).items()).containsExactly(log);
    }

    @Test
    void roundTripsNullsAndMinimalRecord() {
        ActivityLog log =
                ActivityLog.builder(ActionType.READ).occurredAt(Records.T0).build();
        store.append(List.of(log));
        assertThat(store.get(log.id())).contains(log);
        assertThat(store.get(UUID.randomUUID())).isEmpty();
    }

    @Test
    void roundTripsValuesAtTheSanitizerLimits() {
        Sanitizer max = Sanitizer.builder()
                .maxRemarksLength(1 << 20)
                .maxUserAgentLength(4096)
                .maxPathLength(8192)
                .maxDataSize(1 << 20)
                .build();
        String emoji = "😀".repeat(400);
        ActivityLog log = max.sanitize(ActivityLog.builder(ActionType.UPDATE)
                .occurredAt(Records.T0)
                .actor("é".repeat(300))
                .actorName(emoji)
                .tenant("t".repeat(300))
                .remarks("ß".repeat(2 << 20))
                .target("T".repeat(300), "9".repeat(300))
                .userAgent("u".repeat(5000))
                .httpPath("/p".repeat(5000))
                .httpRoute("r".repeat(300))
                .data(Map.of("big", "d".repeat(2 << 20)))
                .build());
        assertThat(log.remarks().orElseThrow()).hasSize(1 << 20);
        store.append(List.of(log));
        assertThat(store.get(log.id())).contains(log);
        assertThat(store.poisonRows()).isZero();
    }

    @Test
    void appendIsIdempotentOnId() {
        List<ActivityLog> logs = Records.random(60, 1);
        store.append(logs);
        store.append(logs.subList(10, 60));
        store.append(List.of(logs.get(0), logs.get(0)));
        assertThat(all(ActivityQuery.builder().limit(1000).build())).hasSize(60);
    }

    @Test
    void pagesNewestFirstLikeTheInMemoryStore() {
        List<ActivityLog> logs = Records.random(300, 2);
        store.append(logs);
        InMemoryActivityStore expected = InMemoryActivityStore.create();
        expected.append(logs);
        ActivityQuery q = ActivityQuery.builder().limit(7).build();
        assertThat(all(q)).containsExactlyElementsOf(expected.all());
        assertThat(all(q)).isSortedAccordingTo(ActivityLog.NEWEST_FIRST);
    }

    @Test
    void everyFilterMatchesTheInMemoryStore() {
        List<ActivityLog> logs = Records.random(200, 3);
        store.append(logs);
        InMemoryActivityStore expected = InMemoryActivityStore.create();
        expected.append(logs);
        List<UnaryOperator<ActivityQuery.Builder>> filters = List.of(
                b -> b.actor("user1"),
                b -> b.action(ActionType.LOGIN),
                b -> b.actions(List.of(ActionType.CREATE, ActionType.of("Export"))),
                b -> b.status(Status.FAILED),
                b -> b.targetType("Post"),
                b -> b.targetType("Comment").targetId("3"),
                b -> b.requestId("req-7"),
                b -> b.tenant("t1"),
                b -> b.from(Records.T0.plusSeconds(20)).to(Records.T0.plusSeconds(40)),
                b -> b.text("100%"),
                b -> b.text("under_score"),
                b -> b.text("_"),
                b -> b.text("user: alice"),
                b -> b.text("GRÜSSE".toLowerCase(Locale.ROOT)),
                b -> b.text("grüße aus"),
                b -> b.text("!"),
                b -> b.actor("user2").status(Status.SUCCESS).targetType("Post"));
        for (UnaryOperator<ActivityQuery.Builder> f : filters) {
            ActivityQuery q = f.apply(ActivityQuery.builder().limit(11)).build();
            List<ActivityLog> want = expected.all().stream().filter(q::matches).toList();
            assertThat(all(q)).as(q.toString()).containsExactlyElementsOf(want);
        }
        assertThat(all(ActivityQuery.builder().text("Grüße").limit(5).build())).isNotEmpty();
    }

    @Test
    void capsThePageAndRejectsABadCursor() {
        store.append(Records.random(1200, 4));
        assertThat(store.find(ActivityQuery.builder().limit(5000).build()).items())
                .hasSize(1000);
        assertThat(store.find(ActivityQuery.latest()).items()).hasSize(100);
        assertThatThrownBy(() -> store.find(
                        ActivityQuery.builder().cursor("not-a-cursor").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void purgesInSmallBatches() {
        List<ActivityLog> logs = Records.random(100, 5);
        store.append(logs);
        var cutoff = Records.T0.plusSeconds(15);
        long older = logs.stream().filter(l -> l.occurredAt().isBefore(cutoff)).count();
        assertThat(older).isGreaterThan(7);
        assertThat(store.purgeBefore(cutoff)).isEqualTo(older);
        assertThat(all(ActivityQuery.builder().limit(1000).build()))
                .hasSize(100 - (int) older)
                .allMatch(l -> !l.occurredAt().isBefore(cutoff));
        assertThat(store.purgeBefore(cutoff)).isZero();
    }

    @Test
    void isolatesAPoisonRowAndKeepsTheRest() {
        List<ActivityLog> logs = new ArrayList<>(Records.random(50, 6));
        // Built without the recorder's sanitizer: too long for the column on every database.
        ActivityLog poison = logs.get(17).toBuilder().actor("x".repeat(300)).build();
        logs.set(17, poison);
        store.append(logs);
        assertThat(store.poisonRows()).isEqualTo(1);
        assertThat(all(ActivityQuery.builder().limit(1000).build())).hasSize(49);
        assertThat(store.get(poison.id())).isEmpty();
    }

    @Test
    void storesTextWithNulBytes() {
        ActivityLog log = ActivityLog.builder(ActionType.CREATE)
                .occurredAt(Records.T0)
                .remarks("a\0b")
                .actor("n\0l")
                .build();
        store.append(List.of(log));
        ActivityLog back = store.get(log.id()).orElseThrow();
        assertThat(back.remarks().orElseThrow()).isIn("a\0b", "a\\u0000b");
        assertThat(store.poisonRows()).isZero();
    }

    @Test
    void findsTextWithNulBytes() {
        ActivityLog log = ActivityLog.builder(ActionType.CREATE)
                .occurredAt(Records.T0)
                .remarks("x\0y")
                .actor("a\0")
                .build();
        store.append(List.of(log));
        assertThat(store.find(ActivityQuery.builder().text("x\0y").build()).items())
                .extracting(ActivityLog::id)
                .containsExactly(log.id());
        assertThat(store.find(ActivityQuery.builder().actor("a\0").build()).items())
                .hasSize(1);
    }

    @Test
    void anOutageThrowsSoTheRecorderRetriesAndPoisonsNothing() {
        List<ActivityLog> logs = Records.random(20, 8);
        dataSource.down(true);
        assertThatThrownBy(() -> store.append(logs)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.find(ActivityQuery.latest())).isInstanceOf(RuntimeException.class);
        dataSource.down(false);
        store.append(logs);
        assertThat(all(ActivityQuery.builder().limit(1000).build())).hasSize(20);
        assertThat(store.poisonRows()).isZero();
    }

    @Test
    void concurrentOverlappingAppendsNeverDuplicate() throws Exception {
        List<ActivityLog> logs = Records.random(400, 7);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t * 50;
                done.add(pool.submit(() -> {
                    for (int i = from; i < 400; i += 100) {
                        store.append(logs.subList(i, Math.min(400, i + 150)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all(ActivityQuery.builder().limit(1000).build())).hasSize(400);
        assertThat(store.poisonRows()).isZero();
    }

    @Test
    void keepsMicrosecondsInUtc() {
        ActivityLog log = ActivityLog.builder(ActionType.READ)
                .occurredAt(Records.T0.plus(1, ChronoUnit.MICROS))
                .build();
        store.append(List.of(log));
        assertThat(store.get(log.id()).orElseThrow().occurredAt()).isEqualTo(Records.T0.plus(1, ChronoUnit.MICROS));
        assertThat(store.find(ActivityQuery.builder()
                                .from(log.occurredAt())
                                .to(log.occurredAt().plusNanos(1000))
                                .build())
                        .items())
                .containsExactly(log);
    }

    protected List<ActivityLog> all(ActivityQuery query) {
        List<ActivityLog> out = new ArrayList<>();
        ActivityQuery q = query;
        while (true) {
            ActivityPage page = store.find(q);
            out.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return out;
            }
            q = q.toBuilder().cursor(page.nextCursor().get()).build();
        }
    }
}
