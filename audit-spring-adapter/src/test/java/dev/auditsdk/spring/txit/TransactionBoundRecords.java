// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.txit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.jdbi.JdbiOutbox;
import dev.auditsdk.jdbi.JdbiTrail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code audit.transactions=after-commit} (the default) and {@code outbox} in a Spring Boot application
 * whose audit store shares the application's database, on H2 and on PostgreSQL: records wait for the
 * commit of the {@code @Transactional} method or {@code TransactionTemplate} they were made in. Run by
 * {@link TransactionBoundRecordsH2IT}, {@link TransactionBoundRecordsPostgresIT} and the outbox's
 * {@link TransactionalOutboxH2IT} and {@link TransactionalOutboxPostgresIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransactionBoundRecords {
    /** How long the mixed load runs; the issue asks 20 s, the shared 2-core build machine allows 10. */
    private static final Duration LOAD = Duration.ofSeconds(10);

    private static final AtomicLong IDS = new AtomicLong();

    private @Nullable ConfigurableApplicationContext ctx;

    /** The datasource URL, user and password of the database under test. */
    abstract String[] database();

    @BeforeAll
    void start() {
        String[] db = database();
        ctx = new SpringApplicationBuilder(TransactionsTestApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--spring.datasource.url=" + db[0],
                        "--spring.datasource.username=" + db[1],
                        "--spring.datasource.password=" + db[2],
                        "--spring.datasource.hikari.maximum-pool-size=12",
                        "--audit.store=jdbc",
                        "--audit.jdbc.use-application-datasource=true",
                        "--audit.linger=5ms",
                        "--audit.transactions=" + (outbox() ? "outbox" : "after-commit"));
        bean(JdbcTemplate.class).execute("CREATE TABLE transfer (id BIGINT PRIMARY KEY)");
    }

    /** {@code audit.transactions=outbox} instead of the default after-commit. */
    boolean outbox() {
        return false;
    }

    /** Called once the application has stopped: drop the database here. */
    void afterStop() {}

    @AfterAll
    void stop() {
        try {
            if (ctx != null) {
                ctx.close();
            }
        } finally {
            afterStop();
        }
    }

    <T> T bean(Class<T> type) {
        return java.util.Objects.requireNonNull(ctx).getBean(type);
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    long rows(String table, long id) {
        String column = table.equals("transfer") ? "id" : "target_id";
        String where = table.equals("transfer") ? "id = ?" : "target_type = 'Transfer' AND target_id = ?";
        Object key = table.equals("transfer") ? (Object) id : (Object) Long.toString(id);
        Long n = bean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(" + column + ") FROM " + table + " WHERE " + where, Long.class, key);
        return n == null ? 0 : n;
    }

    /** Everything committed so far written to the trail: relayed out of the outbox first in that mode. */
    void flush() {
        if (outbox()) {
            JdbiOutbox box = bean(JdbiOutbox.class);
            while (box.lag().rows() > 0) {
                box.relayOnce();
            }
        }
        assertThat(bean(ActivityRecorder.class).flush(Duration.ofSeconds(30))).isTrue();
    }

    VerificationReport verify() throws Exception {
        List<ActivityLog> rows = new ArrayList<>();
        JdbiTrail.of(bean(DataSource.class), "activity_log").forEach(rows::add);
        return ActivityVerifier.builder().build().verify(rows);
    }

    @Test
    void aTransactionalMethodThatThrowsAfterRecordLeavesNoRow() {
        long id = nextId();
        long discardedBefore = bean(ActivityRecorder.class).stats().discarded();
        assertThatThrownBy(
                        () -> bean(TransactionsTestApplication.Transfers.class).transfer(id, true))
                .hasMessageContaining("business rule broken");
        flush();
        assertThat(rows("transfer", id)).isZero();
        assertThat(rows("activity_log", id)).isZero();
        assertThat(bean(ActivityRecorder.class).stats().discarded()).isEqualTo(discardedBefore + 1);
    }

    @Test
    void aCommittedTransactionalMethodLeavesExactlyOneRowAndTheChainVerifies() throws Exception {
        long id = nextId();
        bean(TransactionsTestApplication.Transfers.class).transfer(id, false);
        flush();
        assertThat(rows("transfer", id)).isEqualTo(1);
        assertThat(rows("activity_log", id)).isEqualTo(1);
        VerificationReport report = verify();
        assertThat(report.clean()).as(report.toJson()).isTrue();
    }

    @Test
    void aTransactionTemplateHoldsTheRecordUntilItsCommit() {
        long committed = nextId();
        long rolledBack = nextId();
        ActivityRecorder recorder = bean(ActivityRecorder.class);
        TransactionTemplate template = bean(TransactionTemplate.class);
        template.executeWithoutResult(status -> {
            bean(TransactionsTestApplication.Transfers.class).work(committed, false);
            assertThat(recorder.stats().held()).isPositive();
        });
        template.executeWithoutResult(status -> {
            bean(TransactionsTestApplication.Transfers.class).work(rolledBack, false);
            status.setRollbackOnly();
        });
        flush();
        assertThat(rows("activity_log", committed)).isEqualTo(1);
        assertThat(rows("activity_log", rolledBack)).isZero();
        assertThat(rows("transfer", rolledBack)).isZero();
    }

    @Test
    void aRequiresNewTransactionKeepsItsRecordWhenTheOuterOneRollsBack() {
        long outer = nextId();
        long inner = nextId();
        assertThatThrownBy(() -> bean(TransactionTemplate.class).executeWithoutResult(status -> {
                    bean(TransactionsTestApplication.Transfers.class).work(outer, false);
                    bean(TransactionsTestApplication.Transfers.class).transferOnItsOwn(inner);
                    throw new IllegalStateException("outer fails");
                }))
                .hasMessage("outer fails");
        flush();
        assertThat(rows("activity_log", inner)).isEqualTo(1);
        assertThat(rows("activity_log", outer)).isZero();
    }

    @Test
    void withoutATransactionTheRecordIsHandedOverAtOnce() {
        ActivityRecorder recorder = bean(ActivityRecorder.class);
        long id = nextId();
        long enqueued = recorder.stats().enqueued();
        recorder.record(ActionType.READ, b -> b.actor("teller").target("Transfer", id));
        RecorderStats after = recorder.stats();
        assertThat(after.enqueued()).isEqualTo(enqueued + 1);
        assertThat(after.held()).isZero();
        flush();
        assertThat(rows("activity_log", id)).isEqualTo(1);
    }

    @Test
    void eightThreadsMixingCommitsAndRollbacksLeaveOneRowPerCommitAndACleanChain() throws Exception {
        long first = IDS.get() + 1;
        AtomicLong commits = new AtomicLong();
        AtomicLong rollbacks = new AtomicLong();
        long discardedBefore = bean(ActivityRecorder.class).stats().discarded();
        long end = System.nanoTime() + LOAD.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long id = nextId();
                        boolean fail = ThreadLocalRandom.current().nextInt(3) == 0;
                        try {
                            bean(TransactionsTestApplication.Transfers.class).transfer(id, fail);
                            commits.incrementAndGet();
                        } catch (IllegalStateException e) {
                            rollbacks.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        flush();
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        Set<String> transfers = new HashSet<>(
                jdbc.queryForList("SELECT CAST(id AS VARCHAR(20)) FROM transfer WHERE id >= ?", String.class, first));
        List<String> records = jdbc.queryForList(
                "SELECT target_id FROM activity_log WHERE target_type = 'Transfer' AND actor = 'teller'"
                        + " AND action = 'Create' AND CAST(target_id AS BIGINT) >= ?",
                String.class,
                first);
        // A figure for RELIABILITY.md, not an assertion: the loaded machine sets the pace.
        System.out.println("TRANSACTIONS " + getClass().getSimpleName() + ": 8 threads, " + LOAD.toSeconds() + " s, "
                + commits.get() + " commits, " + rollbacks.get() + " rollbacks, " + records.size() + " audit rows");
        assertThat(commits.get()).as("commits").isPositive();
        assertThat(rollbacks.get()).as("rollbacks").isPositive();
        assertThat(transfers).hasSize((int) commits.get());
        assertThat(records).hasSize((int) commits.get()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(records)).isEqualTo(transfers);
        assertThat(bean(ActivityRecorder.class).stats().discarded() - discardedBefore)
                .isEqualTo(rollbacks.get());
        assertThat(bean(ActivityRecorder.class).stats().lost()).isZero();
        VerificationReport report = verify();
        assertThat(report.clean()).as(report.toJson()).isTrue();
    }
}
