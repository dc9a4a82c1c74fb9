// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.hibernate.entities.Author;
import dev.auditsdk.hibernate.entities.Post;
import dev.auditsdk.spi.TransactionBinding;
import dev.auditsdk.test.TestDatabases;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entity changes and a recorder bound to a framework's transactions (issue 15's {@link
 * TransactionBinding}), the way Spring's {@code JpaTransactionManager} runs them: the framework
 * transaction is still active while Hibernate commits and runs its completion callbacks. The entity
 * records must reach the recorder at that moment, once, and not wait in the framework's unit a second
 * time; application records of the same transaction still wait for the framework's commit.
 */
class FrameworkTransactionTest {
    /** A framework transaction around the Hibernate one: active between {@link #begin} and commit or rollback. */
    private static final class FrameworkTransactions implements TransactionBinding {
        @Nullable
        ActivityTransaction unit;

        boolean active;

        void begin() {
            active = true;
        }

        void end(boolean committed) {
            active = false;
            if (unit != null) {
                if (committed) {
                    unit.commit();
                } else {
                    unit.discard();
                }
            }
            unit = null;
        }

        @Override
        public @Nullable ActivityTransaction current(Supplier<ActivityTransaction> opener) {
            if (!active) {
                return null;
            }
            if (unit == null) {
                unit = opener.get();
            }
            return unit;
        }
    }

    private final FrameworkTransactions framework = new FrameworkTransactions();
    private InMemoryActivityStore store;
    private ActivityRecorder recorder;
    private SessionFactory factory;

    @BeforeEach
    void start() {
        store = InMemoryActivityStore.create();
        recorder = ActivityRecorder.builder()
                .store(store)
                .mode(RecorderMode.SYNC)
                .transactions(framework)
                .build();
        factory = factory(AuditEntities.builder(recorder).actor(() -> "alice").build());
    }

    private static SessionFactory factory(AuditEntities audit) {
        Configuration cfg = new Configuration().addAnnotatedClass(Post.class).addAnnotatedClass(Author.class);
        cfg.setProperty(
                "hibernate.connection.url", "jdbc:h2:mem:" + TestDatabases.uniqueName("fwtx") + ";DB_CLOSE_DELAY=-1");
        cfg.setProperty("hibernate.hbm2ddl.auto", "create");
        cfg.getProperties().putAll(audit.applyTo(new HashMap<>()));
        return cfg.buildSessionFactory();
    }

    @AfterEach
    void stop() {
        factory.close();
        recorder.close();
    }

    private List<ActivityLog> records() {
        return store.find(ActivityQuery.latest()).items().stream()
                .sorted(ActivityLog.NEWEST_FIRST.reversed())
                .toList();
    }

    @Test
    void entityChangesAreRecordedAtHibernatesCommitOnceWithTheRequestsContext() {
        try (ActivityContext.Scope ignored = ActivityContext.open("req-7", null, "192.0.2.7");
                Session s = factory.openSession()) {
            framework.begin();
            s.beginTransaction();
            s.persist(new Post("Old"));
            recorder.record(ActionType.of("Publish"), b -> b.remarks("held until the framework commits"));
            s.getTransaction().commit();

            // Hibernate has committed, the framework transaction is still completing
            assertThat(records()).singleElement().satisfies(l -> {
                assertThat(l.action()).isEqualTo(ActionType.CREATE);
                assertThat(l.actor()).contains("alice");
                assertThat(l.requestId()).contains("req-7");
                assertThat(l.clientIp()).contains("192.0.2.7");
            });
            assertThat(recorder.stats().held()).isEqualTo(1);

            framework.end(true);
        }
        assertThat(records())
                .extracting(ActivityLog::action)
                .containsExactlyInAnyOrder(ActionType.CREATE, ActionType.of("Publish"));
        assertThat(records()).allSatisfy(l -> assertThat(l.requestId()).contains("req-7"));
        assertThat(recorder.stats().held()).isZero();
        assertThat(recorder.stats().discarded()).isZero();
    }

    @Test
    void aRecorderThatCannotWriteNeverFailsTheCommittedTransactionAndCountsEveryChange() {
        try (ActivityRecorder failing = ActivityRecorder.builder()
                .sink(batch -> {
                    throw new IllegalStateException("audit store down");
                })
                .mode(RecorderMode.SYNC)
                .build()) {
            AuditEntities audit = AuditEntities.builder(failing).build();
            try (SessionFactory f = factory(audit);
                    Session s = f.openSession()) {
                s.beginTransaction();
                s.persist(new Post("One"));
                s.persist(new Post("Two"));
                s.getTransaction().commit();
                assertThat(s.createQuery("select count(p) from Post p", Long.class)
                                .getSingleResult())
                        .isEqualTo(2);
            }
            assertThat(audit.failed()).isEqualTo(2);
        }
    }

    @Test
    void aRollbackRecordsNeitherTheEntityChangeNorTheHeldRecords() {
        try (Session s = factory.openSession()) {
            framework.begin();
            s.beginTransaction();
            s.persist(new Post("Never"));
            recorder.record(ActionType.of("Publish"), b -> b.remarks("discarded"));
            s.flush();
            s.getTransaction().rollback();
            framework.end(false);
        }
        assertThat(records()).isEmpty();
        assertThat(recorder.stats().discarded()).isEqualTo(1);
    }
}
