// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityCount;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.Sanitizer;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.spi.ActivityCursor;
import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.spi.TenantSelection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ActivityStore} must have. A store's test extends this class and
 * returns a fresh, empty store from {@link #newStore()}; the in-memory store is the reference.
 *
 * @since 0.1
 */
public abstract class ActivityStoreContractTest {
    /** A fixed, far-from-now base time so tests control ordering exactly. */
    protected static final Instant BASE = Instant.parse("2026-03-01T12:00:00Z");

    /** Beyond every database's range (PostgreSQL ends in 294276) yet still a valid cursor. */
    private static final Instant FAR_FUTURE = Instant.parse("+200000-01-01T00:00:00Z");

    /** Before every database's range (PostgreSQL starts in 4714 BC). */
    private static final Instant FAR_PAST = Instant.parse("-200000-01-01T00:00:00Z");

    /** The store under test; a new one for every test. */
    protected ActivityStore store;

    /** Returns a new store holding no records. */
    protected abstract ActivityStore newStore();

    /** Releases a store made by {@link #newStore()}; closes it by default. */
    protected void closeStore(ActivityStore store) {
        store.close();
    }

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void releaseStore() {
        // Null when newStore() aborted the test (e.g. a database that is not there outside CI).
        if (store != null) {
            closeStore(store);
        }
    }

    /** A record of {@code action} at {@code BASE + seconds}, customized by {@code details}. */
    protected static ActivityLog at(long seconds, ActionType action, UnaryOperator<ActivityLog.Builder> details) {
        return details.apply(ActivityLog.builder(action).occurredAt(BASE.plusSeconds(seconds)))
                .build();
    }

    /** Every record matching {@code query}, following cursors, newest first. */
    protected List<ActivityLog> findAll(ActivityQuery query) {
        List<ActivityLog> out = new ArrayList<>();
        ActivityQuery q = query;
        for (int pages = 0; pages < 100_000; pages++) {
            ActivityPage page = store.find(q);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(q.limit());
            out.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return out;
            }
            q = q.toBuilder().cursor(page.nextCursor().get()).build();
        }
        throw new AssertionError("pagination did not end");
    }

    private List<ActivityLog> all() {
        return findAll(ActivityQuery.builder().limit(ActivityQuery.MAX_LIMIT).build());
    }

    private static List<UUID> ids(List<ActivityLog> logs) {
        return logs.stream().map(ActivityLog::id).toList();
    }

    private static List<ActivityLog> sorted(List<ActivityLog> logs) {
        List<ActivityLog> copy = new ArrayList<>(logs);
        copy.sort(ActivityLog.NEWEST_FIRST);
        return copy;
    }

    /** A record with every field set. */
    protected static ActivityLog full() {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("field", "title");
        data.put("count", 3);
        data.put("ratio", 0.25);
        data.put("big", 9_007_199_254_740_993L);
        data.put("ok", true);
        data.put("nothing", null);
        data.put("tags", List.of("a", "b", List.of(1, 2)));
        data.put("nested", Map.of("deeper", Map.of("k", "v")));
        return ActivityLog.builder(ActionType.UPDATE)
                .occurredAt(BASE.plus(123_456, ChronoUnit.MICROS))
                .actor("alice")
                .actorName("Alice Liddell")
                .tenant("acme")
                .loginName("alice@example.com")
                .status(Status.FAILED)
                .remarks("User: alice -- Action Type: Update -- Path: /api/posts/7 -- Path Name: posts-detail")
                .target("Post", "7")
                .clientIp("2001:db8::1")
                .userAgent("Mozilla/5.0 (X11)")
                .requestId("req-1")
                .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .httpMethod("PUT")
                .httpPath("/api/posts/7")
                .httpRoute("/api/posts/{id}")
                .httpStatus(409)
                .durationMs(12L)
                .data(data)
                .source(Source.HTTP)
                .build();
    }

    @Nested
    class Append {
        @Test
        void storesEveryFieldAndReadsItBackEqual() {
            ActivityLog log = full();
            store.append(List.of(log));
            assertThat(store.get(log.id())).contains(log);
            assertThat(all()).containsExactly(log);
        }

        @Test
        void keepsAbsentValuesAbsent() {
            ActivityLog log =
                    ActivityLog.builder(ActionType.LOGOUT).occurredAt(BASE).build();
            store.append(List.of(log));
            ActivityLog read = store.get(log.id()).orElseThrow();
            assertThat(read).isEqualTo(log);
            assertThat(read.actor()).isEmpty();
            assertThat(read.target()).isEmpty();
            assertThat(read.httpStatus()).isEmpty();
            assertThat(read.data()).isEmpty();
        }

        @Test
        void storesCustomActionTypes() {
            ActivityLog log =
                    at(1, ActionType.of("Approve"), b -> b.actor("bob").target("Invoice", "INV-9"));
            store.append(List.of(log));
            assertThat(store.get(log.id()).orElseThrow().action()).isEqualTo(ActionType.of("Approve"));
        }

        @Test
        void unknownIdIsEmptyAndEmptyBatchIsNoOp() {
            store.append(List.of());
            assertThat(store.get(UUID.randomUUID())).isEmpty();
            assertThat(all()).isEmpty();
        }

        @Test
        void keepsMicrosecondsOfTime() {
            ActivityLog log = at(0, ActionType.READ, b -> b.occurredAt(BASE.plusNanos(999_999_000)));
            store.append(List.of(log));
            assertThat(store.get(log.id()).orElseThrow().occurredAt()).isEqualTo(BASE.plusNanos(999_999_000));
        }
    }

    @Nested
    class Idempotency {
        @Test
        void reappendingTheSameIdsStoresEachOnce() {
            List<ActivityLog> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(at(i, ActionType.CREATE, b -> b.actor("alice")));
            }
            store.append(batch);
            store.append(batch);
            store.append(batch.subList(5, 10));
            assertThat(ids(all())).containsExactlyElementsOf(ids(sorted(batch)));
        }

        @Test
        void aBatchMixingStoredAndNewRecordsAddsOnlyTheNew() {
            ActivityLog a = at(1, ActionType.READ, b -> b.actor("a"));
            ActivityLog b2 = at(2, ActionType.READ, b -> b.actor("b"));
            store.append(List.of(a));
            store.append(List.of(a, b2, b2));
            assertThat(ids(all())).containsExactly(b2.id(), a.id());
        }

        @Test
        void aDuplicateKeepsTheFirstVersion() {
            ActivityLog first = at(1, ActionType.READ, b -> b.remarks("first"));
            ActivityLog second = first.toBuilder().remarks("second").build();
            store.append(List.of(first));
            store.append(List.of(second));
            assertThat(store.get(first.id()).orElseThrow().remarks()).contains("first");
        }

        /** As an at-least-once transport (Kafka, a journal replay) redelivers: late, reordered, repeated. */
        @Test
        void redeliveryLateAndOutOfOrderStoresEachRecordOnce() {
            List<ActivityLog> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                batch.add(at(i, ActionType.UPDATE, b -> b.actor("alice")));
            }
            store.append(batch.subList(0, 3));
            store.append(List.of(batch.get(2), batch.get(1)));
            store.append(List.of(batch.get(5), batch.get(0), batch.get(3), batch.get(4), batch.get(5)));
            assertThat(ids(all())).containsExactlyElementsOf(ids(sorted(batch)));
        }

        /** Two writers delivering overlapping batches at once (two loaders around a rebalance). */
        @Test
        void overlappingBatchesFromTwoWritersAtOnceStoreEachRecordOnce() throws Exception {
            List<ActivityLog> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                batch.add(at(i, ActionType.CREATE, b -> b.actor("bob")));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> store.append(batch.subList(0, 150)));
                var second = pool.submit(() -> store.append(batch.subList(50, 200)));
                first.get(60, java.util.concurrent.TimeUnit.SECONDS);
                second.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(ids(all())).containsExactlyElementsOf(ids(sorted(batch)));
        }
    }

    @Nested
    class Query {
        private ActivityLog alicePost;
        private ActivityLog bobPostFailed;
        private ActivityLog aliceArticle;
        private ActivityLog carolLogin;

        @BeforeEach
        void fill() {
            alicePost = at(
                    10,
                    ActionType.UPDATE,
                    b -> b.actor("alice")
                            .target("Post", "7")
                            .requestId("r1")
                            .tenant("acme")
                            .remarks("Changed TITLE of post"));
            bobPostFailed = at(
                    20,
                    ActionType.DELETE,
                    b -> b.actor("bob")
                            .target("Post", "8")
                            .status(Status.FAILED)
                            .remarks("100% done_now"));
            aliceArticle = at(
                    30,
                    ActionType.READ,
                    b -> b.actor("alice")
                            .target("Article", "7")
                            .requestId("r2")
                            .tenant("globex")
                            .remarks("read article"));
            carolLogin = at(
                    40,
                    ActionType.LOGIN,
                    b -> b.actor("carol").loginName("carol").remarks("carol is logged in with ip:10.0.0.1"));
            store.append(List.of(alicePost, bobPostFailed, aliceArticle, carolLogin));
        }

        private List<ActivityLog> find(UnaryOperator<ActivityQuery.Builder> q) {
            return findAll(q.apply(ActivityQuery.builder()).build());
        }

        @Test
        void withoutFiltersReturnsAllNewestFirst() {
            assertThat(find(q -> q)).containsExactly(carolLogin, aliceArticle, bobPostFailed, alicePost);
        }

        @Test
        void byActor() {
            assertThat(find(q -> q.actor("alice"))).containsExactly(aliceArticle, alicePost);
            assertThat(find(q -> q.actor("nobody"))).isEmpty();
        }

        @Test
        void byOneOrSeveralActions() {
            assertThat(find(q -> q.action(ActionType.LOGIN))).containsExactly(carolLogin);
            assertThat(find(q -> q.actions(List.of(ActionType.UPDATE, ActionType.DELETE))))
                    .containsExactly(bobPostFailed, alicePost);
        }

        @Test
        void byStatus() {
            assertThat(find(q -> q.status(Status.FAILED))).containsExactly(bobPostFailed);
            assertThat(find(q -> q.status(Status.SUCCESS))).hasSize(3);
        }

        @Test
        void byTargetTypeAndId() {
            assertThat(find(q -> q.targetType("Post"))).containsExactly(bobPostFailed, alicePost);
            assertThat(find(q -> q.targetType("Post").targetId("7"))).containsExactly(alicePost);
            assertThat(find(q -> q.targetId("7"))).containsExactly(aliceArticle, alicePost);
        }

        @Test
        void byRequestIdAndTenant() {
            assertThat(find(q -> q.requestId("r2"))).containsExactly(aliceArticle);
            assertThat(find(q -> q.tenant("acme"))).containsExactly(alicePost);
        }

        @Test
        void byTimeRangeFromInclusiveToExclusive() {
            assertThat(find(q -> q.from(BASE.plusSeconds(20)).to(BASE.plusSeconds(40))))
                    .containsExactly(aliceArticle, bobPostFailed);
            assertThat(find(q -> q.from(BASE.plusSeconds(40)))).containsExactly(carolLogin);
            assertThat(find(q -> q.to(BASE.plusSeconds(10)))).isEmpty();
        }

        @Test
        void byLoginNameExactlyAlsoWithoutAnActor() {
            ActivityLog tried = ActivityLogs.loginFailed("carol").toBuilder()
                    .occurredAt(BASE.plusSeconds(50))
                    .build();
            ActivityLog other =
                    at(60, ActionType.LOGIN_FAILED, b -> b.status(Status.FAILED).loginName("Carol"));
            store.append(List.of(tried, other));
            assertThat(find(q -> q.loginName("carol"))).containsExactly(tried, carolLogin);
            assertThat(find(q -> q.loginName("carol").action(ActionType.LOGIN_FAILED)))
                    .containsExactly(tried);
            assertThat(find(q -> q.loginName("Carol"))).containsExactly(other);
            assertThat(find(q -> q.loginName("car"))).isEmpty();
            assertThat(store.get(tried.id()).orElseThrow().loginName()).contains("carol");
        }

        @Test
        void theWholeSupportedTimeRangeFindsEverything() {
            assertThat(find(q -> q.from(ActivityQuery.MIN_TIME).to(ActivityQuery.MAX_TIME)))
                    .containsExactly(carolLogin, aliceArticle, bobPostFailed, alicePost);
        }

        @Test
        void aCursorOrCutoffFarOutsideTheSupportedRangeIsNoDatabaseError() {
            String future = ActivityCursor.after(at(0, ActionType.READ, b -> b.occurredAt(FAR_FUTURE)))
                    .encode();
            String past = ActivityCursor.after(at(0, ActionType.READ, b -> b.occurredAt(FAR_PAST)))
                    .encode();
            assertThat(findAll(ActivityQuery.builder().cursor(future).build()))
                    .containsExactly(carolLogin, aliceArticle, bobPostFailed, alicePost);
            assertThat(store.find(ActivityQuery.builder().cursor(past).build()).items())
                    .isEmpty();
            assertThat(store.purgeBefore(FAR_PAST)).isZero();
            assertThat(store.purgeBefore(Instant.MAX)).isEqualTo(4);
            assertThat(all()).isEmpty();
        }

        @Test
        void byTextIgnoringCase() {
            assertThat(find(q -> q.text("title"))).containsExactly(alicePost);
            assertThat(find(q -> q.text("LOGGED IN"))).containsExactly(carolLogin);
        }

        @Test
        void textWildcardsMatchOnlyThemselves() {
            assertThat(find(q -> q.text("%"))).containsExactly(bobPostFailed);
            assertThat(find(q -> q.text("_"))).containsExactly(bobPostFailed);
            assertThat(find(q -> q.text("100%_"))).isEmpty();
            assertThat(find(q -> q.text("\\"))).isEmpty();
        }

        @Test
        void combinesFilters() {
            assertThat(find(q -> q.actor("alice")
                            .targetType("Post")
                            .action(ActionType.UPDATE)
                            .status(Status.SUCCESS)))
                    .containsExactly(alicePost);
            assertThat(find(q -> q.actor("alice").status(Status.FAILED))).isEmpty();
        }
    }

    @Nested
    class TimeRange {
        @Test
        void keepsAndFindsTimesAtBothEndsOfTheSupportedRange() {
            ActivityLog first = at(0, ActionType.READ, b -> b.occurredAt(ActivityQuery.MIN_TIME));
            ActivityLog last = at(0, ActionType.READ, b -> b.occurredAt(ActivityQuery.MAX_TIME));
            store.append(List.of(first, last));
            assertThat(store.get(first.id())).contains(first);
            assertThat(store.get(last.id())).contains(last);
            assertThat(findAll(ActivityQuery.builder()
                            .from(ActivityQuery.MIN_TIME)
                            .to(ActivityQuery.MAX_TIME)
                            .build()))
                    .containsExactly(first);
            // One per page: each page's cursor holds an extreme time.
            assertThat(findAll(ActivityQuery.builder().limit(1).build())).containsExactly(last, first);
            assertThat(findAll(ActivityQuery.builder()
                            .from(ActivityQuery.MAX_TIME)
                            .limit(1)
                            .build()))
                    .containsExactly(last);
        }
    }

    @Nested
    class Ordering {
        @Test
        void newestFirstWithTiesBrokenById() {
            List<ActivityLog> logs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int second = i % 3;
                logs.add(at(second, ActionType.READ, b -> b.id(UUID.randomUUID())));
            }
            Collections.shuffle(logs, new Random(7));
            store.append(logs);
            assertThat(ids(all())).containsExactlyElementsOf(ids(sorted(logs)));
        }

        @Test
        void idsCompareAsUnsignedNumbers() {
            ActivityLog low =
                    at(0, ActionType.READ, b -> b.id(UUID.fromString("00000000-0000-7000-8000-000000000001")));
            ActivityLog high =
                    at(0, ActionType.READ, b -> b.id(UUID.fromString("f0000000-0000-7000-8000-000000000001")));
            store.append(List.of(low, high));
            assertThat(ids(all())).containsExactly(high.id(), low.id());
        }
    }

    /**
     * What every read surface relies on to keep tenants apart (core's {@code ReadScope} adds the
     * tenant filter to every query): the tenant filter matches exactly, pages within it have no gap and
     * no stranger, and a cursor taken from another tenant's pages leads only to the asked tenant's records.
     */
    @Nested
    class Tenants {
        private final List<ActivityLog> logs = new ArrayList<>();

        @BeforeEach
        void fill() {
            List<@Nullable String> tenants =
                    Arrays.asList("acme", "ACME", "acme-corp", "ac%", "ac_e", "Ünïcødé 🏢", null);
            for (int i = 0; i < 140; i++) {
                @Nullable String tenant = tenants.get(i % tenants.size());
                String actor = "u" + (i % 5);
                // every second pair shares a time, so the tie on id matters
                logs.add(at(
                        i / 2,
                        i % 3 == 0 ? ActionType.READ : ActionType.UPDATE,
                        b -> b.actor(actor).tenant(tenant)));
            }
            store.append(logs);
        }

        private List<ActivityLog> of(@Nullable String tenant) {
            return sorted(logs.stream()
                    .filter(l -> java.util.Objects.equals(l.tenant().orElse(null), tenant))
                    .toList());
        }

        @Test
        void theTenantFilterMatchesExactlyAndCaseSensitively() {
            for (String tenant : List.of("acme", "ACME", "acme-corp", "ac%", "ac_e", "Ünïcødé 🏢")) {
                assertThat(ids(findAll(ActivityQuery.builder()
                                .tenant(tenant)
                                .limit(ActivityQuery.MAX_LIMIT)
                                .build())))
                        .as("tenant %s", tenant)
                        .containsExactlyElementsOf(ids(of(tenant)));
            }
            assertThat(store.find(ActivityQuery.builder().tenant("ac").build()).items())
                    .isEmpty();
        }

        @Test
        void pagesWithinATenantHaveNoGapAndNoStranger() {
            assertThat(ids(findAll(
                            ActivityQuery.builder().tenant("acme").limit(3).build())))
                    .doesNotHaveDuplicates()
                    .containsExactlyElementsOf(ids(of("acme")));
        }

        @Test
        void anotherTenantsCursorLeadsOnlyToTheAskedTenantsRecords() {
            ActivityPage theirs =
                    store.find(ActivityQuery.builder().tenant("ACME").limit(4).build());
            String cursor = theirs.nextCursor().orElseThrow();
            List<ActivityLog> ours = findAll(ActivityQuery.builder()
                    .tenant("acme")
                    .cursor(cursor)
                    .limit(5)
                    .build());
            ActivityLog last = theirs.items().get(theirs.items().size() - 1);
            assertThat(ids(ours))
                    .containsExactlyElementsOf(ids(of("acme").stream()
                            .filter(l -> ActivityLog.NEWEST_FIRST.compare(l, last) > 0)
                            .toList()));
        }

        @Test
        void theTenantFilterCombinesWithTheOthers() {
            List<ActivityLog> expected = of("acme").stream()
                    .filter(l -> l.action().equals(ActionType.READ)
                            && l.actor().orElseThrow().equals("u0"))
                    .toList();
            assertThat(ids(findAll(ActivityQuery.builder()
                            .tenant("acme")
                            .action(ActionType.READ)
                            .actor("u0")
                            .limit(2)
                            .build())))
                    .isNotEmpty()
                    .containsExactlyElementsOf(ids(expected));
        }
    }

    @Nested
    class Pagination {
        @Test
        void pagesHaveNoGapsAndNoRepeats() {
            Random random = new Random(42);
            List<ActivityLog> logs = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                logs.add(ActivityLogs.random(random, BASE.plusSeconds(random.nextInt(40))));
            }
            store.append(logs);
            List<ActivityLog> paged = findAll(ActivityQuery.builder().limit(7).build());
            assertThat(ids(paged)).doesNotHaveDuplicates().containsExactlyElementsOf(ids(sorted(logs)));
        }

        @Test
        void pagesWithinAFilter() {
            Random random = new Random(43);
            List<ActivityLog> logs = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                logs.add(ActivityLogs.random(random, BASE.plusSeconds(random.nextInt(10))));
            }
            store.append(logs);
            List<ActivityLog> alice = sorted(logs.stream()
                    .filter(l -> l.actor().orElseThrow().equals("alice"))
                    .toList());
            assertThat(ids(findAll(
                            ActivityQuery.builder().actor("alice").limit(5).build())))
                    .containsExactlyElementsOf(ids(alice));
        }

        @Test
        void anExactMultipleEndsWithoutAnEmptyPage() {
            List<ActivityLog> logs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                logs.add(at(i, ActionType.READ, b -> b));
            }
            store.append(logs);
            ActivityPage first = store.find(ActivityQuery.builder().limit(10).build());
            assertThat(first.items()).hasSize(10);
            assertThat(first.nextCursor()).isPresent();
            ActivityPage second = store.find(ActivityQuery.builder()
                    .limit(10)
                    .cursor(first.nextCursor().get())
                    .build());
            assertThat(second.items()).hasSize(10);
            assertThat(second.nextCursor()).isEmpty();
        }

        @Test
        void pageSizeIsCappedAndDefaulted() {
            List<ActivityLog> logs = new ArrayList<>();
            for (int i = 0; i < 1100; i++) {
                logs.add(at(i, ActionType.READ, b -> b));
            }
            store.append(logs);
            assertThat(store.find(ActivityQuery.builder().limit(50_000).build()).items())
                    .hasSize(ActivityQuery.MAX_LIMIT);
            assertThat(store.find(ActivityQuery.latest()).items()).hasSize(ActivityQuery.DEFAULT_LIMIT);
        }

        @Test
        void aMalformedCursorIsAClearError() {
            assertThatThrownBy(() -> store.find(
                            ActivityQuery.builder().cursor("not-a-cursor!").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cursor");
        }
    }

    @Nested
    class Purge {
        @Test
        void deletesOnlyRecordsBeforeTheCutoff() {
            List<ActivityLog> logs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                logs.add(at(i, ActionType.READ, b -> b));
            }
            store.append(logs);
            assertThat(store.purgeBefore(BASE.plusSeconds(4))).isEqualTo(4);
            List<ActivityLog> left = all();
            assertThat(left).hasSize(6).allMatch(l -> !l.occurredAt().isBefore(BASE.plusSeconds(4)));
            assertThat(store.purgeBefore(BASE.plusSeconds(4))).isZero();
        }

        @Test
        void purgesMoreRowsThanOneDeleteBatch() {
            List<ActivityLog> logs = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) {
                logs.add(at(i % 600, ActionType.READ, b -> b));
                if (logs.size() == 1000) {
                    store.append(logs);
                    logs.clear();
                }
            }
            ActivityLog keep = at(10_000, ActionType.READ, b -> b);
            store.append(List.of(keep));
            assertThat(store.purgeBefore(BASE.plusSeconds(5_000))).isEqualTo(12_000);
            assertThat(all()).containsExactly(keep);
        }

        private List<ActivityLog> tenantTrail() {
            List<ActivityLog> logs = new ArrayList<>();
            List<@Nullable String> tenants = Arrays.asList("acme", "globex", "ac%", null);
            for (int i = 0; i < 40; i++) {
                @Nullable String tenant = tenants.get(i % tenants.size());
                logs.add(at(i, ActionType.READ, b -> b.tenant(tenant)));
            }
            store.append(logs);
            return logs;
        }

        @Test
        void purgesOnlyTheSelectedTenantsRecordsBeforeTheCutoff() {
            List<ActivityLog> logs = tenantTrail();
            Instant cutoff = BASE.plusSeconds(20);

            assertThat(store.purgeBefore(cutoff, TenantSelection.only("acme"))).isEqualTo(5);

            assertThat(ids(all()))
                    .containsExactlyInAnyOrderElementsOf(ids(logs.stream()
                            .filter(l -> !(l.tenant().filter("acme"::equals).isPresent()
                                    && l.occurredAt().isBefore(cutoff)))
                            .toList()));
        }

        @Test
        void purgesEveryOtherTenantAndRecordsWithoutTenant() {
            List<ActivityLog> logs = tenantTrail();
            Instant cutoff = BASE.plusSeconds(20);

            // "ac%" is excepted as a value, never as a LIKE pattern
            assertThat(store.purgeBefore(cutoff, TenantSelection.allExcept(Set.of("acme", "ac%"))))
                    .isEqualTo(10);

            assertThat(ids(all()))
                    .containsExactlyInAnyOrderElementsOf(ids(logs.stream()
                            .filter(l -> !l.occurredAt().isBefore(cutoff)
                                    || l.tenant()
                                            .filter(t -> t.equals("acme") || t.equals("ac%"))
                                            .isPresent())
                            .toList()));
            assertThat(store.purgeBefore(cutoff, TenantSelection.allExcept(Set.of())))
                    .isEqualTo(10);
            assertThat(all()).allMatch(l -> !l.occurredAt().isBefore(cutoff));
        }
    }

    @Nested
    class Concurrency {
        @Test
        void concurrentAppendsLoseAndDuplicateNothing() throws Exception {
            int threads = 6;
            int perThread = 400;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<ActivityLog> shared = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                shared.add(at(i, ActionType.READ, b -> b.actor("shared")));
            }
            try {
                List<Future<List<ActivityLog>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int seed = t;
                    futures.add(pool.submit(() -> {
                        Random random = new Random(seed);
                        List<ActivityLog> mine = new ArrayList<>();
                        for (int i = 0; i < perThread; i += 20) {
                            List<ActivityLog> batch = new ArrayList<>();
                            for (int j = 0; j < 20; j++) {
                                batch.add(ActivityLogs.random(random, BASE.plusMillis(random.nextInt(100_000))));
                            }
                            store.append(batch);
                            store.append(shared.subList(i % 50, Math.min(50, i % 50 + 5)));
                            mine.addAll(batch);
                        }
                        return mine;
                    }));
                }
                Set<UUID> expected = new HashSet<>(ids(shared));
                for (Future<List<ActivityLog>> f : futures) {
                    expected.addAll(ids(f.get()));
                }
                store.append(shared);
                List<UUID> stored = ids(all());
                assertThat(stored).doesNotHaveDuplicates();
                assertThat(new HashSet<>(stored)).isEqualTo(expected);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class UnicodeAndLargeValues {
        @Test
        void keepsUnicodeEverywhere() {
            ActivityLog log = at(
                    1,
                    ActionType.of("Genehmigen ✓"),
                    b -> b.actor("Łukasz Żółć")
                            .actorName("山田 太郎")
                            .remarks("emoji 😀👍🏽, RTL שלום, combining é, CJK 漢字")
                            .target("Ärger", "ключ-😀")
                            .data(Map.of("名前", "値 😀", "list", List.of("ß", "ǅ"))));
            store.append(List.of(log));
            assertThat(store.get(log.id())).contains(log);
            assertThat(findAll(ActivityQuery.builder()
                            .actor("Łukasz Żółć")
                            .text("שלום")
                            .build()))
                    .containsExactly(log);
        }

        @Test
        void keepsValuesAtTheSanitizerLimits() {
            char[] big = new char[10_000_000];
            Arrays.fill(big, 'x');
            Map<String, Object> bigData = new LinkedHashMap<>();
            for (int i = 0; i < 5_000; i++) {
                bigData.put("key" + i, "value-" + "v".repeat(40));
            }
            ActivityLog raw = at(
                    1,
                    ActionType.CREATE,
                    b -> b.remarks(new String(big))
                            .actor("a".repeat(300))
                            .userAgent("u".repeat(5_000))
                            .data(bigData));
            ActivityLog log = Sanitizer.defaults().sanitize(raw);
            assertThat(log.remarks().orElseThrow()).hasSize(4096).endsWith("...[truncated]");
            assertThat(log.actor().orElseThrow()).hasSize(255);
            store.append(List.of(log));
            assertThat(store.get(log.id())).contains(log);
        }

        @Test
        void keepsEscapedControlCharacters() {
            ActivityLog log = Sanitizer.defaults()
                    .sanitize(at(
                            1,
                            ActionType.READ,
                            b -> b.remarks("line1\r\nline2\u0000\u2028")
                                    .actor("al\nice")
                                    .data(Map.of("k", "a\u0000b\nc"))));
            store.append(List.of(log));
            ActivityLog read = store.get(log.id()).orElseThrow();
            assertThat(read).isEqualTo(log);
            assertThat(read.remarks().orElseThrow()).doesNotContain("\n", "\r", "\u0000");
        }
    }

    @Nested
    class ReadApi {
        private ActivityLog fromOffice;
        private ActivityLog failedLogin;
        private ActivityLog appRecord;

        @BeforeEach
        void fill() {
            fromOffice = at(
                    10,
                    ActionType.UPDATE,
                    b -> b.actor("alice")
                            .clientIp("203.0.113.7")
                            .source(Source.HTTP)
                            .integrity(chain("b", 2)));
            failedLogin = at(
                    20,
                    ActionType.LOGIN_FAILED,
                    b -> b.loginName("mallory")
                            .status(Status.FAILED)
                            .clientIp("2001:db8::9")
                            .source(Source.AUTH)
                            .integrity(chain("a", 1)));
            appRecord = at(
                    30,
                    ActionType.CREATE,
                    b -> b.actor("job").source(Source.APP).integrity(chain("b", 1)));
            store.append(List.of(fromOffice, failedLogin, appRecord));
        }

        private ActivityLog.Integrity chain(String chainId, long seq) {
            return new ActivityLog.Integrity(chainId, seq, "", "h" + chainId + seq);
        }

        @Test
        void byClientIp() {
            assertThat(findAll(ActivityQuery.builder().clientIp("203.0.113.7").build()))
                    .containsExactly(fromOffice);
            assertThat(findAll(ActivityQuery.builder().clientIp("203.0.113.8").build()))
                    .isEmpty();
        }

        @Test
        void bySource() {
            assertThat(findAll(ActivityQuery.builder().source(Source.AUTH).build()))
                    .containsExactly(failedLogin);
            assertThat(findAll(ActivityQuery.builder().source(Source.APP).build()))
                    .containsExactly(appRecord);
        }

        @Test
        void byNameTriedFindsFailedLoginsWithoutActor() {
            assertThat(findAll(ActivityQuery.builder().loginName("mallory").build()))
                    .containsExactly(failedLogin);
        }

        @Test
        void countsExactlyUpToTheBoundThenAtLeast() {
            assertThat(store.count(ActivityQuery.latest(), 10)).isEqualTo(new ActivityCount(3, true));
            assertThat(store.count(ActivityQuery.latest(), 3)).isEqualTo(new ActivityCount(3, true));
            assertThat(store.count(ActivityQuery.latest(), 2)).isEqualTo(new ActivityCount(2, false));
            assertThat(store.count(ActivityQuery.builder().source(Source.HTTP).build(), 10))
                    .isEqualTo(new ActivityCount(1, true));
            assertThat(store.count(ActivityQuery.builder().actor("nobody").build(), 10))
                    .isEqualTo(new ActivityCount(0, true));
        }

        @Test
        void countIgnoresCursorAndLimit() {
            ActivityPage first = store.find(ActivityQuery.builder().limit(1).build());
            ActivityQuery next = ActivityQuery.builder()
                    .limit(1)
                    .cursor(first.nextCursor().orElseThrow())
                    .build();
            assertThat(store.count(next, 10)).isEqualTo(new ActivityCount(3, true));
        }

        @Test
        void readsInChainOrderAndStopsWhenAsked() {
            ActivityLog unchained = at(40, ActionType.READ, b -> b.actor("zed"));
            store.append(List.of(unchained));
            List<ActivityLog> seen = new ArrayList<>();
            store.forEachInChainOrder(ActivityQuery.latest(), seen::add);
            assertThat(seen).containsExactly(unchained, failedLogin, appRecord, fromOffice);

            List<ActivityLog> firstTwo = new ArrayList<>();
            store.forEachInChainOrder(ActivityQuery.latest(), row -> {
                firstTwo.add(row);
                return firstTwo.size() < 2;
            });
            assertThat(firstTwo).containsExactly(unchained, failedLogin);
        }

        @Test
        void chainOrderAppliesTheFilters() {
            List<ActivityLog> seen = new ArrayList<>();
            store.forEachInChainOrder(
                    ActivityQuery.builder().from(BASE.plusSeconds(15)).build(), seen::add);
            assertThat(seen).containsExactly(failedLogin, appRecord);
        }
    }
}
